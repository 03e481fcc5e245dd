/// The `suffix=factor` arguments of `number.suffixed` (k=1e3 bn=1e9 …), read once: each rule's
/// when it is compiled (its action's `prepare`), the standard ones at first use. Why: matching a
/// suffix searched the argument strings and parsed the factor's text at every candidate.
///
/// Looks a suffix up exactly as `NumberActions.factor(of:in:)` does: the first argument whose
/// text before `=` is the suffix's bytes, ignoring ASCII case, gives the number after it (nil
/// when that is no number); arguments without `=` are skipped.
struct SuffixTable: Sendable {
    private var entries: [(key: [UInt8], factor: Double?)] = []

    init(_ args: [String]) {
        for a in args {
            guard let eq = a.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
            entries.append((a.utf8[..<eq].map(Self.fold), Double(a[a.index(after: eq)...])))
        }
    }

    /// The factor of `suffix`, nil when no argument names it.
    func factor(of suffix: String) -> Double? {
        let n = suffix.utf8.count
        for e in entries where e.key.count == n && e.key.elementsEqual(suffix.utf8.lazy.map(Self.fold)) {
            return e.factor
        }
        return nil
    }

    private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
}
