/// Remembered results of a stage's dear checks: one row of bytes per token (or per token type,
/// `TokenTypes`), one column per check; 0 = not asked yet, 1 = fails, 2 = passes. A row is
/// cleared the first time it is used: most rows never are, and clearing rows × checks bytes up
/// front for every document and stage cost more than all the asking.
struct CheckMemo {
    let columns: Int
    private let cells: UnsafeMutablePointer<UInt8>
    private let cleared: UnsafeMutablePointer<Bool>

    init(rows: Int, columns: Int, arena: FilterArena) {
        self.columns = columns
        cells = arena.uninitialized(max(1, rows * columns), of: UInt8.self)
        cleared = arena.buffer(max(1, rows), of: Bool.self, initial: false)
    }

    /// The cell of `row` and `column`, its row cleared if this is its first use.
    @inline(__always) func cell(_ row: Int, _ column: Int) -> UnsafeMutablePointer<UInt8> {
        let start = cells + row * columns
        if !cleared[row] {
            start.update(repeating: 0, count: columns)
            cleared[row] = true
        }
        return start + column
    }
}
