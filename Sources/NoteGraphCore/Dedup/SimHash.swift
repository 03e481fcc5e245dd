/// Charikar's SimHash over a bag of features: 64 bits where texts sharing most features share
/// most bits, so the Hamming distance between two fingerprints estimates how far apart the
/// texts are. Feature hashes are `FNV1a`, because fingerprints are stored and compared across
/// runs.
public enum SimHash {
    public static func of<S: Sequence>(_ features: S) -> UInt64 where S.Element == String {
        of(hashes: features.map(FNV1a.hash))
    }

    /// The SimHash of features given by their FNV-1a hashes. A bit is set when it is set in
    /// more than half the hashes (its ±1 weight sum is positive). The hashes' bits are counted
    /// a byte at a time: `spread` turns a byte into eight one-byte counters, so eight adds
    /// count all 64 bits of a hash, the counters emptied before any can pass 255.
    public static func of(hashes: [UInt64]) -> UInt64 {
        var set = [Int](repeating: 0, count: 64)
        var lanes = [UInt64](repeating: 0, count: 8)
        func empty() {
            for j in 0..<8 {
                for k in 0..<8 { set[8 * j + k] += Int(lanes[j] >> UInt64(8 * k) & 0xFF) }
                lanes[j] = 0
            }
        }
        for (n, h) in hashes.enumerated() {
            if n > 0, n % 255 == 0 { empty() }
            for j in 0..<8 { lanes[j] &+= spread[Int(h >> UInt64(8 * j) & 0xFF)] }
        }
        empty()
        var out: UInt64 = 0
        for bit in 0..<64 where 2 * set[bit] > hashes.count { out |= 1 << UInt64(bit) }
        return out
    }

    /// For each byte, a word whose k-th byte is the byte's k-th bit.
    private static let spread: [UInt64] = (0..<256).map { b in
        (0..<8).reduce(0) { word, k in word | UInt64(b >> k & 1) << UInt64(8 * k) }
    }

    /// The number of bits two fingerprints differ in.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
