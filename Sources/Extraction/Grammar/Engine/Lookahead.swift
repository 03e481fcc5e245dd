import NoteGraphCore

/// A rule's `LookaheadKeys` compiled for the matcher, asked at every proposal: its item ways in
/// (one per dimension: `<number>` then what must follow it) checked here, its token ways in
/// by the stage's shared `LookaheadBranch`es, each answer remembered per token. Plain values and pointers into the
/// stage's arena (an array here would be retained and released at each ask).
struct Lookahead: @unchecked Sendable {
    struct ItemBranch {
        /// The `TokenKeys.bit` of the dimension.
        var dimension: UInt64
        /// Keys of the token after the item; nil: anything or nothing.
        var follow: KeyFilter?
    }

    /// No test: every proposal is run (the rule's ways in could not be told).
    var open = true
    var items = UnsafeBufferPointer<ItemBranch>(start: nil, count: 0)
    /// The union of the token ways' first keys: one ask turns most tokens away.
    var first = KeyFilter()
    /// Indexes into the stage's branches.
    var branches = UnsafeBufferPointer<Int32>(start: nil, count: 0)

    init() {}

    /// `shared` interns the token ways in: rules that start alike share their branches.
    init(_ keys: LookaheadKeys?, arena: FilterArena, shared: inout [LookaheadKeys.Branch: Int32]) {
        guard let keys else { return }
        open = false
        var byDimension: [String: Set<FirstKey>?] = [:], order: [String] = []
        var tokens: [LookaheadKeys.Branch] = []
        for b in keys.branches {
            guard case let .item(d) = b.first else { tokens.append(b); continue }
            if byDimension[d] == nil { order.append(d); byDimension[d] = b.follow }
            else if let known = byDimension[d]! { byDimension[d] = b.follow.map { known.union($0) } }
        }
        if !order.isEmpty {
            let list = order.map { ItemBranch(dimension: TokenKeys.bit($0), follow: byDimension[$0]!.map(arena.filter)) }
            let buffer = arena.buffer(list.count, of: ItemBranch.self, initial: list[0])
            for (k, b) in list.enumerated() { buffer[k] = b }
            items = UnsafeBufferPointer(start: buffer, count: list.count)
        }
        var union: Set<FirstKey>? = []
        var ids: [Int32] = []
        for b in tokens {
            switch b.first {
            case let .token(k, _): if let k { union?.formUnion(k) } else { union = nil }
            case let .literal(_, k): union?.formUnion(k)
            case .item: break
            }
            if let known = shared[b] { ids.append(known) } else { ids.append(Int32(shared.count)); shared[b] = Int32(shared.count) }
        }
        first = union.map(arena.filter) ?? .everything
        if !ids.isEmpty {
            let buffer = arena.buffer(ids.count, of: Int32.self, initial: 0)
            buffer.update(from: ids, count: ids.count)
            branches = UnsafeBufferPointer(start: buffer, count: ids.count)
        }
    }

    /// Whether some way into the rule can start at token `p` of a sentence ending at `limit`.
    /// `stamp[b] == p` says branch b's answer at p is already in `answer[b]`.
    @inline(__always) func allows(_ links: DocumentView.ItemLinks, _ features: [TokenFeatures], at p: Int, limit: Int,
                                  view: DocumentView, shared: UnsafeBufferPointer<LookaheadBranch>, run: inout Run,
                                  stamp: inout [Int], answer: inout [Bool]) -> Bool {
        if open { return true }
        for b in items {
            var i = links.first[p]
            while i >= 0 {
                if links.bit[Int(i)] & b.dimension != 0 {
                    guard let follow = b.follow else { return true }
                    let end = Int(links.end[Int(i)])
                    if end < limit, follow.admits(features[end]) { return true }
                }
                i = links.next[Int(i)]
            }
        }
        guard branches.count > 0, first.admits(features[p]) else { return false }
        for b in branches {
            let k = Int(b)
            if stamp[k] != p {
                stamp[k] = p
                answer[k] = shared[k].allows(features, at: p, limit: limit, view: view, run: &run)
            }
            if answer[k] { return true }
        }
        return false
    }
}
