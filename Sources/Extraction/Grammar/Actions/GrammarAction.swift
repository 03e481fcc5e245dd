import NoteGraphCore

/// What an action is given: the matched text, its named captures, the rule's arguments (from
/// its `action` line) and the note's date for relative expressions.
public struct ActionInput {
    /// UTF-16 bounds of the whole match in the document.
    public var start: Int32
    public var end: Int32
    /// The captures that took part in the match (a pattern has a handful: searched by name).
    public var captures: [Capture]
    /// The document and the rule, held without reference counting: an input lives only for
    /// its action's call, while both live for the whole match, and two cores retaining and
    /// releasing the same view and rule at every attempt fought over their reference counts
    /// (matching on two cores took a third more CPU time than on one).
    public unowned(unsafe) let view: DocumentView
    unowned(unsafe) let rule: StageMatcher.CompiledRule
    /// Set only when explaining: where `refuse` writes why the action gives no value.
    public var refusal: Refusal? = nil

    /// Set by an action that hands another action an input of its own (`date.offset` passes
    /// its anchor's reader the arguments after its first): nil, the rule's. One reference, not
    /// the two optionals it holds: an input is made, copied and destroyed at every match, and
    /// destroying an optional existential inline cost more than the rest of the input.
    private var own: Own?

    /// What an action set on an input it hands on (nil: the rule's). Never changed once made,
    /// so copies of an input share it safely; each setter makes a new one.
    private final class Own {
        let arguments: [String]?
        let prepared: (any Sendable)??
        init(arguments: [String]?, prepared: (any Sendable)??) {
            self.arguments = arguments
            self.prepared = prepared
        }
    }

    /// The rule's arguments (from its `action` line).
    public var arguments: [String] {
        get { own?.arguments ?? rule.arguments }
        set { own = Own(arguments: newValue, prepared: own?.prepared) }
    }

    /// What the action's `prepare` made of the arguments, once per rule (nil: nothing).
    public var prepared: (any Sendable)? {
        get { own?.prepared ?? rule.prepared }
        set { own = Own(arguments: own?.arguments, prepared: .some(newValue)) }
    }
    /// The note's own date (ISO), for relative expressions.
    public var referenceDate: String? { view.referenceDate }

    init(start: Int32, end: Int32, captures: [Capture], view: DocumentView, rule: StageMatcher.CompiledRule, refusal: Refusal?) {
        self.start = start
        self.end = end
        self.captures = captures
        self.view = view
        self.rule = rule
        self.refusal = refusal
    }

    /// The whole match's text, built only when an action asks (most read their captures).
    public var text: String { view.string(start, end) }

    /// By index: `first(where:)` copied (retained and released) every capture it passed.
    public func capture(_ name: String) -> Capture? {
        for i in captures.indices where captures[i].name == name { return captures[i] }
        return nil
    }

    /// A capture's text, or nil if it did not take part.
    public func text(_ name: String) -> String? { capture(name).map { view.string($0.start, $0.end) } }

    /// A capture's value if it is one item, else nil.
    public func value(_ name: String) -> JSONValue? { capture(name)?.value }

    /// No value, and why: the reason is built only when explaining (`refusal` set), so actions
    /// can say why at every refusal without cost on the ordinary path. Returns nil.
    public func refuse(_ reason: @autoclosure () -> String) -> JSONValue? {
        if let refusal, refusal.reason == nil { refusal.reason = reason() }
        return nil
    }

    /// A number from a capture: an item's `value` field, or the capture's text read as a number.
    public func number(_ name: String) -> Double? {
        guard let c = capture(name) else { return nil }
        if let v = c.value?["value"] { return v.doubleValue }
        return NumberText.arabic(view.string(c.start, c.end))
    }
}

/// A named Swift action: the dimension its values belong to, a check of the arguments a rule
/// gives it (nil = fine, else why not), and the function from captures to value (nil = the match
/// is not one after all, e.g. 13月).
public struct GrammarAction: Sendable {
    public let name: String
    public let dimension: String
    public let summary: String
    public let checkArguments: @Sendable ([String]) -> String?
    /// Reads a rule's arguments once, when the rule is compiled (word tables: `GW=1e9 …`), so
    /// that `run` does not parse them again at every match.
    public let prepare: @Sendable ([String]) -> (any Sendable)?
    public let run: @Sendable (ActionInput) -> JSONValue?

    public init(_ name: String, dimension: String, summary: String,
                checkArguments: @escaping @Sendable ([String]) -> String? = { $0.isEmpty ? nil : "takes no arguments" },
                prepare: @escaping @Sendable ([String]) -> (any Sendable)? = { _ in nil },
                run: @escaping @Sendable (ActionInput) -> JSONValue?) {
        self.name = name
        self.dimension = dimension
        self.summary = summary
        self.checkArguments = checkArguments
        self.prepare = prepare
        self.run = run
    }
}
