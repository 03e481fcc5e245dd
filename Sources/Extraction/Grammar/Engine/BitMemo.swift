/// Remembered yes/no answers per row (a token type, or a token) and column (a test, a way in, a
/// step filter), two bits each: whether the answer is known, and what it is. A row is cleared
/// the first time it is used: most rows never are, and clearing rows × columns up front for
/// every document and stage cost more than all the asking. Bits, not bytes: these tables are
/// asked at nearly every token with a new row each time, and a byte per way of a stage with
/// hundreds of ways spread a row over more cache lines than the answers were worth.
struct BitMemo {
    /// Words per row: `words` of "known" bits, then `words` of answers.
    private let words: Int
    private let cells: UnsafeMutablePointer<UInt64>
    private let cleared: UnsafeMutablePointer<Bool>

    init(rows: Int, columns: Int, arena: FilterArena) {
        words = max(1, (columns + 63) / 64)
        cells = arena.uninitialized(max(1, rows * words * 2), of: UInt64.self)
        cleared = arena.uninitialized(max(1, rows), of: Bool.self)
    }

    /// Sets up `rows` (nothing known of them): called for every row before it is asked.
    func add(_ rows: Range<Int>) {
        (cleared + rows.lowerBound).initialize(repeating: false, count: rows.count)
    }

    /// The answer at `row` and `column` if it was worked out (nil: not yet): the few loads a
    /// caller inlines, leaving the working out to a call.
    @inline(__always) func known(_ row: Int, _ column: Int) -> Bool? {
        guard cleared[row] else { return nil }
        let start = cells + row &* words &* 2
        let w = column >> 6, bit: UInt64 = 1 << UInt64(column & 63)
        guard start[w] & bit != 0 else { return nil }
        return start[words &+ w] & bit != 0
    }

    /// The answer at `row` and `column`, worked out by `compute` the first time it is asked.
    @inline(__always) func answer(_ row: Int, _ column: Int, _ compute: () -> Bool) -> Bool {
        // Rows and columns are small: no overflow checks.
        let start = cells + row &* words &* 2
        if !cleared[row] {
            start.update(repeating: 0, count: words &* 2)
            cleared[row] = true
        }
        let w = column >> 6, bit: UInt64 = 1 << UInt64(column & 63)
        if start[w] & bit != 0 { return start[words &+ w] & bit != 0 }
        let r = compute()
        start[w] |= bit
        if r { start[words &+ w] |= bit }
        return r
    }
}
