import Foundation
import GRDB
import NoteGraphCore

/// The claims `notegraph review` lists: live claims passing a filter, each as `show` prints it,
/// sorted by the claim's date (undated last), then by file and place.
extension SQLiteGraphStore {
    public func claims(matching filter: ClaimFilter) throws -> [StoredRecord] {
        try writer.read { db in
            let resolved = try resolve(filter, db)
            let paths = try Self.documentPaths(db)
            let verdicts = try Self.activeVerdicts(db)
            var cache: [String: (DocumentText, SourceMap)] = [:]
            var out: [StoredRecord] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, props FROM nodes WHERE kind = 'claim' AND retired_at IS NULL ORDER BY id") {
                let id: String = row[0]
                let record = try Self.storedRecord(db, id: id, kind: .claim, props: row[1], retiredAt: nil, retiredReason: nil,
                                                   verdict: verdicts[id], paths: paths, cache: &cache)
                if resolved.admits(record) { out.append(record) }
            }
            func key(_ r: StoredRecord) -> (Int, String, String, Int, String) {
                let date = r.json["date"]?.stringValue
                let first = r.mentions.first
                return (date == nil ? 1 : 0, date ?? "", first?.documentPath ?? "", first?.mention.start ?? 0, r.json["id"]?.stringValue ?? "")
            }
            return out.sorted { key($0) < key($1) }
        }
    }

    /// A filter with its values checked against the store: a company, document, rule or source
    /// the store does not have is an error naming it, not an empty list.
    struct ResolvedFilter {
        var company: String?
        /// `.some(.null)` for the note's author.
        var source: JSONValue?
        var documents: Set<String>?
        var rule: String?
        var modality: String?
        var status: ClaimFilter.Status

        func admits(_ r: StoredRecord) -> Bool {
            let json = r.json
            if let company, !(json["subjects"]?.arrayValue ?? []).contains(.string(company)) { return false }
            if let source, (json["source"] ?? .null) != source { return false }
            if let documents, !r.mentions.contains(where: { documents.contains($0.mention.documentID) }) { return false }
            if let rule, !r.mentions.contains(where: { $0.mention.rule == rule || $0.mention.rule.hasPrefix(rule) }) { return false }
            if let modality, json["modality"]?.stringValue != modality { return false }
            return status == .all || (json["review"]?.stringValue ?? "pending") == status.rawValue
        }
    }

    func resolve(_ f: ClaimFilter, _ db: Database) throws -> ResolvedFilter {
        func isCompany(_ id: String) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT 1 FROM nodes WHERE id = ? AND kind = 'company' AND retired_at IS NULL", arguments: [id]) ?? false
        }
        var r = ResolvedFilter(status: f.status)
        if let c = f.company {
            let id = c.hasPrefix("company:") ? c : "company:" + c
            guard try isCompany(id) else { throw InputError(path: path, "--company \(c): no company \(id) in the store") }
            r.company = id
        }
        if let s = f.source {
            if s == "author" {
                r.source = .null
            } else if try s.hasPrefix("company:") || isCompany("company:" + s) {
                let id = s.hasPrefix("company:") ? s : "company:" + s
                guard try isCompany(id) else { throw InputError(path: path, "--source \(s): no company \(id) in the store") }
                r.source = .string(id)
            } else {
                let people = Set(try String.fetchAll(db, sql: """
                    SELECT DISTINCT json_extract(props, '$.source') FROM nodes
                    WHERE kind = 'claim' AND retired_at IS NULL AND json_type(props, '$.source') = 'text'
                    """).filter { !$0.hasPrefix("company:") })
                guard people.contains(s) else {
                    let known = people.sorted().prefix(10).joined(separator: ", ")
                    throw InputError(path: path, "--source \(s): no claim has this source (use author, a company id, or a name claims have\(known.isEmpty ? "" : ": " + known))")
                }
                r.source = .string(s)
            }
        }
        if let d = f.document {
            let standard = URL(fileURLWithPath: d).standardizedFileURL.path
            var ids = Set(try String.fetchAll(db, sql: "SELECT id FROM documents WHERE id = ?", arguments: [d]))
            for row in try Row.fetchAll(db, sql: "SELECT path, doc_id FROM sources") {
                let p: String = row[0]
                if p == d || URL(fileURLWithPath: p).standardizedFileURL.path == standard { ids.insert(row[1]) }
            }
            guard !ids.isEmpty else { throw InputError(path: path, "--document \(d): no document with this id or path in the store") }
            r.documents = ids
        }
        if let rule = f.rule {
            let rules = try String.fetchAll(db, sql: """
                SELECT DISTINCT m.rule FROM mentions m JOIN nodes n ON n.id = m.node_id WHERE n.kind = 'claim' AND n.retired_at IS NULL ORDER BY m.rule
                """)
            guard rules.contains(where: { $0 == rule || $0.hasPrefix(rule) }) else {
                throw InputError(path: path, "--rule \(rule): no claim was found by this rule (claim rules in the store: \(rules.isEmpty ? "none" : rules.prefix(12).joined(separator: ", ")))")
            }
            r.rule = rule
        }
        if let m = f.modality {
            guard ClaimFilter.modalities.contains(m) else {
                throw InputError(path: path, "--modality \(m): unknown modality; valid choices: \(ClaimFilter.modalities.joined(separator: ", "))")
            }
            r.modality = m
        }
        return r
    }
}
