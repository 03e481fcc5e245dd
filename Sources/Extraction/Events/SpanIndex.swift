import NoteGraphCore

/// Items of one dimension sorted by start, to ask which lie inside a span in O(log n + k): the
/// events stage asks it for every block and clause, and a long note has many of both.
struct SpanIndex {
    let items: [Item]

    init(_ items: [Item]) { self.items = items.sorted { ($0.start, $0.end) < ($1.start, $1.end) } }

    /// The items that start and end inside `range`, in order.
    func within(_ range: Range<Int32>) -> [Item] {
        var lo = 0, hi = items.count
        while lo < hi { let mid = (lo + hi) / 2; if items[mid].start < range.lowerBound { lo = mid + 1 } else { hi = mid } }
        var end = lo
        while end < items.count, items[end].start < range.upperBound { end += 1 }
        return items[lo..<end].filter { $0.end <= range.upperBound }
    }

    /// The items that overlap `range`, in order: a date "Oct 2, 2025" belongs to both clauses
    /// its comma separates.
    func overlapping(_ range: Range<Int32>) -> [Item] {
        var lo = 0, hi = items.count
        while lo < hi { let mid = (lo + hi) / 2; if items[mid].start < range.lowerBound - Self.reach { lo = mid + 1 } else { hi = mid } }
        var out: [Item] = []
        while lo < items.count, items[lo].start < range.upperBound {
            if items[lo].end > range.lowerBound { out.append(items[lo]) }
            lo += 1
        }
        return out
    }

    /// How far before a range an overlapping item may start (UTF-16 units): items are short
    /// (a date, a name), so the search looks back this far only.
    static let reach: Int32 = 64

    /// The last item starting before `offset`, if any.
    func last(before offset: Int32) -> Item? {
        var lo = 0, hi = items.count
        while lo < hi { let mid = (lo + hi) / 2; if items[mid].start < offset { lo = mid + 1 } else { hi = mid } }
        return lo > 0 ? items[lo - 1] : nil
    }

    /// The first item starting at or after `offset`, if any.
    func first(from offset: Int32) -> Item? {
        var lo = 0, hi = items.count
        while lo < hi { let mid = (lo + hi) / 2; if items[mid].start < offset { lo = mid + 1 } else { hi = mid } }
        return lo < items.count ? items[lo] : nil
    }
}
