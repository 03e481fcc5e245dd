import Foundation
import GRDB
import NoteGraphCore

/// Storing one document: its records replace what the same document (or the path's previous
/// bytes) had; nodes nothing supports any more are retired, not deleted; retired nodes found
/// again come back under the same id. One transaction: after a crash the document is either
/// fully stored or as it was.
extension SQLiteGraphStore {
    @discardableResult
    public func save(_ document: Document, extraction: Extraction, pipelineVersion: String) throws -> StoreChanges {
        let at = timestamp()
        return try writer.write { db in try Self.save(document, extraction: extraction, pipelineVersion: pipelineVersion, at: at, db) }
    }

    /// A mention as compared before and after: where, what and by which rule.
    struct MentionKey: Hashable {
        var doc: String
        var start: Int
        var end: Int
        var text: String
        var rule: String

        var json: JSONValue {
            .object([("doc", .string(doc)), ("start", .int(start)), ("end", .int(end)), ("text", .string(text)), ("rule", .string(rule))])
        }
    }

    static func save(_ document: Document, extraction: Extraction, pipelineVersion: String, at: String, _ db: Database) throws -> StoreChanges {
        // The documents whose records this save replaces: the document itself (read again) and
        // what the path held before, when no other path still holds it.
        let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM documents WHERE id = ?", arguments: [document.id]) ?? false
        var replaced: String?
        var dropped: String?
        if let old = try String.fetchOne(db, sql: "SELECT doc_id FROM sources WHERE path = ?", arguments: [document.path]),
           old != document.id {
            replaced = old
            try db.execute(sql: "DELETE FROM sources WHERE path = ?", arguments: [document.path])
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM sources WHERE doc_id = ?", arguments: [old]) == 0 { dropped = old }
        }
        var changes = StoreChanges(documentID: document.id, path: document.path,
                                   document: existed ? .reread : replaced != nil ? .replaced : .new, replacedDocument: replaced)
        let oldDocs = [document.id] + (dropped.map { [$0] } ?? [])
        // Where this document's records meet the store: reworded duplicates of other notes'
        // records, and the user's merges and splits (MergeResolver).
        var resolver = MergeResolver(db: db, document: document, replaced: oldDocs)
        let extraction = try resolver.resolve(extraction)

        // Before: the mentions and edges of those documents, and the state of every node involved.
        var before: [String: Set<MentionKey>] = [:]
        var oldEdges: Set<String> = []
        var touched: [String] = []
        var seen: Set<String> = []
        func touch(_ id: String) { if seen.insert(id).inserted { touched.append(id) } }
        for doc in oldDocs {
            for row in try Row.fetchAll(db, sql: #"SELECT node_id, start, "end", text, rule FROM mentions WHERE doc_id = ?"#, arguments: [doc]) {
                let id: String = row[0]
                before[id, default: []].insert(MentionKey(doc: doc, start: row[1], end: row[2], text: row[3], rule: row[4]))
                touch(id)
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, src, dst FROM edges WHERE doc_id = ?", arguments: [doc]) {
                oldEdges.insert(row[0])
                touch(row[1])
                touch(row[2])
            }
        }
        for n in extraction.nodes { touch(n.id) }
        var state: [String: (kind: String, props: String, retiredAt: String?, reason: String?)] = [:]
        let nodeState = try db.cachedStatement(sql: "SELECT kind, props, retired_at, retired_reason FROM nodes WHERE id = ?")
        for id in touched {
            if let row = try Row.fetchOne(nodeState, arguments: [id]) { state[id] = (row[0], row[1], row[2], row[3]) }
        }

        if let dropped { try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [dropped]) }
        try db.execute(sql: "DELETE FROM mentions WHERE doc_id = ?", arguments: [document.id])
        try db.execute(sql: "DELETE FROM edges WHERE doc_id = ?", arguments: [document.id])
        try insert(document, extraction: extraction, pipelineVersion: pipelineVersion, keepingPropertiesOf: resolver.stored, db)

        // After: which nodes are supported, which were retired or restored, what changed.
        var after: [String: Set<MentionKey>] = [:]
        for m in extraction.mentions {
            after[m.nodeID, default: []].insert(MentionKey(doc: m.documentID, start: m.start, end: m.end, text: m.text, rule: m.rule))
        }
        var newProps: [String: (kind: String, props: String)] = [:]
        for n in extraction.nodes {
            newProps[n.id] = (n.kind.rawValue, resolver.stored.contains(n.id) ? state[n.id]?.props ?? "" : JSONValue.object(n.properties).serialized)
        }
        let supported = try db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM mentions WHERE node_id = ?1) OR EXISTS (SELECT 1 FROM edges WHERE dst = ?1)
            """)
        let reason = replaced.map { "\(document.path) changed (\($0) became \(document.id)) and no longer mentions it" }
            ?? "not found when \(document.path) (\(document.id)) was read again"
        for id in touched {
            let old = state[id]
            guard let kind = newProps[id]?.kind ?? old?.kind else { continue }   // an edge end that is no node (a document)
            let wasLive = old.map { $0.retiredAt == nil } ?? false
            let isSupported = try Bool.fetchOne(supported, arguments: [id]) ?? false
            if !isSupported {
                if old == nil {
                    // Added by this save with nothing to support it: never part of the graph.
                    try db.execute(sql: "DELETE FROM nodes WHERE id = ?", arguments: [id])
                } else if wasLive {
                    try retire(id, at: at, reason: reason, document: document, mentions: before[id] ?? [], db)
                } else if newProps[id] != nil {
                    // Retired, listed again, still unsupported: it stays retired as it was.
                    try db.execute(sql: "UPDATE nodes SET retired_at = ?, retired_reason = ? WHERE id = ?",
                                   arguments: [old?.retiredAt, old?.reason, id])
                }
            } else if old != nil, !wasLive {
                try db.execute(sql: """
                    INSERT INTO node_history (node_id, event, at, doc_id, path, reason) VALUES (?, 'restored', ?, ?, ?, ?)
                    """, arguments: [id, at, document.id, document.path, "found again in \(document.path)"])
            }
            let differs = (newProps[id].map { $0.props != old?.props } ?? false) || before[id] ?? [] != after[id] ?? []
            changes.nodes.append(StoreChanges.Node(id: id, kind: kind, wasLive: wasLive, isLive: isSupported, differs: differs,
                                                   restored: old != nil && !wasLive && isSupported))
        }
        let newEdges = Set(extraction.edges.map(\.id))
        changes.edgesAdded = newEdges.subtracting(oldEdges).count
        changes.edgesRemoved = oldEdges.subtracting(newEdges).count
        return changes
    }

    /// Marks a node retired and writes why, with the mentions it last had, to its history.
    static func retire(_ id: String, at: String, reason: String, document: Document, mentions: Set<MentionKey>, _ db: Database) throws {
        try db.execute(sql: "UPDATE nodes SET retired_at = ?, retired_reason = ? WHERE id = ?", arguments: [at, reason, id])
        let last = mentions.sorted { ($0.doc, $0.start, $0.end, $0.rule) < ($1.doc, $1.start, $1.end, $1.rule) }
        try db.execute(sql: """
            INSERT INTO node_history (node_id, event, at, doc_id, path, reason, mentions) VALUES (?, 'retired', ?, ?, ?, ?, ?)
            """, arguments: [id, at, document.id, document.path, reason, JSONValue.array(last.map(\.json)).serialized])
    }

    /// Writes the document, its source path, nodes (live again if they were retired), mentions and edges.
    static func insert(_ document: Document, extraction: Extraction, pipelineVersion: String, keepingPropertiesOf kept: Set<String> = [],
                       _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO documents (id, path, sha256, format, encoding, title, lang, date, date_origin, text, source_map, times, warnings, pipeline_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET format = excluded.format, encoding = excluded.encoding, title = excluded.title,
                lang = excluded.lang, date = excluded.date, date_origin = excluded.date_origin, text = excluded.text,
                source_map = excluded.source_map, times = excluded.times, warnings = excluded.warnings,
                pipeline_version = excluded.pipeline_version
            """, arguments: [document.id, document.path, document.sha256, document.format.rawValue, document.encoding,
                             document.title, document.language.rawValue, document.date?.iso, document.date?.origin,
                             document.text.string, encode(document.sourceMap),
                             JSONValue.array(document.times.map { .array([.string($0.datetime), .int(Int($0.offset))]) }).serialized,
                             JSONValue.array(document.warnings.map(JSONValue.string)).serialized, pipelineVersion])
        try db.execute(sql: """
            INSERT INTO sources (path, doc_id, sha256, pipeline_version) VALUES (?, ?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET doc_id = excluded.doc_id, sha256 = excluded.sha256, pipeline_version = excluded.pipeline_version
            """, arguments: [document.path, document.id, document.sha256, pipelineVersion])
        let node = try db.cachedStatement(sql: """
            INSERT INTO nodes (id, kind, props) VALUES (?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, props = excluded.props, retired_at = NULL, retired_reason = NULL
            """)
        // A stored record this document merges into keeps its properties (its first wording).
        let keep = try db.cachedStatement(sql: "UPDATE nodes SET retired_at = NULL, retired_reason = NULL WHERE id = ?")
        for n in extraction.nodes {
            if kept.contains(n.id) { try keep.execute(arguments: [n.id]); continue }
            try node.execute(arguments: [n.id, n.kind.rawValue, JSONValue.object(n.properties).serialized])
        }
        let mention = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO mentions (node_id, doc_id, start, "end", text, rule, sentence_start, sentence_end, merge_reason, merge_detail)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for m in extraction.mentions {
            try mention.execute(arguments: [m.nodeID, m.documentID, m.start, m.end, m.text, m.rule, m.sentenceStart, m.sentenceEnd,
                                            m.merge?.cause.rawValue, m.merge?.detail])
        }
        try db.execute(sql: "DELETE FROM fingerprints WHERE doc_id = ?", arguments: [document.id])
        let fingerprint = try db.cachedStatement(sql: "INSERT OR IGNORE INTO fingerprints (doc_id, node_id, kind, signature, simhash) VALUES (?, ?, ?, ?, ?)")
        for f in extraction.fingerprints {
            try fingerprint.execute(arguments: [document.id, f.nodeID, f.kind.rawValue, f.signature, Int64(bitPattern: f.simhash)])
        }
        let edge = try db.cachedStatement(sql: "INSERT OR IGNORE INTO edges (id, doc_id, src, dst, type, props) VALUES (?, ?, ?, ?, ?, ?)")
        for e in extraction.edges {
            try edge.execute(arguments: [e.id, document.id, e.from, e.to, e.type, e.properties == .null ? nil : e.properties.serialized])
        }
    }
}
