import NoteGraphCore
import Segmentation

/// Actions of the `company` dimension. Values: `{"entry": lexicon id}` for lexicon terms,
/// `{"name": normalised name, "known": false}` for organisations found by their form only.
/// Context rules (companies/context.rules) use `company.entry` to decide a name two entries
/// share, and `company.not` to claim a company name used as a common word (an apple, the Amazon
/// River): its items are of dimension `word`, which nothing turns into a record.
enum CompanyActions {
    static let all: [GrammarAction] = [
        GrammarAction("company.entry", dimension: "company",
                      summary: "capture c, a name lexicon entries share, as the company named by the argument (a context rule deciding it)",
                      checkArguments: { $0.count == 1 && LexiconLoader.isSlug($0[0]) ? nil : "takes one argument: a lexicon id such as bis-commerce" }) { input in
            guard let c = input.capture("c") else { return nil }
            // The mention is the name alone, not the context words around it.
            return .object([("entry", .string(input.arguments[0])), ("core", .array([.int(Int(c.start)), .int(Int(c.end))]))])
        },
        GrammarAction("company.not", dimension: "word",
                      summary: "capture c, a company name used as a common word here (apple pie, meta-analysis): no company") { input in
            guard let c = input.capture("c") else { return nil }
            return .object([("word", .string(input.view.string(c.start, c.end)))])
        },
        GrammarAction("company.lexicon", dimension: "company", summary: "capture c, a lexicon term, as its company") { input in
            guard let c = input.index("c"), case let first = input.captures[c].firstToken, input.captures[c].endToken == first + 1 else { return nil }
            let entry = input.view.tokens[Int(first)].lexiconEntry
            guard entry >= 0 else { return nil }
            // Through the buffer, the id alone is read (the array's subscript copied the whole
            // entry, retaining its nine fields, at every company mention).
            let id = input.view.lexicon.entries.withUnsafeBufferPointer { $0[Int(entry)].id }
            return .object([("entry", .string(id))])
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
