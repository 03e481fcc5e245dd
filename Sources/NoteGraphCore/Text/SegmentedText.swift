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

    /// Sets each sentence's token range from the spans (two pointers; both lists are sorted).
    /// Called after segmentation and again whenever the tokens change (the lexicon overlay).
    public mutating func attachTokensToSentences() {
        var t = 0
        for i in sentences.indices {
            let s = sentences[i]
            while t < tokens.count, tokens[t].end <= s.start { t += 1 }
            let first = t
            while t < tokens.count, tokens[t].start < s.end { t += 1 }
            sentences[i].tokens = first..<t
        }
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
