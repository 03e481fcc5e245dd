/// One named thing a lexicon knows: a company, a broker, a currency word, a unit…
///
/// The overlay only needs `terms` (the surface forms to find) and `lexiconClass`; the rest is
/// what the record built from a match carries (`company` nodes take name, ticker, type, …).
public struct LexiconEntry: Sendable, Equatable {
    /// Unique within its class, e.g. `nvidia`.
    public var id: String
    /// The class patterns test for: `company`, later `currency`, `unit`, `metric`, …
    public var lexiconClass: String
    /// Canonical name (English where one exists).
    public var name: String
    /// Every surface form matched in text, case-sensitive.
    public var terms: [String]
    /// Tickers, primary first (also among `terms`).
    public var tickers: [String]
    /// Further properties carried to records (`type`, `sector`, `region`, `parent`, `fy_end`).
    public var properties: [(String, JSONValue)]
    /// Where the entry was defined, for error messages: "companies.jsonl:42".
    public var origin: String
    /// Names this entry shares with other entries (BIS: the Bureau of Industry and Security and
    /// the Bank for International Settlements). They are not among `terms`: the lexicon gives
    /// each one an entry of class `ambiguous`, and only a context rule naming this entry
    /// (action `company.entry`) makes a mention of it.
    public var sharedNames: [String] = []
    /// For an entry of class `ambiguous`: the ids of the entries that share its name.
    public var candidates: [String] = []

    public init(id: String, lexiconClass: String, name: String, terms: [String], tickers: [String] = [],
                properties: [(String, JSONValue)] = [], origin: String) {
        self.id = id
        self.lexiconClass = lexiconClass
        self.name = name
        self.terms = terms
        self.tickers = tickers
        self.properties = properties
        self.origin = origin
    }

    public static func == (a: LexiconEntry, b: LexiconEntry) -> Bool {
        a.id == b.id && a.lexiconClass == b.lexiconClass && a.name == b.name && a.terms == b.terms
            && a.tickers == b.tickers && a.origin == b.origin
    }

    public func property(_ key: String) -> JSONValue? { properties.first { $0.0 == key }?.1 }

    /// A hash of everything records built from the entry can carry — names, tickers, properties,
    /// shared names — but not where it was defined: a lexicon change that alters none of these
    /// changes no record. Part of the lexicon's fingerprint, compared entry by entry on re-runs.
    public var digest: String {
        let list = { (items: [String]) in items.joined(separator: "\u{1E}") }
        return String(StableID.make("entry", [lexiconClass, id, name, list(terms), list(tickers), JSONValue.object(properties).serialized,
                                              list(sharedNames), list(candidates)]).dropFirst(6))
    }
}
