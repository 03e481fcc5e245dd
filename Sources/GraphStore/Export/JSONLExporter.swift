import Foundation
import GRDB
import NoteGraphCore

/// The export contract (records.md) written from the SQLite store, one record a line, in a
/// stable order: documents by path, then nodes by kind and id, then edges by type, from, to.
/// Records are streamed from the database, so memory does not grow with the store.
extension SQLiteGraphStore {
    public func export(_ write: (String) throws -> Void) throws {
        try writer.read { db in
            let paths = try Self.documentPaths(db)
            let verdicts = try Self.activeVerdicts(db)
            let documents = try Row.fetchCursor(db, sql: "SELECT id, path, sha256, title, lang, date, text, encoding, format FROM documents ORDER BY path, id")
            while let row = try documents.next() {
                try write(Self.documentJSON(row).serialized)
            }
            for kind in RecordKind.nodeKinds {
                // Retired nodes stay in the store, out of the export.
                let nodes = try Row.fetchCursor(db, sql: "SELECT id, props FROM nodes WHERE kind = ? AND retired_at IS NULL ORDER BY id",
                                                arguments: [kind.rawValue])
                while let row = try nodes.next() {
                    let id: String = row[0]
                    let mentions = try Self.mentions(db, nodeID: id, paths: paths)
                    try write(Self.nodeJSON(id: id, kind: kind, props: row[1], mentions: mentions, verdict: verdicts[id]).serialized)
                }
            }
            let edges = try Row.fetchCursor(db, sql: "SELECT id, src, dst, type, props FROM edges GROUP BY id ORDER BY type, src, dst, id")
            while let row = try edges.next() {
                try write(Self.edgeJSON(row).serialized)
            }
        }
    }

    public func record(id: String) throws -> StoredRecord? {
        try writer.read { db in
            let paths = try Self.documentPaths(db)
            if let row = try Row.fetchOne(db, sql: "SELECT id, path, sha256, title, lang, date, text, encoding, format FROM documents WHERE id = ?", arguments: [id]) {
                return StoredRecord(json: Self.documentJSON(row), mentions: [])
            }
            if let row = try Row.fetchOne(db, sql: "SELECT id, src, dst, type, props FROM edges WHERE id = ?", arguments: [id]) {
                return StoredRecord(json: Self.edgeJSON(row), mentions: [])
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT kind, props, retired_at, retired_reason FROM nodes WHERE id = ?", arguments: [id]),
                  let kind = RecordKind(rawValue: row[0]) else { return nil }
            let verdict = try Self.activeVerdicts(db)[id]
            var cache: [String: (DocumentText, SourceMap)] = [:]
            return try Self.storedRecord(db, id: id, kind: kind, props: row[1], retiredAt: row[2], retiredReason: row[3],
                                         verdict: verdict, paths: paths, cache: &cache)
        }
    }

    /// A node with each mention's sentence and source line; `cache` keeps documents already decoded.
    static func storedRecord(_ db: Database, id: String, kind: RecordKind, props: String, retiredAt: String?, retiredReason: String?,
                             verdict: Verdict?, paths: [String: String], cache: inout [String: (DocumentText, SourceMap)]) throws -> StoredRecord {
        let mentions = try Self.mentions(db, nodeID: id, paths: paths)
        var details: [(mention: Mention, documentPath: String, sentence: String, line: Int, column: Int)] = []
        for m in mentions {
            if cache[m.documentID] == nil,
               let doc = try Row.fetchOne(db, sql: "SELECT text, source_map FROM documents WHERE id = ?", arguments: [m.documentID]) {
                cache[m.documentID] = (DocumentText(doc[0] as String), Self.decode(doc[1]))
            }
            guard let (text, map) = cache[m.documentID] else { continue }
            let a = text.utf16Offset(scalar: m.sentenceStart), b = text.utf16Offset(scalar: m.sentenceEnd)
            let location = map.location(ofText: text.utf16Offset(scalar: m.start))
            details.append((m, paths[m.documentID] ?? m.documentID, text.slice(a..<b), location.line, location.column))
        }
        return StoredRecord(json: Self.nodeJSON(id: id, kind: kind, props: props, mentions: mentions, verdict: verdict), mentions: details,
                            retirement: retiredAt.map { "retired \($0): \(retiredReason ?? "")" }, verdict: verdict)
    }

    static func documentPaths(_ db: Database) throws -> [String: String] {
        var paths: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, path FROM documents") { paths[row[0]] = row[1] }
        return paths
    }

    static func mentions(_ db: Database, nodeID: String, paths: [String: String]) throws -> [Mention] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT doc_id, start, "end", text, rule, sentence_start, sentence_end, merge_reason, merge_detail FROM mentions WHERE node_id = ?
            """, arguments: [nodeID])
        return rows.map {
            Mention(nodeID: nodeID, documentID: $0[0], start: $0[1], end: $0[2], text: $0[3], rule: $0[4],
                    sentenceStart: $0[5], sentenceEnd: $0[6],
                    merge: ($0[7] as String?).flatMap(MergeReason.Cause.init(rawValue:)).map { [row = $0] in MergeReason($0, row[8] ?? "") })
        }.sorted { (paths[$0.documentID] ?? "", $0.documentID, $0.start, $0.rule) < (paths[$1.documentID] ?? "", $1.documentID, $1.start, $1.rule) }
    }

    static func documentJSON(_ row: Row) -> JSONValue {
        .object([
            ("kind", .string("document")), ("id", .string(row[0])),
            ("path", .string(row[1])), ("sha256", .string(row[2])),
            ("title", (row[3] as String?).map(JSONValue.string) ?? .null),
            ("lang", .string(row[4])),
            ("date", (row[5] as String?).map(JSONValue.string) ?? .null),
            ("text", .string(row[6])),
            ("encoding", .string(row[7])), ("format", .string(row[8])),
        ])
    }

    /// A node's export line. A claim with a verdict shows the verdict's `review` and an edit's
    /// corrected fields (named in an extra `edited` field); the extracted values stay in the store.
    static func nodeJSON(id: String, kind: RecordKind, props: String, mentions: [Mention], verdict: Verdict? = nil) -> JSONValue {
        let stored = (try? JSONValue.parse(Data(props.utf8))) ?? .object([])
        var fields: [(String, JSONValue)] = [("kind", .string(kind.rawValue)), ("id", .string(id))]
        let corrected = verdict?.decision == .edit ? verdict?.edit?.fields ?? [] : []
        for key in kind.contractFields {
            if let verdict, kind == .claim, key == "review" {
                fields.append((key, .string(verdict.review)))
            } else if let value = corrected.first(where: { $0.0 == key })?.1 {
                fields.append((key, value))
            } else if kind == .company, key == "names" {
                var names: [String] = []
                if let name = stored["name"]?.stringValue, mentions.contains(where: { $0.text == name }) { names.append(name) }
                for m in mentions where !names.contains(m.text) { names.append(m.text) }
                fields.append(("names", .array(names.map(JSONValue.string))))
            } else {
                fields.append((key, stored[key] ?? .null))
            }
        }
        if case let .object(extra) = stored {
            for (key, value) in extra where !kind.contractFields.contains(key) && key != "edited" { fields.append((key, value)) }
        }
        if !corrected.isEmpty { fields.append(("edited", .array(corrected.map { .string($0.0) }))) }
        fields.append(("mentions", .array(mentions.map {
            .object([("doc", .string($0.documentID)), ("start", .int($0.start)), ("end", .int($0.end)),
                     ("text", .string($0.text)), ("rule", .string($0.rule))])
        })))
        return .object(fields)
    }

    static func edgeJSON(_ row: Row) -> JSONValue {
        let props = (row[4] as String?).flatMap { try? JSONValue.parse(Data($0.utf8)) } ?? .null
        return .object([("kind", .string("edge")), ("id", .string(row[0])), ("from", .string(row[1])),
                        ("to", .string(row[2])), ("type", .string(row[3])), ("props", props)])
    }
}
