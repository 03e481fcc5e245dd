import NoteGraphCore

/// The distinct token texts met so far (`TokenTypes`), in an open-addressing table keyed by
/// the tokens' folded hashes, numbered in the order they were met.
struct TokenTypeTable: Sendable {
    /// Slot → type + 1 (0: empty).
    private var slots: [Int32]
    private let mask: Int
    /// Per type, the first token met of it, which stands for its text.
    private(set) var firstToken: [Int32] = []

    var count: Int { firstToken.count }

    @inline(__always) init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
    }

    /// Token t's type, added if its text is new.
    mutating func type(of t: Int, hash: UInt64, tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>) -> Int32 {
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let s = slots[i]
            if s == 0 {
                firstToken.append(Int32(t))
                slots[i] = Int32(firstToken.count)
                return Int32(firstToken.count - 1)
            }
            if Self.same(tokens[Int(firstToken[Int(s) - 1])], tokens[t], units) { return s - 1 }
            i = (i + 1) & mask
        }
    }

    @inline(__always) static func same(_ a: Token, _ b: Token, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
        let n = Int(a.end - a.start)
        guard n == Int(b.end - b.start), a.kind == b.kind, a.script == b.script else { return false }
        let x = Int(a.start), y = Int(b.start)
        for k in 0..<n where units[x + k] != units[y + k] { return false }
        return true
    }
}
