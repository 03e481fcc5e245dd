/// A map from token hashes (`TokenKeys.hash`, already well mixed) to small integers, by open
/// addressing: the matcher looks a hash up at nearly every token, and `Dictionary` would hash
/// the hash again with SipHash each time.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private let mask: Int
    var isEmpty: Bool { count == 0 }
    private(set) var count = 0

    init<S: Sequence>(_ pairs: S) where S.Element == (UInt64, Int32) {
        let list = Array(pairs)
        var size = 8
        while size < list.count * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (k, v) in list where self[k] == nil {
            var i = Int(truncatingIfNeeded: k) & mask
            while values[i] >= 0 { i = (i + 1) & mask }
            keys[i] = k
            values[i] = v
            count += 1
        }
    }

    /// The value stored for `key` (the first, if given twice).
    subscript(key: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return v }
            i = (i + 1) & mask
        }
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }
}
