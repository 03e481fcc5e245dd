/// The `word=ISO` or `word=ISO*factor` arguments of `figure.currency`: which currency a word
/// names and how much of it one unit is (cents=USD*0.01, musd=USD*1e6, 毛=CNY*0.1). Words are
/// compared without spaces and ASCII case ("Australian dollars" → australiandollars), so one
/// rule can list every currency word of a language and the words stay in the grammar file.
/// `/word=unit` arguments name the denominators of a price per unit (/share=share → CAD/share).
struct CurrencyWords: Sendable {
    var table: [String: (code: String, factor: Double)] = [:]
    var per: [String: String] = [:]

    init<S: Sequence>(_ args: S) where S.Element == String {
        for a in args {
            guard let eq = a.firstIndex(of: "=") else { continue }
            let value = a[a.index(after: eq)...]
            if a.hasPrefix("/") { per[Self.key(String(a[a.index(after: a.startIndex)..<eq]))] = String(value); continue }
            let parts = value.split(separator: "*", maxSplits: 1)
            table[Self.key(String(a[..<eq]))] = (String(parts[0]), parts.count == 2 ? Double(parts[1]) ?? 1 : 1)
        }
    }

    static func key(_ word: String) -> String { word.filter { !$0.isWhitespace && $0 != "." }.lowercased() }

    /// The currency and factor of `word`, if listed.
    func lookup(_ word: String) -> (code: String, factor: Double)? { table[Self.key(word)] }

    /// Why the arguments are wrong, or nil.
    static func check(_ args: [String]) -> String? {
        guard !args.isEmpty else { return "takes word=ISO or word=ISO*factor arguments (cents=USD*0.01)" }
        for a in args {
            let kv = a.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty else { return "argument \"\(a)\" is not word=ISO" }
            if kv[0].hasPrefix("/") { continue }
            let parts = kv[1].split(separator: "*", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts[0].count == 3, parts[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                return "argument \"\(a)\": \(parts[0]) is not an ISO 4217 code such as USD"
            }
            if parts.count == 2, Double(parts[1]) == nil { return "argument \"\(a)\": \(parts[1]) is not a number" }
        }
        return nil
    }
}
