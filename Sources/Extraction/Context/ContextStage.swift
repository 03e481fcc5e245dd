import NoteGraphCore

/// The stage after the grammars: gives each figure the period, metric and subject that govern it
/// in its sentence (`FigureContext`) and emits figure records with their mentions
/// (`FigureEmitter`). Kept out of the grammar stages because it needs all of their items —
/// dates and metrics found before the figures, companies found after them.
public struct ContextStage: Stage {
    public let name = "context"
    public let requires: [Artifact] = [.companies]
    public let provides: [Artifact] = [.figures]

    /// What the lexicon says of companies that changes a figure's reading, read once here
    /// rather than from every entry for every note: fiscal year ends (by company id) and the
    /// companies in Japan (¥ after them is the yen).
    let fiscalYearEnd: [String: Int]
    let japanese: Set<String>

    public init(lexicon: Lexicon) {
        var fiscalYearEnd: [String: Int] = [:], japanese: Set<String> = []
        for entry in lexicon.entries where entry.lexiconClass == "company" {
            if let month = entry.property("fy_end")?.stringValue.flatMap({ Int($0) }) { fiscalYearEnd["company:" + entry.id] = month }
            if entry.property("region")?.stringValue == "JP" { japanese.insert("company:" + entry.id) }
        }
        self.fiscalYearEnd = fiscalYearEnd
        self.japanese = japanese
    }

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let context = FigureContext(items: work.items, segments: segments, text: document.text, fiscalYearEnd: fiscalYearEnd, japanese: japanese)
        var figures = context.figures()
        BilingualMerge.figures(&figures, runs: BilingualRuns(segments.paragraphs))
        FigureEmitter.emit(figures, sentences: segments.sentences, into: &work, document: document)
    }
}
