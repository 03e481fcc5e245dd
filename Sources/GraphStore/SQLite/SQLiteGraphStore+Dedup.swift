import GRDB
import NoteGraphCore

/// `notegraph stats --dedup` and the ingest summary: per kind, mentions before deduplication,
/// records after, and the merges by cause (live records only).
extension SQLiteGraphStore {
    public func dedupCounts() throws -> [DedupCount] {
        try writer.read { db in
            var perNode: [String: (kind: String, byCause: [MergeReason.Cause?: Int])] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT n.id, n.kind, m.merge_reason, count(*) FROM mentions m JOIN nodes n ON n.id = m.node_id
                WHERE n.retired_at IS NULL GROUP BY n.id, m.merge_reason
                """) {
                let id: String = row[0]
                let cause = (row[2] as String?).flatMap(MergeReason.Cause.init(rawValue:))
                perNode[id, default: (row[1], [:])].byCause[cause, default: 0] += row[3] as Int
            }
            var counts = RecordKind.nodeKinds.map { DedupCount(kind: $0.rawValue) }
            for (_, node) in perNode {
                guard let i = counts.firstIndex(where: { $0.kind == node.kind }) else { continue }
                counts[i].add(node.byCause)
            }
            return counts
        }
    }
}
