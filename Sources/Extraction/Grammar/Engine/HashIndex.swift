/// A map from token hashes (`TokenKeys.hash`, already well mixed) to small integers, by open
/// addressing: the matcher looks a hash up at nearly every token, and `Dictionary` would hash
/// the hash again with SipHash each time. A plain value over buffers a `FilterArena` owns, so
/// a lookup costs no reference counting; the one hash table of the engine (first-token index,
/// word lists, filters).
struct HashIndex: @unchecked Sendable {
    private let keys: UnsafePointer<UInt64>
    /// −1 marks an empty slot (any hash, 0 included, can be a key).
    private let values: UnsafePointer<Int32>
    private let mask: Int
    let count: Int
    var isEmpty: Bool { count == 0 }

    init<S: Sequence>(_ pairs: S, arena: FilterArena) where S.Element == (UInt64, Int32) {
        let list = Array(pairs)
        var size = 8
        while size < list.count * 2 { size *= 2 }
        let keys = arena.buffer(size, of: UInt64.self, initial: 0)
        let values = arena.buffer(size, of: Int32.self, initial: -1)
        var count = 0
        for (k, v) in list {
            var i = Int(truncatingIfNeeded: k) & (size - 1)
            while values[i] >= 0 && keys[i] != k { i = (i + 1) & (size - 1) }
            guard values[i] < 0 else { continue }   // the first value given for a key stays
            keys[i] = k
            values[i] = v
            count += 1
        }
        self.keys = UnsafePointer(keys)
        self.values = UnsafePointer(values)
        mask = size - 1
        self.count = count
    }

    /// The value stored for `key`.
    @inline(__always) subscript(key: UInt64) -> Int32? {
        var i = Int(truncatingIfNeeded: key) & mask
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return v }
            i = (i + 1) & mask
        }
    }

    @inline(__always) func contains(_ key: UInt64) -> Bool { self[key] != nil }
}
