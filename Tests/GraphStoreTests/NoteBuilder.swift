import Foundation
import NoteGraphCore

/// A document with a hand-built extraction (companies, figures, claims found by their text),
/// the way an extractor would hand them to the store.
struct NoteBuilder {
    var document: Document
    var extraction = Extraction()
    private let scalars: [Unicode.Scalar]

    init(path: String, text: String, bytes: String? = nil) {
        let sha = StableID.sha256Hex(Array((bytes ?? text).utf8))
        document = Document(id: StableID.document(sha256: sha), path: path, sha256: sha, format: .text, encoding: "UTF-8",
                            title: nil, language: .en, date: NoteDate(iso: "2025-06-30", origin: "dateline:note-date"),
                            text: DocumentText(text), sourceMap: SourceMap(), warnings: [])
        scalars = Array(text.unicodeScalars)
    }

    /// The scalar span of the first occurrence of `surface`.
    func span(_ surface: String) -> (Int, Int) {
        let needle = Array(surface.unicodeScalars)
        let start = (0...(scalars.count - needle.count)).first { Array(scalars[$0..<($0 + needle.count)]) == needle }!
        return (start, start + needle.count)
    }

    mutating func mention(_ id: String, _ surface: String, rule: String) {
        let (s, e) = span(surface)
        extraction.mentions.append(Mention(nodeID: id, documentID: document.id, start: s, end: e, text: surface, rule: rule,
                                           sentenceStart: 0, sentenceEnd: scalars.count))
    }

    mutating func company(_ entry: String, _ surface: String) {
        let id = "company:" + entry
        if !extraction.nodes.contains(where: { $0.id == id }) {
            extraction.nodes.append(NodeRecord(id: id, kind: .company, properties: [("name", .string(entry)), ("ticker", .null), ("known", .bool(true))]))
            extraction.edges.append(EdgeRecord(from: document.id, to: id, type: "MENTIONS"))
        }
        mention(id, surface, rule: "companies/lexicon#term")
    }

    @discardableResult
    mutating func figure(_ surface: String, value: Int, metric: String? = nil) -> String {
        let id = StableID.make("figure", [surface, String(value)])
        extraction.nodes.append(NodeRecord(id: id, kind: .figure, properties: [
            ("value", .int(value)), ("unit", .string("USD")), ("approx", .bool(false)), ("low", .null), ("high", .null),
            ("period", .null), ("metric", metric.map(JSONValue.string) ?? .null), ("subject", .null), ("change", .null)]))
        mention(id, surface, rule: "figures/en.rules#money")
        return id
    }

    /// A claim node whose id, like an extractor's, is made from its document and its text.
    @discardableResult
    mutating func claim(_ surface: String, source: JSONValue = .null, modality: String = "forecast", subjects: [String] = [],
                        figures: [String] = [], date: String? = nil, rule: String = "claims/en.rules#cue-said") -> String {
        let id = StableID.make("claim", [document.id, surface])
        extraction.nodes.append(NodeRecord(id: id, kind: .claim, properties: [
            ("text", .string(surface)), ("source", source), ("modality", .string(modality)),
            ("subjects", .array(subjects.map(JSONValue.string))), ("figures", .array(figures.map(JSONValue.string))),
            ("date", date.map(JSONValue.string) ?? .null), ("review", .string("pending")), ("hedged", .bool(false))]))
        mention(id, surface, rule: rule)
        for s in subjects { extraction.edges.append(EdgeRecord(from: id, to: s, type: "ABOUT")) }
        return id
    }
}
