import Foundation
import GRDB
import NoteGraphCore

/// What happens to a document's records where they meet the rest of the store, inside its save:
///
/// 1. Near-duplicates across notes: a record whose id the store does not hold from another note
///    takes the id of a live record of another note with the same signature whose fingerprint
///    is within the extraction's `nearDuplicateDistance` (the nearest; ties by id). The record
///    already stored wins, so ids stay as they were on re-runs (on a fresh store, the file
///    imported first — the importer walks paths in sorted order — gives the id).
/// 2. The user's merges and splits, in the order they were made, so they survive re-runs.
struct MergeResolver {
    let db: Database
    let document: Document
    /// The documents this save replaces: their records are being re-made, not met.
    let replaced: [String]

    /// Ids of records this extraction only points to (stored ones it merges into): their
    /// stored properties stay as they are.
    private(set) var stored: Set<String> = []

    mutating func resolve(_ input: Extraction) throws -> Extraction {
        var e = input
        try nearDuplicates(&e)
        try applyOverrides(&e)
        stored.subtract(input.nodes.map(\.id))
        return e
    }

    mutating func nearDuplicates(_ e: inout Extraction) throws {
        guard let maxDistance = e.nearDuplicateDistance, !e.fingerprints.isEmpty else { return }
        let others = replaced.map { _ in "?" }.joined(separator: ", ")
        let elsewhere = try db.cachedStatement(sql: """
            SELECT 1 FROM mentions m JOIN nodes n ON n.id = m.node_id
            WHERE m.node_id = ? AND n.retired_at IS NULL AND m.doc_id NOT IN (\(others)) LIMIT 1
            """)
        let candidates = try db.cachedStatement(sql: """
            SELECT f.node_id, f.simhash, f.doc_id FROM fingerprints f JOIN nodes n ON n.id = f.node_id
            WHERE f.kind = ? AND f.signature = ? AND n.retired_at IS NULL AND f.doc_id NOT IN (\(others))
            """)
        var best: [String: (to: String, distance: Int, doc: String)] = [:]
        for fp in e.fingerprints {
            if try Bool.fetchOne(elsewhere, arguments: StatementArguments([fp.nodeID] + replaced)) ?? false { continue }
            for row in try Row.fetchAll(candidates, arguments: StatementArguments([fp.kind.rawValue, fp.signature] + replaced)) {
                let id: String = row[0], hash: Int64 = row[1], doc: String = row[2]
                guard id != fp.nodeID else { continue }
                let d = SimHash.distance(fp.simhash, UInt64(bitPattern: hash))
                guard d <= maxDistance else { continue }
                if let b = best[fp.nodeID], (b.distance, b.to) <= (d, id) { continue }
                best[fp.nodeID] = (id, d, doc)
            }
        }
        for (from, target) in best.sorted(by: { $0.key < $1.key }) {
            let props = try storedProperties(target.to)
            if !e.nodes.contains(where: { $0.id == target.to }) { stored.insert(target.to) }
            let path = try String.fetchOne(db, sql: "SELECT path FROM documents WHERE id = ?", arguments: [target.doc]) ?? target.doc
            let text = props?.first { $0.0 == "text" }?.1.stringValue.map { "\"\($0)\"" } ?? target.to
            e.rename(from, to: target.to, reason: MergeReason(.nearDuplicate, "distance \(target.distance) from \(text) in \(path) (same source, modality and figures)"),
                     targetProperties: props)
        }
    }

    mutating func applyOverrides(_ e: inout Extraction) throws {
        for o in try SQLiteGraphStore.overrides(db) {
            switch o.action {
            case .merge:
                guard e.nodes.contains(where: { $0.id == o.otherID }) else { continue }
                var props = e.nodes.first { $0.id == o.nodeID }?.properties
                if props == nil { props = try storedProperties(o.nodeID); stored.insert(o.nodeID) }
                e.rename(o.otherID, to: o.nodeID, reason: MergeReason(.user, "\(o.otherID) merged into \(o.nodeID) by the user (notegraph merge, \(o.at))"),
                         targetProperties: props)
            case .split:
                guard let anchor = o.anchor, let indices = place(anchor, in: e) else { continue }
                let m = e.mentions[indices[0]]
                guard let origin = e.nodes.first(where: { $0.id == m.nodeID }) else { continue }
                e.detach(indices, to: o.otherID, kind: origin.kind,
                         properties: MergeOverride.splitProperties(origin.properties, kind: origin.kind, text: m.text, from: o.nodeID),
                         documentID: document.id)
                if m.documentID != anchor.documentID || m.start != anchor.start {
                    // The file changed: the split follows its mention to the new place.
                    try db.execute(sql: "UPDATE merge_overrides SET anchor_doc = ?, anchor_start = ?, anchor_end = ? WHERE seq = ?",
                                   arguments: [m.documentID, m.start, m.end, o.seq])
                }
            }
        }
    }

    /// The mentions (one span, any rule) a split's anchor stands for in this extraction: the same
    /// document and span, or in a new version of the anchor's path the occurrence of its text
    /// nearest its old place.
    func place(_ a: VerdictAnchor, in e: Extraction) -> [Int]? {
        var hits = e.mentions.indices.filter { e.mentions[$0].documentID == a.documentID && e.mentions[$0].start == a.start && e.mentions[$0].end == a.end }
        if hits.isEmpty, document.path == a.path {
            let same = e.mentions.indices.filter { e.mentions[$0].text == a.text }
            if let nearest = same.min(by: { (abs(e.mentions[$0].start - a.start), $0) < (abs(e.mentions[$1].start - a.start), $1) }) {
                hits = same.filter { e.mentions[$0].start == e.mentions[nearest].start }
            }
        }
        return hits.isEmpty ? nil : hits
    }

    func storedProperties(_ id: String) throws -> [(String, JSONValue)]? {
        guard let text = try String.fetchOne(db, sql: "SELECT props FROM nodes WHERE id = ?", arguments: [id]),
              case let .object(fields)? = try? JSONValue.parse(Data(text.utf8)) else { return nil }
        return fields
    }
}
