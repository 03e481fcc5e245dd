import NoteGraphCore

/// What must come right after a rule's first element for an attempt to be worth making. Many
/// rules share a first element (`[kind:number]`, `<number>`) and differ in the next one (亿,
/// 美元, %): checking that one token turns a run of the NFA into a few loads.
enum LookaheadKeys: Sendable {
    /// The first element is one token: the keys of the token after it.
    case token(Set<FirstKey>)
    /// The first element is an item of one of these dimensions: the keys of the token after it.
    case item(Set<String>, Set<FirstKey>)
}

/// `LookaheadKeys` compiled for the matcher: plain values, asked at every proposal.
struct Lookahead: Sendable {
    enum Mode: UInt8, Sendable { case none, token, item }
    var mode = Mode.none
    var filter = KeyFilter.everything
    /// `TokenKeys.bit`s of the item dimensions (item mode).
    var dimensions: UInt64 = 0

    init() {}

    init(_ keys: LookaheadKeys?, arena: FilterArena) {
        switch keys {
        case nil: break
        case let .token(k): mode = .token; filter = arena.filter(k)
        case let .item(d, k):
            mode = .item
            filter = arena.filter(k)
            dimensions = d.reduce(0) { $0 | TokenKeys.bit($1) }
        }
    }

    @inline(__always) func allows(_ items: DocumentView.ItemLinks, _ features: [TokenFeatures], at p: Int, limit: Int) -> Bool {
        switch mode {
        case .none: return true
        case .token: return p + 1 < limit && filter.admits(features[p + 1])
        case .item:
            var i = items.first[p]
            while i >= 0 {
                let end = Int(items.end[Int(i)])
                if end < limit, items.bit[Int(i)] & dimensions != 0, filter.admits(features[end]) { return true }
                i = items.next[Int(i)]
            }
            return false
        }
    }
}
