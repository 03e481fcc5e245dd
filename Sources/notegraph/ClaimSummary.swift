import GraphStore
import NoteGraphCore

/// The lines `notegraph show` prints above a claim's JSON: who asserts it, how, and the figures
/// it states, each by name rather than id, so a reviewer reads the claim without looking ids up.
enum ClaimSummary {
    static func lines(_ claim: JSONValue, store: GraphStore) throws -> [String] {
        func name(_ id: String) throws -> String {
            guard id.contains(":"), let record = try store.record(id: id) else { return id }
            return record.json["name"]?.stringValue.map { "\($0) (\(id))" } ?? id
        }
        let source = try claim["source"]?.stringValue.map(name) ?? "the note's author"
        let cue = claim["cue"]?.stringValue.map { " — \"\($0)\"" } ?? ""
        var flags = [claim["modality"]?.stringValue ?? "?", "review: " + (claim["review"]?.stringValue ?? "?")]
        if claim["hedged"] == .bool(true) { flags.append("hedged") }
        if claim["negated"] == .bool(true) { flags.append("negated") }
        var out = ["claim (\(flags.joined(separator: ", "))): \(claim["text"]?.stringValue ?? "")",
                   "  source: \(source)\(cue)"]
        if let date = claim["date"]?.stringValue { out.append("  about: \(date)") }
        for id in claim["subjects"]?.arrayValue?.compactMap(\.stringValue) ?? [] { out.append("  subject: \(try name(id))") }
        for id in claim["figures"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            let figure = try store.record(id: id)
            let text = figure?.mentions.first?.mention.text ?? "?"
            out.append("  figure: \(text) = \(figure?.json["value"]?.serialized ?? "null") \(figure?.json["unit"]?.stringValue ?? "") (\(id))")
        }
        return out
    }
}
