import ArgumentParser
import Foundation
import GraphStore
import NoteGraphCore

/// `review list`: the claims to review, each with where it was said, so a reviewer can judge
/// it without opening the note. Pending claims by default, because that is the work left.
struct ReviewList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List claims (pending by default) with their source, modality, date, text and the sentence they are in.",
        discussion: """
            Filters combine (every one given must hold); a company, source, document or rule the store \
            does not have is an error, not an empty list. --json prints one object per line: id, text, \
            source, modality, date, subjects, figures, review, document, doc, line, sentence.
            """)

    enum Sort: String, ExpressibleByArgument, CaseIterable {
        case date, document
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ClaimFilterOptions

    @Option(help: "date (the time the claim is about, undated last; the default) or document (file, then place).")
    var sort: Sort = .date

    @Option(help: "Print at most this many claims.")
    var limit: Int?

    @Flag(help: "One JSON object per line, for scripts.")
    var json = false

    func run() throws {
        if let limit, limit < 1 { throw UsageError("--limit \(limit): must be at least 1") }
        let filter = try filters.filter()
        let settings = try global.settings()
        let store = try global.openStore(settings)
        var claims = try store.claims(matching: filter)
        if sort == .document {
            func key(_ r: StoredRecord) -> (String, Int, String) {
                (r.mentions.first?.documentPath ?? "", r.mentions.first?.mention.start ?? 0, r.json["id"]?.stringValue ?? "")
            }
            claims.sort { key($0) < key($1) }
        }
        let shown = claims.prefix(limit ?? claims.count)
        for claim in shown {
            if json { print(Self.json(claim).serialized) } else { Self.lines(claim).forEach { print($0) } }
        }
        if !json {
            let what = filter.status == .all ? "claims" : "\(filter.status.rawValue) claims"
            print(shown.count == claims.count ? "\(claims.count) \(what)" : "\(shown.count) of \(claims.count) \(what) shown")
        }
    }

    /// Three lines: id and flags; the claim's text; where its first mention is and the sentence.
    static func lines(_ claim: StoredRecord) -> [String] {
        let j = claim.json
        let source = j["source"]?.stringValue ?? "author"
        let head = [j["id"]?.stringValue ?? "?", j["modality"]?.stringValue ?? "?", j["date"]?.stringValue ?? "undated",
                    j["review"]?.stringValue ?? "pending", "source: " + source]
        var out = [head.joined(separator: "  "), "  \"\(j["text"]?.stringValue ?? "")\""]
        if let first = claim.mentions.first {
            out.append("  \(MentionText.location(first))  \(MentionText.sentence(first))")
        }
        return out
    }

    static func json(_ claim: StoredRecord) -> JSONValue {
        let j = claim.json
        let first = claim.mentions.first
        var fields: [(String, JSONValue)] = ["id", "text", "source", "modality", "date", "subjects", "figures", "review"].map { ($0, j[$0] ?? .null) }
        fields.append(("document", first.map { .string($0.documentPath) } ?? .null))
        fields.append(("doc", first.map { .string($0.mention.documentID) } ?? .null))
        fields.append(("line", first.map { .int($0.line) } ?? .null))
        fields.append(("sentence", first.map { .string(MentionText.sentence($0)) } ?? .null))
        return .object(fields)
    }
}
