/// All lexicon entries in force for a run (built-in files plus the user's), in load order.
///
/// Tokens refer to entries by index, so a lexicon is fixed once loading finishes.
public final class Lexicon: Sendable {
    public let entries: [LexiconEntry]
    /// Content fingerprint of every entry (`LexiconEntry.digest`: names and every property, so a
    /// corrected ticker or parent counts too): part of a document's pipeline version, so a
    /// lexicon change is seen as a change.
    public let fingerprint: String
    /// "class/id" → index into `entries`.
    private let index: [String: Int]

    public init(entries: [LexiconEntry]) {
        self.entries = entries
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() { index[e.lexiconClass + "/" + e.id] = i }
        self.index = index
        var parts: [String] = []
        for e in entries { parts.append(e.lexiconClass + "/" + e.id + "=" + e.digest) }
        self.fingerprint = String(StableID.make("lex", parts).dropFirst(4))
    }

    public static let empty = Lexicon(entries: [])

    /// The entry of a class with this id, if any.
    public func entry(ofClass lexiconClass: String, id: String) -> LexiconEntry? {
        index[lexiconClass + "/" + id].map { entries[$0] }
    }

    public func entries(ofClass lexiconClass: String) -> [LexiconEntry] {
        entries.filter { $0.lexiconClass == lexiconClass }
    }
}
