import NoteGraphCore

/// Stage `segment`: paragraphs, sentences and tokens with ICU; sets the document's language.
public struct SegmentStage: Stage {
    public let name = "segment"
    public let requires: [Artifact] = [.document]
    public let provides: [Artifact] = [.tokens]
    public let segmenter: Segmenter

    public init(maxSentenceLength: Int = 2000) { segmenter = Segmenter(maxSentenceLength: maxSentenceLength) }

    public init(config: ConfigReader) throws {
        let max = try config.int("maxSentenceLength", default: 2000, range: 100...100_000)
        try config.finish()
        self.init(maxSentenceLength: max)
    }

    public func run(_ work: inout DocumentWork) throws {
        var document = try work.requireDocument(name)
        let out = try segmenter.segment(document.text)
        document.language = out.language
        if out.cutSentences > 0 {
            document.warnings.append("\(out.cutSentences) sentence(s) longer than \(segmenter.maxSentenceLength) characters were cut at a word boundary")
        }
        work.document = document
        work.segments = out.segments
    }
}
