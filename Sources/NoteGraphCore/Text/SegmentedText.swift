/// The output of segmentation: paragraphs ▸ sentences ▸ tokens, all over one `DocumentText`.
public struct SegmentedText: Sendable {
    public var paragraphs: [Paragraph]
    public var sentences: [Sentence]
    public var tokens: [Token]

    public init(paragraphs: [Paragraph] = [], sentences: [Sentence] = [], tokens: [Token] = []) {
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.tokens = tokens
    }

    /// The sentence that holds a UTF-16 offset (binary search).
    public func sentenceIndex(containing offset: Int32) -> Int? {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].start <= offset ? lo : nil
    }
}
