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
}
