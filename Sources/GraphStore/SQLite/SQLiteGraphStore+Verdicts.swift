import Foundation
import GRDB
import NoteGraphCore

/// Recording and reading review verdicts. Only `notegraph review` writes them, and
/// reconciling after a run moves or orphans them; `save()` never touches the table.
extension SQLiteGraphStore {
    static let verdictColumns = """
        id, claim_id, recorded_claim_id, verdict, edit, original, note, reviewer, at,
        anchor_doc, anchor_path, anchor_start, anchor_end, anchor_text, state, state_detail
        """

    static func verdict(_ row: Row) -> Verdict {
        let anchor: VerdictAnchor? = (row["anchor_doc"] as String?).map {
            VerdictAnchor(documentID: $0, path: row["anchor_path"] ?? "", start: row["anchor_start"] ?? 0, end: row["anchor_end"] ?? 0,
                          text: row["anchor_text"] ?? "")
        }
        let edit = (row["edit"] as String?).flatMap { try? JSONValue.parse(Data($0.utf8)) }.map(ClaimEdit.init(json:))
        return Verdict(id: row["id"], claimID: row["claim_id"], recordedClaimID: row["recorded_claim_id"],
                       decision: Verdict.Decision(rawValue: row["verdict"]) ?? .accept, edit: edit,
                       original: (try? JSONValue.parse(Data((row["original"] as String).utf8))) ?? .null,
                       note: row["note"], reviewer: row["reviewer"], at: row["at"], anchor: anchor,
                       state: Verdict.State(rawValue: row["state"]) ?? .attached, stateDetail: row["state_detail"])
    }

    /// The verdicts in force (one per claim at most), by claim id.
    static func activeVerdicts(_ db: Database) throws -> [String: Verdict] {
        var out: [String: Verdict] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT \(verdictColumns) FROM verdicts WHERE superseded_at IS NULL ORDER BY id") {
            let v = verdict(row)
            out[v.claimID] = v
        }
        return out
    }

    /// Every verdict in force, oldest first.
    public func verdicts() throws -> [Verdict] {
        try writer.read { db in try Self.activeVerdicts(db).values.sorted { $0.id < $1.id } }
    }

    /// The claim's first mention, in export order, as an anchor.
    static func anchor(of claimID: String, _ db: Database) throws -> VerdictAnchor? {
        let paths = try documentPaths(db)
        guard let m = try mentions(db, nodeID: claimID, paths: paths).first else { return nil }
        return VerdictAnchor(documentID: m.documentID, path: paths[m.documentID] ?? "", start: m.start, end: m.end, text: m.text)
    }

    /// Records one verdict on each claim (replacing any verdict it had), all or none: an unknown
    /// id, a claim that is retired, or an edit naming records the store lacks is an error and
    /// nothing is written. Returns each new verdict with the one it replaced.
    public func recordVerdicts(claimIDs: [String], decision: Verdict.Decision, edit: ClaimEdit? = nil, note: String?,
                               reviewer: String) throws -> [(verdict: Verdict, previous: Verdict?)] {
        let at = timestamp()
        return try writer.write { db in
            var problems: [String] = []
            for id in claimIDs {
                guard let row = try Row.fetchOne(db, sql: "SELECT kind, retired_at, retired_reason FROM nodes WHERE id = ?", arguments: [id]) else {
                    problems.append("no claim \(id) in the store"); continue
                }
                if (row[0] as String) != RecordKind.claim.rawValue { problems.append("\(id) is a \(row[0] as String), not a claim") }
                else if let when = row[1] as String? { problems.append("claim \(id) is retired (\(when): \(row[2] as String? ?? "")); there is nothing to review") }
            }
            if let edit { problems += try Self.problems(with: edit, db) }
            if !problems.isEmpty { throw InputError(path: path, problems.joined(separator: "; ")) }
            var out: [(Verdict, Verdict?)] = []
            let active = try Self.activeVerdicts(db)
            for id in claimIDs {
                let props = try String.fetchOne(db, sql: "SELECT props FROM nodes WHERE id = ?", arguments: [id]).flatMap { try? JSONValue.parse(Data($0.utf8)) } ?? .null
                let original = JSONValue.object(["text", "source", "figures"].map { ($0, props[$0] ?? .null) })
                let anchor = try Self.anchor(of: id, db)
                let previous = active[id]
                if previous != nil {
                    try db.execute(sql: "UPDATE verdicts SET superseded_at = ? WHERE claim_id = ? AND superseded_at IS NULL", arguments: [at, id])
                }
                try db.execute(sql: """
                    INSERT INTO verdicts (claim_id, recorded_claim_id, verdict, edit, original, note, reviewer, at,
                                          anchor_doc, anchor_path, anchor_start, anchor_end, anchor_text, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'attached')
                    """, arguments: [id, id, decision.rawValue, edit.map { $0.json.serialized }, original.serialized, note, reviewer, at,
                                     anchor?.documentID, anchor?.path, anchor?.start, anchor?.end, anchor?.text])
                let newID = db.lastInsertedRowID
                if let previous {
                    try db.execute(sql: "UPDATE verdicts SET superseded_by = ? WHERE id = ?", arguments: [newID, previous.id])
                }
                let row = try Row.fetchOne(db, sql: "SELECT \(Self.verdictColumns) FROM verdicts WHERE id = ?", arguments: [newID])!
                out.append((Self.verdict(row), previous))
            }
            return out
        }
    }

    /// What is wrong with an edit: figures that are no figure in the store, a company source
    /// the store lacks.
    static func problems(with edit: ClaimEdit, _ db: Database) throws -> [String] {
        var problems: [String] = []
        if let text = edit.text, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("the corrected text is empty") }
        for f in edit.figures ?? [] {
            let kind = try String.fetchOne(db, sql: "SELECT kind FROM nodes WHERE id = ? AND retired_at IS NULL", arguments: [f])
            if kind != RecordKind.figure.rawValue { problems.append("no figure \(f) in the store") }
        }
        if let source = edit.source?.stringValue, source.hasPrefix("company:") {
            let kind = try String.fetchOne(db, sql: "SELECT kind FROM nodes WHERE id = ? AND retired_at IS NULL", arguments: [source])
            if kind != RecordKind.company.rawValue { problems.append("no company \(source) in the store") }
        }
        return problems
    }

    /// Re-attaches and orphans verdicts after a run (see `VerdictReconciler`).
    @discardableResult
    public func reconcileVerdicts() throws -> [VerdictChange] {
        guard try hasVerdicts() else { return [] }
        let at = timestamp()
        return try writer.write { db in try VerdictReconciler(db: db, at: at).run() }
    }
}
