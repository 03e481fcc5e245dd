import Foundation
import GRDB
import NoteGraphCore

/// The user's merges and splits (`notegraph merge`, `notegraph split`): recorded in
/// `merge_overrides`, applied to the store at once, and again by every later save
/// (`MergeResolver`). Verdicts are reconciled afterwards, so a verdict on a record merged away
/// follows its mentions to the record that survives.
extension SQLiteGraphStore {
    static func overrides(_ db: Database) throws -> [MergeOverride] {
        try Row.fetchAll(db, sql: "SELECT * FROM merge_overrides ORDER BY seq").map { row in
            let anchor = (row["anchor_doc"] as String?).map {
                VerdictAnchor(documentID: $0, path: row["anchor_path"] ?? "", start: row["anchor_start"] ?? 0, end: row["anchor_end"] ?? 0,
                              text: row["anchor_text"] ?? "")
            }
            return MergeOverride(seq: row["seq"], action: MergeOverride.Action(rawValue: row["action"]) ?? .merge, nodeID: row["node_id"],
                                 otherID: row["other_id"], kind: RecordKind(rawValue: row["kind"]) ?? .claim, anchor: anchor, at: row["at"])
        }
    }

    public func overrides() throws -> [MergeOverride] { try writer.read { try Self.overrides($0) } }

    /// A mention's id as `notegraph show` prints it: its document and span.
    public static func mentionID(_ m: Mention) -> String { "\(m.documentID)@\(m.start)-\(m.end)" }

    /// The live node's kind, or an error saying what `id` is instead.
    static func liveKind(_ id: String, _ db: Database, path: String) throws -> RecordKind {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, retired_at FROM nodes WHERE id = ?", arguments: [id]),
              let kind = RecordKind(rawValue: row[0]) else {
            throw InputError(path: path, "no record \(id) in the store (ids look like claim:…, figure:…; see 'notegraph export')")
        }
        if let when = row[1] as String? { throw InputError(path: path, "\(id) is retired (\(when)); only live records can be merged or split") }
        return kind
    }

    /// Merges `other` into `keep` (two live records of one kind): `other`'s mentions, edges and
    /// fingerprints go to `keep`, `other` is retired with the reason. Returns the verdict changes.
    @discardableResult
    public func merge(keep: String, other: String) throws -> [VerdictChange] {
        let at = timestamp()
        return try writer.write { db in
            guard keep != other else { throw InputError(path: path, "merge: \(keep) given twice; name two different records") }
            let a = try Self.liveKind(keep, db, path: path), b = try Self.liveKind(other, db, path: path)
            guard a == b else { throw InputError(path: path, "merge: \(keep) is a \(a.rawValue) and \(other) a \(b.rawValue); only records of one kind merge") }
            try db.execute(sql: "INSERT INTO merge_overrides (action, node_id, other_id, kind, at) VALUES ('merge', ?, ?, ?, ?)",
                           arguments: [keep, other, a.rawValue, at])
            try Self.applyMerge(keep: keep, other: other, detail: "\(other) merged into \(keep) by the user (notegraph merge, \(at))", at: at, db)
            return try VerdictReconciler(db: db, at: at).run()
        }
    }

    static func applyMerge(keep: String, other: String, detail: String, at: String, _ db: Database) throws {
        let paths = try documentPaths(db)
        let last = try mentions(db, nodeID: other, paths: paths)
        try db.execute(sql: "UPDATE OR IGNORE mentions SET node_id = ?, merge_reason = 'user', merge_detail = ? WHERE node_id = ?",
                       arguments: [keep, detail, other])
        try db.execute(sql: "DELETE FROM mentions WHERE node_id = ?", arguments: [other])
        try moveEdges(of: other, to: keep, inDocument: nil, copy: false, db)
        try db.execute(sql: "UPDATE OR IGNORE fingerprints SET node_id = ? WHERE node_id = ?", arguments: [keep, other])
        try db.execute(sql: "DELETE FROM fingerprints WHERE node_id = ?", arguments: [other])
        try db.execute(sql: "UPDATE nodes SET retired_at = ?, retired_reason = ? WHERE id = ?", arguments: [at, detail, other])
        let json = JSONValue.array(last.map { .object([("doc", .string($0.documentID)), ("start", .int($0.start)), ("end", .int($0.end)),
                                                       ("text", .string($0.text)), ("rule", .string($0.rule))]) })
        try db.execute(sql: "INSERT INTO node_history (node_id, event, at, reason, mentions) VALUES (?, 'retired', ?, ?, ?)",
                       arguments: [other, at, detail, json.serialized])
    }

    /// Re-points the edges of `from` (all, or those of one document) at `to`: moved, or copied
    /// (a split keeps the old record's edges while it still has mentions there).
    static func moveEdges(of from: String, to: String, inDocument doc: String?, copy: Bool, _ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT id, doc_id, src, dst, type, props FROM edges WHERE (src = ?1 OR dst = ?1) AND (?2 IS NULL OR doc_id = ?2)",
                                    arguments: [from, doc])
        for row in rows {
            let src: String = row[2], dst: String = row[3], type: String = row[4]
            // A split takes the record's own edges and the document's MENTIONS, not edges into it.
            if doc != nil, src != from, !(type == "MENTIONS" && src == (row[1] as String)) { continue }
            let e = EdgeRecord(from: src == from ? to : src, to: dst == from ? to : dst, type: type)
            if !copy { try db.execute(sql: "DELETE FROM edges WHERE id = ? AND doc_id = ?", arguments: [row[0], row[1]]) }
            try db.execute(sql: "INSERT OR IGNORE INTO edges (id, doc_id, src, dst, type, props) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [e.id, row[1], e.from, e.to, type, row[5]])
        }
    }

    /// Detaches the mention `mentionID` (`doc:…@start-end`, as `show` prints it) of `id` into a
    /// record of its own; returns the new record's id.
    public func split(_ id: String, mention mentionID: String) throws -> String {
        let at = timestamp()
        return try writer.write { db in
            let kind = try Self.liveKind(id, db, path: path)
            let paths = try Self.documentPaths(db)
            let all = try Self.mentions(db, nodeID: id, paths: paths)
            let listed = all.map(Self.mentionID).joined(separator: ", ")
            guard let m = all.first(where: { Self.mentionID($0) == mentionID }) else {
                throw InputError(path: path, "split: \(id) has no mention \(mentionID); its mentions: \(listed)")
            }
            guard Set(all.map(Self.mentionID)).count > 1 else {
                throw InputError(path: path, "split: \(id) has only the mention \(mentionID); there is nothing to split it from")
            }
            let docPath = paths[m.documentID] ?? ""
            let newID = MergeOverride.splitID(from: id, path: docPath, text: m.text)
            let stored = try String.fetchOne(db, sql: "SELECT props FROM nodes WHERE id = ?", arguments: [id]).flatMap { try? JSONValue.parse(Data($0.utf8)) }
            guard case let .object(origin)? = stored else { throw InternalError("split", "\(id) has unreadable properties") }
            let props = MergeOverride.splitProperties(origin, kind: kind, text: m.text, from: id)
            try db.execute(sql: """
                INSERT INTO merge_overrides (action, node_id, other_id, kind, anchor_doc, anchor_path, anchor_start, anchor_end, anchor_text, at)
                VALUES ('split', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, newID, kind.rawValue, m.documentID, docPath, m.start, m.end, m.text, at])
            try db.execute(sql: """
                INSERT INTO nodes (id, kind, props) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET props = excluded.props, retired_at = NULL, retired_reason = NULL
                """, arguments: [newID, kind.rawValue, JSONValue.object(props).serialized])
            try db.execute(sql: """
                UPDATE mentions SET node_id = ?, merge_reason = NULL, merge_detail = NULL WHERE node_id = ? AND doc_id = ? AND start = ? AND "end" = ?
                """, arguments: [newID, id, m.documentID, m.start, m.end])
            let left = try Bool.fetchOne(db, sql: "SELECT 1 FROM mentions WHERE node_id = ? AND doc_id = ?", arguments: [id, m.documentID]) ?? false
            try Self.moveEdges(of: id, to: newID, inDocument: m.documentID, copy: left, db)
            _ = try VerdictReconciler(db: db, at: at).run()
            return newID
        }
    }
}
