/// All lexicon entries in force for a run (built-in files plus the user's), in load order.
///
/// Tokens refer to entries by index, so a lexicon is fixed once loading finishes.
public final class Lexicon: Sendable {
    public let entries: [LexiconEntry]
    /// Content fingerprint of every entry: part of a document's pipeline version, so a lexicon
    /// change is seen as a change.
    public let fingerprint: String

    public init(entries: [LexiconEntry]) {
        self.entries = entries
        var parts: [String] = []
        for e in entries { parts.append(e.lexiconClass + "/" + e.id + "=" + e.terms.joined(separator: "|")) }
        self.fingerprint = String(StableID.make("lex", parts).dropFirst(4))
    }

    public static let empty = Lexicon(entries: [])

    public func entries(ofClass lexiconClass: String) -> [LexiconEntry] {
        entries.filter { $0.lexiconClass == lexiconClass }
    }
}
