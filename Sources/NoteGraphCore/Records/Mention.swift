/// Where a record was found: the provenance every record but documents and edges carries.
/// Offsets are Unicode scalar offsets into the document's stored text, end exclusive.
public struct Mention: Sendable, Equatable {
    public var nodeID: String
    public var documentID: String
    public var start: Int
    public var end: Int
    public var text: String
    /// The rule that produced it, `file#rule` (e.g. `companies/lexicon#term`).
    public var rule: String
    /// The sentence the mention sits in (scalar offsets), for `notegraph show`.
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// Why the mention is in this record when its own key would not have put it there (nil:
    /// the record's normalised key).
    public var merge: MergeReason?

    public init(nodeID: String, documentID: String, start: Int, end: Int, text: String, rule: String,
                sentenceStart: Int, sentenceEnd: Int, merge: MergeReason? = nil) {
        self.nodeID = nodeID
        self.documentID = documentID
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
        self.merge = merge
    }
}
