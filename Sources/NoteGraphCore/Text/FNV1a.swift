/// 64-bit FNV-1a over UTF-8: the same in every process (Swift's `Hasher` is seeded per run), so
/// fingerprints can be stored and compared across runs and names can pick stable filter bits.
/// The matcher's per-token hash (`TokenKeys.hash`) runs the same steps over folded UTF-16
/// units in its own loop, where it must not build a String.
public enum FNV1a {
    public static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    public static func hash(_ s: String) -> UInt64 { hash(s.utf8) }

    /// FNV-1a of `bytes` going on from `h`: the hash of a concatenation is the second part's
    /// hash started from the first's (a bigram's hash without building the bigram).
    @inline(__always) public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes, from h: UInt64 = offset) -> UInt64 {
        var h = h
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }
}
