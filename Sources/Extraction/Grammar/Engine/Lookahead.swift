import NoteGraphCore

/// What must come right after a rule's first element for an attempt to be worth making. Many
/// rules share a first element (`[kind:number]`, `<number>`) and differ in the next one (亿,
/// 美元, %): checking that one token turns a run of the NFA into a few loads.
enum Lookahead: Sendable {
    /// The first element is one token: the token after it must pass the filter.
    case token(KeyFilter)
    /// The first element is an item of one of these dimensions: the token after one of them
    /// must pass the filter.
    case item(Set<String>, KeyFilter)

    func allows(_ view: DocumentView, _ features: [TokenFeatures], at p: Int, limit: Int) -> Bool {
        switch self {
        case let .token(filter):
            return p + 1 < limit && filter.admits(features[p + 1])
        case let .item(dimensions, filter):
            var i = view.firstItem[p]
            while i >= 0 {
                let item = view.items[Int(i)]
                if Int(item.endToken) < limit, filter.admits(features[Int(item.endToken)]), dimensions.contains(item.dimension) { return true }
                i = view.nextItem[Int(i)]
            }
            return false
        }
    }
}
