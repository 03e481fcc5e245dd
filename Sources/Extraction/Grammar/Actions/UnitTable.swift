import Foundation

/// The `word=value` arguments of a figure rule: unit words and their factors (`GW=1e9`) or
/// denominators and their units (`hour=h`). A word is looked up as written first, then ignoring
/// ASCII case, so `Mb` (megabit) and `MB` (megabyte) can live in different rules.
///
/// A class, built once per rule by the action's `prepare`: the action reads it back from
/// `ActionInput.prepared` at every candidate, and casting that to a class costs less than
/// copying a struct of four tables out of it.
final class UnitTable: Sendable {
    let pairs: [(key: String, value: String)]
    /// `max=N`: the largest amount the rule accepts.
    let max: Double?
    /// The values by word as written and by lowercased word, the first pair winning: a figure
    /// rule may list a hundred words, and its action looks one up at every candidate.
    private let exact: [String: String]
    private let folded: [String: String]
    /// The same tables with each value read as a number (nil: not one), so `factor` does not
    /// parse the value again at every candidate.
    private let exactFactor: [String: Double?]
    private let foldedFactor: [String: Double?]
    /// The factor of the empty word (digits with no unit after them), looked up once.
    private let emptyFactor: Double??
    /// The factor tables again for words of one to eight printable ASCII bytes, keyed by those
    /// bytes packed into an integer (`packed`): `figure.unit` looks up the unit of nearly every
    /// token holding digits and letters (3Q25, 10th, 120kW), most of them no unit, and building
    /// a String and hashing it cost more than the rest of the action. A key is entered under its
    /// canonical decomposition, which is what String equality compares.
    private let packedExact: [UInt64: Double?]
    private let packedFolded: [UInt64: Double?]
    /// Whether a word begins with `~` (`~兆=1e6`): only then is a number's last character looked up.
    let hasTildeWords: Bool

    init<S: Sequence>(_ args: S) where S.Element == String {
        var pairs: [(key: String, value: String)] = []
        var max: Double?
        for a in args {
            guard let eq = a.firstIndex(of: "=") else { continue }
            let key = String(a[..<eq]), value = String(a[a.index(after: eq)...])
            if key == "max" { max = Double(value) } else { pairs.append((key, value)) }
        }
        var exact: [String: String] = [:], folded: [String: String] = [:]
        for (key, value) in pairs.reversed() {
            exact[key] = value
            folded[key.lowercased()] = value
        }
        self.pairs = pairs
        self.max = max
        self.exact = exact
        self.folded = folded
        exactFactor = exact.mapValues { Double($0) }
        foldedFactor = folded.mapValues { Double($0) }
        hasTildeWords = pairs.contains { $0.key.unicodeScalars.first == "~" }
        emptyFactor = exactFactor[""] ?? foldedFactor[""]
        packedExact = Self.packed(exactFactor)
        packedFolded = Self.packed(foldedFactor)
    }

    private static func packed(_ table: [String: Double?]) -> [UInt64: Double?] {
        var packed: [UInt64: Double?] = [:]
        for (key, factor) in table {
            let units = Array(key.decomposedStringWithCanonicalMapping.utf16)
            guard (1...8).contains(units.count), UnitText.isPrintableASCII(units[...]) else { continue }
            packed[Self.pack(units[...])] = factor
        }
        return packed
    }

    /// Up to eight printable ASCII units as one integer, byte by byte (none is zero, so words of
    /// different lengths differ).
    @inline(__always) static func pack(_ units: ArraySlice<UInt16>, folding: Bool = false) -> UInt64 {
        var key: UInt64 = 0
        for u in units {
            let b = folding && u &- 0x41 < 26 ? u | 0x20 : u
            key = key << 8 | UInt64(truncatingIfNeeded: b)
        }
        return key
    }

    /// `factor(of:)` of a word given as printable ASCII units (the caller checked), without
    /// building its String when it has at most eight.
    func factor(ascii units: ArraySlice<UInt16>) -> Double? {
        if pairs.isEmpty { return 1 }
        if units.isEmpty { return emptyFactor ?? nil }
        guard units.count <= 8 else { return factor(of: UnitText.ascii(units)) }
        if let f = packedExact[Self.pack(units)] { return f }
        return packedFolded[Self.pack(units, folding: true)] ?? nil
    }

    /// The value for `word` (spaces dropped when `compact`: "M tokens" → "Mtokens").
    func unit(of word: String, compact: Bool = false) -> String? {
        let w = compact ? word.filter { !$0.isWhitespace } : word
        return exact[w] ?? folded[w.lowercased()]
    }

    /// The factor for `word` (several words are also looked up without their spaces, since an
    /// argument has none: "square meters" → squaremeters); a word without arguments at all has
    /// factor 1.
    func factor(of word: String) -> Double? {
        if pairs.isEmpty { return 1 }
        // Printable ASCII without spaces (kW, nm, GB): split, joined and compacted it is itself,
        // so one lookup in each table decides.
        if word.isEmpty { return emptyFactor ?? nil }
        if word.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
            if let f = exactFactor[word] { return f }
            return foldedFactor[word.lowercased()] ?? nil
        }
        return (unit(of: word.split(whereSeparator: \.isWhitespace).joined(separator: " ")) ?? unit(of: word, compact: true)).flatMap(Double.init)
    }

    /// Why the arguments are wrong, or nil.
    static func check<S: Sequence>(_ args: S, numeric: Bool) -> String? where S.Element == String {
        for a in args {
            let parts = a.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return "argument \"\(a)\" is not word=value" }
            if (numeric || parts[0] == "max") && Double(parts[1]) == nil { return "argument \"\(a)\": \(parts[1]) is not a number" }
        }
        return nil
    }
}
