import NoteGraphCore

/// One step of a compiled pattern (a Thompson NFA over tokens and items).
enum Instruction: Sendable {
    /// Consume one token that passes the test (an index into the stage's `CheckTable`).
    case token(Int, next: Int)
    /// Consume tokens whose text spells the literal (lowercased UTF-16, one space per gap).
    case literal([UInt16], next: Int)
    /// Consume one item of this dimension starting here.
    case dimension(String, next: Int)
    /// Try `first`, then `second` (the order makes quantifiers greedy when captures are read).
    case split(Int, Int)
    /// Record the current position in capture slot `slot`.
    case save(Int, next: Int)
    case assertStart(next: Int)
    case assertEnd(next: Int)
    case match
}
