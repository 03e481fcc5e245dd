import NoteGraphCore

/// What the first-token index and lookahead filters ask of a token, in one 24-byte record so
/// that asking costs one load and no reference counting.
struct TokenFeatures: Sendable {
    /// `TokenKeys.hash` of the folded text.
    var hash: UInt64
    /// `TokenKeys.bit` of the token's lexicon class (0 if none).
    var classBit: UInt64
    /// `TokenKeys.bit`s of the dimensions of the items starting at the token.
    var dimensionBits: UInt64 = 0
    var firstUnit: UInt16
    var kind: TokenKind
    var script: Script
}
