import NoteGraphCore

/// One distinct way into a stage's rules: a first element (a token test, a literal, an item of
/// a dimension, or, for a rule whose ways in cannot be told, nothing to check) and the keys of
/// the token after it. Most rules begin alike (`@BEFORE? <number> …`, `the`, a short number),
/// so the stage keeps each way once, asks it at most once per token, and lets a passing way
/// name all its rules at once (`WayTable`): the per-rule work is then one bit.
struct WayIn: @unchecked Sendable {
    enum Kind: UInt8 {
        /// A rule without lookahead: proposing it is enough.
        case open
        case token
        case literal
        case item
    }

    var kind: Kind
    /// A token way's check (−1: none).
    var check: Int
    /// A literal way's folded units (in the stage's arena).
    var literal: UnsafeBufferPointer<UInt16>
    /// An item way's `TokenKeys.bit` of its dimension.
    var dimension: UInt64
    /// Keys of the token after the first element; nil: anything or nothing.
    var follow: KeyFilter?

    init(open: Void) {
        kind = .open
        check = -1
        literal = UnsafeBufferPointer(start: nil, count: 0)
        dimension = 0
    }

    init(_ keys: LookaheadKeys.Branch, arena: FilterArena) {
        self.init(open: ())
        follow = keys.follow.map(arena.filter)
        switch keys.first {
        case let .token(_, check):
            kind = .token
            self.check = check
        case let .literal(units, _):
            kind = .literal
            let buffer = arena.buffer(units.count, of: UInt16.self, initial: 0)
            buffer.update(from: units, count: units.count)
            literal = UnsafeBufferPointer(start: buffer, count: units.count)
        case let .item(d):
            kind = .item
            dimension = TokenKeys.bit(d)
        }
    }

    /// Whether the way can start at token `p` of a sentence ending at `limit`, given that the
    /// stage's index proposed it there (so the first token has one of its keys). A token way's
    /// own check runs last, through `run`, which remembers dear checks.
    @inline(__always)
    func passes(at p: Int, limit: Int, features: [TokenFeatures], links: DocumentView.ItemLinks,
                view: DocumentView, run: inout Run) -> Bool {
        switch kind {
        case .open: return true
        case .item:
            var i = links.first[p]
            while i >= 0 {
                if links.bit[Int(i)] & dimension != 0 {
                    guard let follow else { return true }
                    let end = Int(links.end[Int(i)])
                    if end < limit, follow.admits(features[end]) { return true }
                }
                i = links.next[Int(i)]
            }
            return false
        case .literal:
            guard let end = view.literal(literal, from: p, limit: limit) else { return false }
            guard let follow else { return true }
            return end < limit && follow.admits(features[end])
        case .token:
            if let follow, !(p + 1 < limit && follow.admits(features[p + 1])) { return false }
            return check < 0 || run.passes(check, p)
        }
    }
}
