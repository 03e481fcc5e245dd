import NoteGraphCore

/// One parsed rule file: `Grammars/<stage>/<name>.rules`.
public struct RuleFile: Sendable {
    /// `<stage>/<stem>`: the file part of every rule id in it (`figures/zh`).
    public var id: String
    public var path: String
    public var stage: String
    /// The date relative expressions in examples resolve against (`reference 2025-06-30`).
    public var reference: String?
    public var macros: [String: Macro] = [:]
    public var rules: [Rule] = []
}

/// `macro NAME = pattern`: a named sub-pattern, expanded where `@NAME` appears.
public struct Macro: Sendable {
    public var name: String
    public var pattern: Pattern
    public var position: SourcePosition
}

/// One rule: a pattern, the action that turns its captures into a value, and its examples.
public struct Rule: Sendable {
    public var name: String
    /// `<stage>/<stem>#<name>`, as stored on every mention the rule produces.
    public var id: String
    public var position: SourcePosition
    public var pattern: Pattern
    public var action: String
    public var arguments: [String]
    public var actionPosition: SourcePosition
    /// Breaks ties between overlapping matches of equal length (higher wins).
    public var priority: Int
    public var examples: [Example]
    public var reference: String?
}

/// `example "input" => key=value …` (must match the whole input with at least these values) or
/// `not "input"` (this rule must produce nothing there).
public struct Example: Sendable {
    public var input: String
    public var expected: [(String, JSONValue)]
    public var mustMatch: Bool
    public var position: SourcePosition
}
