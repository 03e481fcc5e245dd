import NoteGraphCore

/// A rule's pattern compiled to instructions, with its capture names and the keys its first
/// token can have (for the stage's first-token index).
public struct Program: Sendable {
    var instructions: [Instruction]
    var entry: Int
    /// Capture name → index; slots 2i and 2i+1 hold its start and end.
    var captureNames: [String]
    /// nil when the first token cannot be narrowed down (a regex, a negation, `[]`).
    var firstKeys: Set<FirstKey>?
    /// What must follow the first element, when that can be said.
    var lookahead: LookaheadKeys?
    /// Set when the whole pattern is one token test, perhaps captured (`c:[class:company]`):
    /// the matcher then tests the token and skips the NFA.
    var single: (check: Int, capture: Int?)?
    /// Per instruction, the keys of the first token of any match from there (`StepKeys`): the
    /// matcher skips an alternative at a token that has none of them.
    var stepKeys: [Set<FirstKey>?] = []
    /// Keys a sentence must hold one of for the rule to match in it (`Compiler.requirement`).
    var requirement: Set<RequirementKey>?

    static let maxInstructions = 4096
}
