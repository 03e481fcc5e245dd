/// Charikar's SimHash over a bag of features: 64 bits where texts sharing most features share
/// most bits, so the Hamming distance between two fingerprints estimates how far apart the
/// texts are. Feature hashes are FNV-1a, not Swift's `Hasher`, because fingerprints are stored
/// and compared across runs and `Hasher` is seeded per process.
public enum SimHash {
    public static func of<S: Sequence>(_ features: S) -> UInt64 where S.Element == String {
        var weights = [Int](repeating: 0, count: 64)
        for f in features {
            let h = fnv1a(f)
            for bit in 0..<64 { weights[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }

    /// The number of bits two fingerprints differ in.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    static func fnv1a(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
