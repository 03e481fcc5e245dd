/// Charikar's SimHash over a bag of features: 64 bits where texts sharing most features share
/// most bits, so the Hamming distance between two fingerprints estimates how far apart the
/// texts are. Feature hashes are `FNV1a`, because fingerprints are stored and compared across
/// runs.
public enum SimHash {
    public static func of<S: Sequence>(_ features: S) -> UInt64 where S.Element == String {
        of(hashes: features.map(FNV1a.hash))
    }

    /// The SimHash of features given by their FNV-1a hashes: a bit is set when it is set in
    /// more than half of them.
    public static func of(hashes: [UInt64]) -> UInt64 {
        var weights = [Int](repeating: 0, count: 64)
        for h in hashes {
            for bit in 0..<64 { weights[bit] += Int(h >> UInt64(bit) & 1) }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where 2 * weights[bit] > hashes.count { out |= 1 << UInt64(bit) }
        return out
    }

    /// The number of bits two fingerprints differ in.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
