/// A block of text between line breaks (a paragraph, heading, list item or table cell), with the
/// language its letters are written in. Bilingual notes alternate `en` and `zh` paragraphs,
/// which is what cross-language alignment (a later stage) pairs up.
public struct Paragraph: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var language: Language
    /// Indices into `SegmentedText.sentences`.
    public var sentences: Range<Int>

    public init(start: Int32, end: Int32, language: Language, sentences: Range<Int>) {
        self.start = start
        self.end = end
        self.language = language
        self.sentences = sentences
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// The language of a paragraph or document.
public enum Language: String, Sendable, CaseIterable {
    case zh, en, mixed
    /// No letters at all (a row of numbers, a rule line).
    case none
}
