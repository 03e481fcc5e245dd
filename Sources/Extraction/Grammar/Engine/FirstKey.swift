import NoteGraphCore

/// What a rule's first token must be, as looked up per token position.
enum FirstKey: Hashable, Sendable {
    case lower(UInt64)        // hash of the lowercased token text
    case firstUnit(UInt16)    // the first UTF-16 unit (as written): literals may span tokens
    case kind(TokenKind)
    case script(Script)
    case lexiconClass(String)
    case dimension(String)

    /// Lower is more selective: a word or class beats a first character beats a kind or script.
    static func rank(_ keys: Set<FirstKey>) -> Int {
        keys.reduce(0) { r, k in
            switch k {
            case .lower, .lexiconClass, .dimension: return r + 1
            case .firstUnit: return r + 4
            case .kind, .script: return r + 1000
            }
        }
    }

    /// A total order for building tables deterministically. Sorting by `"\(key)"` went through
    /// reflection on every comparison and took most of the grammar's load time (0.9 s of 1.2 s).
    static func ordered(_ a: FirstKey, _ b: FirstKey) -> Bool {
        let (x, y) = (a.sortKey, b.sortKey)
        if x.0 != y.0 { return x.0 < y.0 }
        if x.1 != y.1 { return x.1 < y.1 }
        return x.2 < y.2
    }

    private var sortKey: (Int, UInt64, String) {
        switch self {
        case let .lower(h): return (0, h, "")
        case let .firstUnit(u): return (1, UInt64(u), "")
        case let .kind(k): return (2, UInt64(k.rawValue), "")
        case let .script(s): return (3, UInt64(s.rawValue), "")
        case let .lexiconClass(c): return (4, 0, c)
        case let .dimension(d): return (5, 0, d)
        }
    }
}
