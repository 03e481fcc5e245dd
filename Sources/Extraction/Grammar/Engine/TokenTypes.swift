import NoteGraphCore

/// Each token's type within one document: tokens with the same text (exactly, case included),
/// kind and script share a type. Tests that read only these (words, kinds, shapes, character
/// sets, regular expressions) give the same answer for every token of a type, so the matcher remembers them
/// per type (`BitMemo`): a document says "the", "%" and "亿" thousands of times but has only a
/// few thousand distinct words.
struct TokenTypes {
    /// Per token, its type (0 ..< count).
    let types: [Int32]
    let count: Int

    /// `hashes[t]`: token t's `TokenKeys.hash` (folded, so case variants land in one chain and
    /// are told apart by their text).
    init(tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>, hashes: (Int) -> UInt64) {
        var size = 16
        while size < tokens.count * 2 { size *= 2 }
        let mask = size - 1
        // Open addressing: slot → type + 1 (0: empty); a type's first token stands for its text.
        var slots = [Int32](repeating: 0, count: size)
        var firstToken: [Int32] = []
        var types = [Int32](repeating: 0, count: tokens.count)
        for t in 0..<tokens.count {
            var i = Int(truncatingIfNeeded: hashes(t)) & mask
            while true {
                let s = slots[i]
                if s == 0 {
                    firstToken.append(Int32(t))
                    slots[i] = Int32(firstToken.count)
                    types[t] = Int32(firstToken.count - 1)
                    break
                }
                if Self.same(tokens[Int(firstToken[Int(s) - 1])], tokens[t], units) {
                    types[t] = s - 1
                    break
                }
                i = (i + 1) & mask
            }
        }
        self.types = types
        count = firstToken.count
    }

    @inline(__always) static func same(_ a: Token, _ b: Token, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
        let n = Int(a.end - a.start)
        guard n == Int(b.end - b.start), a.kind == b.kind, a.script == b.script else { return false }
        let x = Int(a.start), y = Int(b.start)
        for k in 0..<n where units[x + k] != units[y + k] { return false }
        return true
    }
}
