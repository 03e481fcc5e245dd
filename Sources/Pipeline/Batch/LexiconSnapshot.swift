import Foundation
import NoteGraphCore

/// What a lexicon fingerprint stood for, kept in the store: each entry's digest, the names it
/// matches in text and the entries it names (parent, maker). A later run compares it with the
/// lexicon in force to find which entries changed.
struct LexiconSnapshot: Equatable {
    struct Entry: Equatable {
        var digest: String
        var names: [String]
        var refs: [String]
    }

    /// By `class/id`.
    var entries: [String: Entry]

    init(entries: [String: Entry]) { self.entries = entries }

    init(lexicon: Lexicon) {
        var entries: [String: Entry] = [:]
        for e in lexicon.entries {
            let refs = ["parent", "maker"].compactMap { e.property($0)?.stringValue.map { "company/" + $0 } }
            entries[e.lexiconClass + "/" + e.id] = Entry(digest: e.digest, names: e.terms + e.sharedNames, refs: refs)
        }
        self.entries = entries
    }

    var classes: Set<String> { Set(entries.keys.map { String($0.prefix { $0 != "/" }) }) }

    /// `{"company/nvidia": ["digest", [names], [refs]], …}` with keys in order.
    var json: String {
        JSONValue.object(entries.keys.sorted().map { key in
            let e = entries[key]!
            return (key, .array([.string(e.digest), .array(e.names.map(JSONValue.string)), .array(e.refs.map(JSONValue.string))]))
        }).serialized
    }

    init?(json text: String) {
        guard case let .object(fields)? = try? JSONValue.parse(Data(text.utf8)) else { return nil }
        var entries: [String: Entry] = [:]
        for (key, value) in fields {
            guard let a = value.arrayValue, a.count == 3, let digest = a[0].stringValue else { return nil }
            entries[key] = Entry(digest: digest, names: a[1].arrayValue?.compactMap(\.stringValue) ?? [],
                                 refs: a[2].arrayValue?.compactMap(\.stringValue) ?? [])
        }
        self.entries = entries
    }
}
