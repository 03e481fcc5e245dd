import NoteGraphCore

/// The ways into a rule, each with what must follow its first element, when that can be said.
/// Many rules share a first element (`<number>`) and differ in the next one (亿, 美元, %), and
/// most start with an optional modifier (`@BEFORE? <number> …`): checking, per way in, the
/// first element and the one token after it turns a run of the NFA into a few loads.
struct LookaheadKeys: Sendable {
    enum First: Hashable, Sendable {
        /// One token with one of these keys (nil: any token) passing check `check`.
        case token(Set<FirstKey>?, check: Int)
        /// A literal (folded), whose first token has one of these keys.
        case literal([UInt16], Set<FirstKey>)
        /// An item of this dimension.
        case item(String)
    }

    struct Branch: Hashable, Sendable {
        var first: First
        /// Keys of the token right after the first element; nil when anything (or nothing) may
        /// follow.
        var follow: Set<FirstKey>?
    }

    var branches: [Branch]
}
