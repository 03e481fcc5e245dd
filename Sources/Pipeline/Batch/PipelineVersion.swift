/// The pipeline a document was read with, in parts, so a re-run can tell what changed: the
/// engine, the stage list with its options, the lexicon, the grammar. Stored as one string
/// (`engine+stages+lexicon+grammar`) with each source path.
public struct PipelineVersion: Equatable, Sendable {
    public var engine: String
    public var stages: String
    public var lexicon: String
    public var grammar: String

    public init(engine: String, stages: String, lexicon: String, grammar: String) {
        self.engine = engine
        self.stages = stages
        self.lexicon = lexicon
        self.grammar = grammar
    }

    /// Reads a stored version; nil for anything not in the four-part form.
    public init?(parsing string: String) {
        let parts = string.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { return nil }
        self.init(engine: parts[0], stages: parts[1], lexicon: parts[2], grammar: parts[3])
    }

    public var string: String { [engine, stages, lexicon, grammar].joined(separator: "+") }
}
