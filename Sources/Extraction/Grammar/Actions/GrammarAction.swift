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
    /// What only some inputs carry (a refusal to fill, arguments or a prepared value of their
    /// own), in one box: the usual input holds a nil reference here and its captures, nothing
    /// else to retain or release (the matcher copies and destroys an input at every attempt).
    /// Immutable, so that a copy of an input is unaffected by setting the original's.
    private var extras: Extras?

    private final class Extras {
        let refusal: Refusal?
        let arguments: [String]?
        /// Whether `prepared` is the input's own (nil too), not the rule's.
        let hasPrepared: Bool
        let prepared: (any Sendable)?

        init(refusal: Refusal?, arguments: [String]?, hasPrepared: Bool, prepared: (any Sendable)?) {
            self.refusal = refusal
            self.arguments = arguments
            self.hasPrepared = hasPrepared
            self.prepared = prepared
        }
    }

    /// Set only when explaining: where `refuse` writes why the action gives no value.
    public var refusal: Refusal? {
        get { extras?.refusal }
        set { extras = Extras(refusal: newValue, arguments: extras?.arguments, hasPrepared: extras?.hasPrepared ?? false, prepared: extras?.prepared) }
    }

    /// The rule's arguments (from its `action` line). Set by an action that hands another
    /// action an input of its own (`date.offset` passes its anchor's reader the arguments
    /// after its first).
    public var arguments: [String] {
        get { extras?.arguments ?? rule.arguments }
        set { extras = Extras(refusal: extras?.refusal, arguments: newValue, hasPrepared: extras?.hasPrepared ?? false, prepared: extras?.prepared) }
    }

    /// What the action's `prepare` made of the arguments, once per rule (nil: nothing).
    public var prepared: (any Sendable)? {
        get {
            if let extras, extras.hasPrepared { return extras.prepared }
            return rule.prepared
        }
        set { extras = Extras(refusal: extras?.refusal, arguments: extras?.arguments, hasPrepared: true, prepared: newValue) }
    }
    /// `prepared` as the type its action's `prepare` makes, nil when it is not one. Compares
    /// the held value's type with T instead of casting (`as?` runs the runtime's general cast,
    /// which cost more than the table lookups it served); the types prepared are final classes
    /// and structs, so the exact type is the only one a cast would accept.
    public func prepared<T>(as type: T.Type) -> T? {
        func exactly<P>(_ p: P) -> T? { P.self == T.self ? unsafeBitCast(p, to: T.self) : nil }
        if let extras, extras.hasPrepared {
            guard let value = extras.prepared else { return nil }
            return exactly(value)
        }
        guard let p = rule.prepared else { return nil }
        return exactly(p)
    }

    /// The note's own date (ISO), for relative expressions.
    public var referenceDate: String? { view.referenceDate }

    init(start: Int32, end: Int32, captures: [Capture], view: DocumentView, rule: StageMatcher.CompiledRule, refusal: Refusal?) {
        self.start = start
        self.end = end
        self.captures = captures
        self.view = view
        self.rule = rule
        if let refusal { extras = Extras(refusal: refusal, arguments: nil, hasPrepared: false, prepared: nil) }
    }

    /// The whole match's text, built only when an action asks (most read their captures).
    public var text: String { view.string(start, end) }

    /// The first capture named so. Searched by position: `first(where:)` copied each capture it
    /// passed (retaining its name and value), and actions ask several names per call.
    public func capture(_ name: String) -> Capture? {
        guard let i = index(name) else { return nil }
        return captures[i]
    }

    /// Where the first capture named so is in `captures`: for reading a field or two of it
    /// without copying the whole capture.
    public func index(_ name: String) -> Int? {
        for i in captures.indices where captures[i].name == name { return i }
        return nil
    }

    /// Whether a capture of that name took part (no copy of it made).
    public func has(_ name: String) -> Bool { index(name) != nil }

    /// A capture's text, or nil if it did not take part.
    public func text(_ name: String) -> String? {
        guard let i = index(name) else { return nil }
        return view.string(captures[i].start, captures[i].end)
    }

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
