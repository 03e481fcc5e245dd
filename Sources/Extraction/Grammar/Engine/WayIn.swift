import NoteGraphCore

/// One distinct first element of a stage's rules: a token test, a literal, an item of a
/// dimension, or (for rules whose ways in cannot be told) nothing to check. Many rules begin
/// alike (`<number>`, `the`, a short number, `@BEFORE?`'s words), so the stage asks each
/// element at most once per token, and its `FollowTable` then names, from the token after it,
/// the rules that can go on: the per-rule work is one bit.
struct WayIn: @unchecked Sendable {
    enum Kind: UInt8 {
        /// Rules without lookahead: being proposed is enough.
        case open
        case token
        case literal
        case item
    }

    var kind: Kind
    /// A token element's check (−1: none).
    var check: Int
    /// A literal element's folded units (in the stage's arena).
    var literal: UnsafeBufferPointer<UInt16>
    /// An item element's `TokenKeys.bit` of its dimension.
    var dimension: UInt64
    var follow: FollowTable

    init(_ first: LookaheadKeys.First?, follow: FollowTable, arena: FilterArena) {
        kind = .open
        check = -1
        literal = UnsafeBufferPointer(start: nil, count: 0)
        dimension = 0
        self.follow = follow
        switch first {
        case nil: break
        case let .token(_, check)?:
            kind = .token
            self.check = check
        case let .literal(units, _)?:
            kind = .literal
            let buffer = arena.buffer(units.count, of: UInt16.self, initial: 0)
            buffer.update(from: units, count: units.count)
            literal = UnsafeBufferPointer(start: buffer, count: units.count)
        case let .item(d)?:
            kind = .item
            dimension = TokenKeys.bit(d)
        }
    }

    /// Calls `take` with the masks of the rules that can start at token `p` of a sentence
    /// ending at `limit` with this element, given that the stage's index proposed it there.
    /// A token element's check runs last, and only if some rule can go on after it: checks
    /// are the dear part (`run` remembers the dearest per token).
    @inline(__always)
    func masks(at p: Int, limit: Int, features: [TokenFeatures], links: DocumentView.ItemLinks, view: DocumentView,
               run: inout Run, _ take: (Int32) -> Void) {
        switch kind {
        case .open: follow.masks(after: nil, take)
        case .item:
            var i = links.first[p]
            while i >= 0 {
                if links.bit[Int(i)] & dimension != 0 {
                    let end = Int(links.end[Int(i)])
                    follow.masks(after: end < limit ? features[end] : nil, take)
                }
                i = links.next[Int(i)]
            }
        case .literal:
            guard let end = view.literal(literal, from: p, limit: limit) else { return }
            follow.masks(after: end < limit ? features[end] : nil, take)
        case .token:
            let next = p + 1 < limit ? features[p + 1] : nil
            var any = false
            follow.masks(after: next) { _ in any = true }
            if !any || (check >= 0 && !run.passes(check, p)) { return }
            follow.masks(after: next, take)
        }
    }
}
