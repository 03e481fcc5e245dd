/// Charikar's SimHash over a bag of features: 64 bits where texts sharing most features share
/// most bits, so the Hamming distance between two fingerprints estimates how far apart the
/// texts are. Feature hashes are `FNV1a`, because fingerprints are stored and compared across
/// runs.
public enum SimHash {
    public static func of<S: Sequence>(_ features: S) -> UInt64 where S.Element == String {
        var weights = [Int](repeating: 0, count: 64)
        for f in features {
            let h = FNV1a.hash(f)
            for bit in 0..<64 { weights[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }

    /// The number of bits two fingerprints differ in.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
