/// Charikar's SimHash over a bag of features: 64 bits where texts sharing most features share
/// most bits, so the Hamming distance between two fingerprints estimates how far apart the
/// texts are. Feature hashes are `FNV1a`, because fingerprints are stored and compared across
/// runs.
public enum SimHash {
    public static func of<S: Sequence>(_ features: S) -> UInt64 where S.Element == String {
        // Counts of set bits, not ±1 weights: a bit's weight is 2·set − n, positive when set
        // in more than half the features; a loop without branches or bounds checks.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 64) { set in
            set.initialize(repeating: 0)
            var n = 0
            for f in features {
                let h = FNV1a.hash(f)
                for bit in 0..<64 { set[bit] &+= Int(truncatingIfNeeded: (h >> UInt64(bit)) & 1) }
                n += 1
            }
            var out: UInt64 = 0
            for bit in 0..<64 where 2 * set[bit] > n { out |= 1 << UInt64(bit) }
            return out
        }
    }

    /// The number of bits two fingerprints differ in.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
