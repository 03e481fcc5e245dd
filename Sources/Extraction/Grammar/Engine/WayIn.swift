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
    /// ending at `limit` with the element at `way`, given that the stage's index proposed it
    /// there. Static on a pointer: a `WayIn` is some 150 bytes, and calling a method on one
    /// read from the table copied it at every ask. A token element's check runs last, and only if
    /// some rule can go on after it.
    @inline(__always)
    static func masks(_ way: UnsafePointer<WayIn>, number: Int, at p: Int, limit: Int, features: UnsafePointer<TokenFeatures>, links: DocumentView.ItemLinks,
                      view: DocumentView, run: inout Run, _ take: (Int32) -> Void) {
        switch way.pointee.kind {
        case .open: way.pointee.follow.masks(after: nil, take)
        case .item:
            let dimension = way.pointee.dimension
            var i = links.first[p]
            while i >= 0 {
                if links.bit[Int(i)] & dimension != 0 {
                    let end = Int(links.end[Int(i)])
                    if mayFollow(way, number: number, at: end, limit: limit, features: features, run: &run) {
                        way.pointee.follow.masks(after: end < limit ? features[end] : nil, take)
                    }
                }
                i = links.next[Int(i)]
            }
        case .literal:
            guard let end = view.literal(way.pointee.literal, from: p, limit: limit),
                  mayFollow(way, number: number, at: end, limit: limit, features: features, run: &run) else { return }
            way.pointee.follow.masks(after: end < limit ? features[end] : nil, take)
        case .token:
            // The follow table first: it turns most tokens down in a load or two, before the
            // check is asked (and remembered) at all.
            guard mayFollow(way, number: number, at: p + 1, limit: limit, features: features, run: &run) else { return }
            let check = way.pointee.check
            if check >= 0 && !run.passes(check, p) { return }
            way.pointee.follow.masks(after: p + 1 < limit ? features[p + 1] : nil, take)
        }
    }

    /// Whether the follow table of the way at `way` selects any rule when token `t` comes next
    /// (`t == limit`: the sentence ends there): by the token's type, remembered per type and
    /// way in `run.follows`, else by its class or items.
    @inline(__always)
    static func mayFollow(_ way: UnsafePointer<WayIn>, number: Int, at t: Int, limit: Int, features: UnsafePointer<TokenFeatures>, run: inout Run) -> Bool {
        guard t < limit else { return way.pointee.follow.always >= 0 }
        let type = Int(run.types[t])
        if let known = run.follows.known(type, number) { return known || way.pointee.follow.selectsToken(features[t]) }
        return run.follows.answer(type, number) { way.pointee.follow.selectsType(features[t]) }
            || way.pointee.follow.selectsToken(features[t])
    }
}
