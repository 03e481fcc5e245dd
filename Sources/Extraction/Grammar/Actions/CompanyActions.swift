import NoteGraphCore

/// Actions of the `company` dimension. Values: `{"entry": lexicon id}` for lexicon terms,
/// `{"name": normalised name, "known": false}` for organisations found by their form only.
enum CompanyActions {
    static let all: [GrammarAction] = [
        GrammarAction("company.lexicon", dimension: "company", summary: "capture c, a lexicon term, as its company") { input in
            guard let c = input.capture("c"), c.endToken == c.firstToken + 1 else { return nil }
            let entry = input.view.tokens[Int(c.firstToken)].lexiconEntry
            guard entry >= 0 else { return nil }
            return .object([("entry", .string(input.view.lexicon.entries[Int(entry)].id))])
        },
        GrammarAction("company.unknown", dimension: "company",
                      summary: "capture name (+ suffix) as an organisation missing from the lexicon, merged across notes by normalised name") { input in
            guard let name = input.text("name") else { return nil }
            let suffix = input.text("suffix")
            let full = suffix.map { name + (Self.needsSpace(name, $0) ? " " : "") + $0 } ?? name
            return .object([("name", .string(full)), ("key", .string(normalizedKey(full))), ("known", .bool(false))])
        },
    ]

    static func needsSpace(_ a: String, _ b: String) -> Bool {
        guard let x = a.unicodeScalars.last, let y = b.unicodeScalars.first else { return false }
        return x.properties.isAlphabetic && x.value < 0x2E80 && y.value < 0x2E80
    }

    /// Case, punctuation and spacing do not separate organisations: "Foo Holdings, Inc." and
    /// "FOO HOLDINGS INC" are one.
    static func normalizedKey(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
