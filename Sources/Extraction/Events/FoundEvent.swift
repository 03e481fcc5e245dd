import NoteGraphCore

/// An event as the events stage found it, before it becomes a record: offsets are UTF-16 into
/// the document's text.
struct FoundEvent {
    var date: String
    var precision: String
    var title: String
    /// The action's name (`launch`, `invest`), when an action word was found.
    var action: String?
    /// `happened`, `scheduled` or `expected` (`EventStatus`).
    var status: String
    /// Company ids in order of first mention.
    var companies: [String]
    /// The companies that make two reports of the event the same one (a timeline title's, a
    /// clause's); with the date and action they give an id that leaves the document out.
    var keyCompanies: [String]
    /// Names of the lexicon's products mentioned.
    var products: [String]
    /// Where its figures are looked for: a timeline block, a clause.
    var span: Range<Int32>
    /// The mentions: the words the title is made of (or the title, and a timeline's teasers),
    /// with the rule and the sentence shown beside each.
    var mentions: [(range: Range<Int32>, rule: String, sentence: Range<Int32>)]
    /// Where links are counted from: the action word's start (nil for a timeline block).
    var anchor: Int32?
    var sentenceIndex: Int
    /// A block of a timeline: the list itself says these are distinct events.
    var fromTimeline: Bool
}
