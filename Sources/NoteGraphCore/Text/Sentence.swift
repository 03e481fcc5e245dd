/// A sentence: a span of the document text and the tokens inside it.
public struct Sentence: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    /// Indices into `SegmentedText.tokens`.
    public var tokens: Range<Int>

    public init(start: Int32, end: Int32, tokens: Range<Int>) {
        self.start = start
        self.end = end
        self.tokens = tokens
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
}
