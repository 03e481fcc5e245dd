import GRDB
import NoteGraphCore

/// After a run, puts every verdict in force on the claim it belongs to now.
///
/// A verdict whose claim is still in the graph stays (its anchor follows the claim's first
/// mention). One whose claim is gone — a re-run changed the claim's id because its clause grew
/// or shrank, or the claim was not found again — goes to the live claim whose mention overlaps
/// its anchor most in the same document (or, when the file changed, at the anchor's text
/// nearest its old place in the new version of that path), and is reported as moved. With no
/// such claim it is kept and marked orphaned, never dropped; it comes back when its claim does.
struct VerdictReconciler {
    let db: Database
    let at: String

    func run() throws -> [VerdictChange] {
        var changes: [VerdictChange] = []
        let verdicts = try SQLiteGraphStore.activeVerdicts(db).values.sorted { $0.id < $1.id }
        var taken = Set(verdicts.map(\.claimID))
        for v in verdicts {
            if try isLiveClaim(v.claimID) {
                let anchor = try SQLiteGraphStore.anchor(of: v.claimID, db)
                if anchor != v.anchor, let anchor { try setAnchor(v.id, anchor) }
                if v.state == .orphaned {
                    try setState(v.id, .attached, "its claim was found again (\(at))")
                    changes.append(VerdictChange(kind: .reattached, verdictID: v.id, from: v.claimID, to: v.claimID, anchor: anchor))
                }
                continue
            }
            if let (claim, anchor) = try replacement(for: v, excluding: taken) {
                try db.execute(sql: "UPDATE verdicts SET claim_id = ? WHERE id = ?", arguments: [claim, v.id])
                try setAnchor(v.id, anchor)
                try setState(v.id, .moved, "moved from \(v.claimID) to \(claim) (\(at))")
                taken.remove(v.claimID)
                taken.insert(claim)
                changes.append(VerdictChange(kind: .moved, verdictID: v.id, from: v.claimID, to: claim, anchor: anchor))
            } else if v.state != .orphaned {
                let why: String
                if let row = try Row.fetchOne(db, sql: "SELECT retired_at, retired_reason FROM nodes WHERE id = ?", arguments: [v.claimID]),
                   let when = row[0] as String? {
                    why = "\(v.claimID) was retired (\(when): \(row[1] as String? ?? ""))"
                } else {
                    why = "\(v.claimID) is no longer in the store"
                }
                try setState(v.id, .orphaned, why + "; no claim covers its anchor")
                changes.append(VerdictChange(kind: .orphaned, verdictID: v.id, from: v.claimID, to: nil, anchor: v.anchor))
            }
        }
        return changes
    }

    func isLiveClaim(_ id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM nodes WHERE id = ? AND kind = 'claim' AND retired_at IS NULL", arguments: [id]) ?? false
    }

    func setState(_ id: Int64, _ state: Verdict.State, _ detail: String) throws {
        try db.execute(sql: "UPDATE verdicts SET state = ?, state_at = ?, state_detail = ? WHERE id = ?",
                       arguments: [state.rawValue, at, detail, id])
    }

    func setAnchor(_ id: Int64, _ a: VerdictAnchor) throws {
        try db.execute(sql: """
            UPDATE verdicts SET anchor_doc = ?, anchor_path = ?, anchor_start = ?, anchor_end = ?, anchor_text = ? WHERE id = ?
            """, arguments: [a.documentID, a.path, a.start, a.end, a.text, id])
    }

    /// The live claim, without a verdict of its own, that covers the verdict's anchor.
    func replacement(for v: Verdict, excluding taken: Set<String>) throws -> (String, VerdictAnchor)? {
        guard let a = v.anchor else { return nil }
        var spans: [(doc: String, start: Int, end: Int)] = []
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [a.documentID]) ?? false {
            spans.append((a.documentID, a.start, a.end))
        } else if !a.text.isEmpty {
            // The file changed: find the anchor's text in what the path holds now.
            let docs = try String.fetchAll(db, sql: """
                SELECT doc_id FROM sources WHERE path = ?1 UNION SELECT id FROM documents WHERE path = ?1
                """, arguments: [a.path])
            for doc in docs {
                guard let text = try String.fetchOne(db, sql: "SELECT text FROM documents WHERE id = ?", arguments: [doc]),
                      let start = Self.nearestOccurrence(of: a.text, in: text, near: a.start) else { continue }
                spans.append((doc, start, start + a.text.unicodeScalars.count))
            }
        }
        for span in spans {
            let rows = try Row.fetchAll(db, sql: """
                SELECT m.node_id, m.start, m."end" FROM mentions m JOIN nodes n ON n.id = m.node_id
                WHERE m.doc_id = ? AND n.kind = 'claim' AND n.retired_at IS NULL AND m.start < ? AND m."end" > ?
                """, arguments: [span.doc, span.end, span.start])
            let best = rows.compactMap { row -> (id: String, overlap: Int, misfit: Int)? in
                let id: String = row[0], s: Int = row[1], e: Int = row[2]
                guard !taken.contains(id) else { return nil }
                return (id, min(e, span.end) - max(s, span.start), abs((e - s) - (span.end - span.start)))
            }.min { ($1.overlap, $0.misfit, $0.id) < ($0.overlap, $1.misfit, $1.id) }
            if let best, let anchor = try SQLiteGraphStore.anchor(of: best.id, db) { return (best.id, anchor) }
        }
        return nil
    }

    /// The scalar offset of the occurrence of `needle` in `text` nearest `offset`.
    static func nearestOccurrence(of needle: String, in text: String, near offset: Int) -> Int? {
        let hay = Array(text.unicodeScalars), pin = Array(needle.unicodeScalars)
        guard !pin.isEmpty, hay.count >= pin.count else { return nil }
        var best: Int?
        for i in 0...(hay.count - pin.count) where hay[i] == pin[0] && Array(hay[i..<(i + pin.count)]) == pin {
            if best == nil || abs(i - offset) < abs(best! - offset) { best = i }
        }
        return best
    }
}
