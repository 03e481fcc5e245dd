/// One step of the pipeline, as pipeline.json names it.
///
/// A stage says what it needs and what it adds, so the stage list is checked before any file is
/// read (the model is CoreNLP's annotators with `requires()` and what they add).
public protocol Stage: Sendable {
    var name: String { get }
    var requires: [Artifact] { get }
    var provides: [Artifact] { get }
    /// Runs on one document. Throws `InputError` for a bad file; anything else is a bug.
    func run(_ work: inout DocumentWork) throws
}

/// What stages hand each other.
public enum Artifact: String, Sendable, CaseIterable {
    /// The reader's decoded text and metadata (`DocumentWork.raw`).
    case rawNote
    /// Normalised text with offsets map, title and date (`DocumentWork.document`).
    case document
    /// Paragraphs, sentences and tokens (`DocumentWork.segments`).
    case tokens
    /// Tokens carrying lexicon entries.
    case lexiconTokens
    /// Company nodes and their mentions.
    case companies
    /// Figure records with their period, metric and subject.
    case figures
    /// Dated event records, with their companies and figures.
    case events
    /// Attributed claim records, with their source, subjects and figures.
    case claims
}
