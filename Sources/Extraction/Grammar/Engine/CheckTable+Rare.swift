import NoteGraphCore

/// Which tests are rare enough that a sentence may be required to hold a token passing one.
extension CheckTable {
    /// A test of what a token is made of (`all:`) that also asks for a character outside a
    /// narrower set (`!all:`), decided by the token's type: a number glued to its unit
    /// (`[kind:word & first:"0123456789" & all:"0123456789.,kKMGTW" & !all:"0123456789.,kKMGT"]`,
    /// 120kW). Few tokens of a note are such, where its keys (digits) are in most sentences.
    /// Whether a token of `kind` may pass `c`: false only where `c` is, or is all of, a `kind:`
    /// test of another kind.
    func mayPass(_ c: Int, kind: TokenKind) -> Bool {
        switch checks[c] {
        case let .kind(k): return k == kind
        case let .and(parts): return parts.allSatisfy { mayPass($0, kind: kind) }
        case let .or(parts): return parts.contains { mayPass($0, kind: kind) }
        default: return true
        }
    }

    func isRare(_ c: Int) -> Bool {
        guard textOnly[c], case let .and(parts) = checks[c] else { return false }
        var made = false, holds = false
        for p in parts {
            switch checks[p] {
            case .all: made = true
            case let .not(inner): if case .all = checks[inner] { holds = true }
            default: break
            }
        }
        return made && holds
    }
}
