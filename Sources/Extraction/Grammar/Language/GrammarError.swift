import NoteGraphCore

/// A rule file that cannot be loaded: where (`file:line:column`), what was expected and what
/// was found. A grammar with any such error stops the import before any note is read.
public struct GrammarError: UserError, Equatable {
    public var position: SourcePosition
    public var reason: String

    public init(_ position: SourcePosition, _ reason: String) {
        self.position = position
        self.reason = reason
    }

    /// "expected X, found Y" in one consistent wording.
    public init(_ position: SourcePosition, expected: String, found: String) {
        self.init(position, "expected \(expected), found \(found)")
    }

    public var message: String { "\(position): \(reason)" }
}
