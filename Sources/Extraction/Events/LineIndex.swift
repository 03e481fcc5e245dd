/// Where each line of a text starts, for finding a line by offset in O(log n): timeline layout
/// asks for the line of every date, and a flattened page can be one very long line.
struct LineIndex {
    private var starts: [Int] = [0]
    private let length: Int

    init(_ text: [UInt16]) {
        length = text.count
        for (i, u) in text.enumerated() where u == 0x0A { starts.append(i + 1) }
    }

    var count: Int { starts.count }

    /// The line number (from 0) holding UTF-16 offset `offset`.
    func line(of offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// Line `n`'s text without its line feed.
    func range(_ n: Int) -> Range<Int> {
        let end = n + 1 < starts.count ? starts[n + 1] - 1 : length
        return starts[n]..<max(starts[n], end)
    }
}
