import Foundation
import GRDB
import NoteGraphCore

/// The embedded default store: one SQLite file through GRDB, in WAL mode, migrated on open.
public final class SQLiteGraphStore: GraphStore {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the store at `path`.
    public init(path: String) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigError(file: path, keyPath: "", "cannot create the store's folder \(folder.path): \(error.localizedDescription)")
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw ConfigError(file: path, keyPath: "", "cannot open the store: \(error.message ?? "\(error)")")
        }
    }

    public func source(path: String) throws -> StoredSource? {
        try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT path, doc_id, sha256, pipeline_version FROM sources WHERE path = ?", arguments: [path])
                .map { StoredSource(path: $0[0], documentID: $0[1], sha256: $0[2], pipelineVersion: $0[3]) }
        }
    }

    public func save(_ document: Document, extraction: Extraction, pipelineVersion: String) throws {
        try pool.write { db in
            // The path may have held other content before: detach it, and drop that document if no
            // other path still holds it.
            if let old = try String.fetchOne(db, sql: "SELECT doc_id FROM sources WHERE path = ?", arguments: [document.path]),
               old != document.id {
                try db.execute(sql: "DELETE FROM sources WHERE path = ?", arguments: [document.path])
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM sources WHERE doc_id = ?", arguments: [old]) == 0 {
                    try db.execute(sql: "DELETE FROM documents WHERE id = ?", arguments: [old])
                }
            }
            // The same document re-extracted (another pipeline version): its records go first.
            try db.execute(sql: "DELETE FROM mentions WHERE doc_id = ?", arguments: [document.id])
            try db.execute(sql: "DELETE FROM edges WHERE doc_id = ?", arguments: [document.id])
            try db.execute(sql: """
                INSERT INTO documents (id, path, sha256, format, encoding, title, lang, date, date_origin, text, source_map, times, warnings, pipeline_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET format = excluded.format, encoding = excluded.encoding, title = excluded.title,
                    lang = excluded.lang, date = excluded.date, date_origin = excluded.date_origin, text = excluded.text,
                    source_map = excluded.source_map, times = excluded.times, warnings = excluded.warnings,
                    pipeline_version = excluded.pipeline_version
                """, arguments: [document.id, document.path, document.sha256, document.format.rawValue, document.encoding,
                                 document.title, document.language.rawValue, document.date?.iso, document.date?.origin,
                                 document.text.string, Self.encode(document.sourceMap),
                                 JSONValue.array(document.times.map { .array([.string($0.datetime), .int(Int($0.offset))]) }).serialized,
                                 JSONValue.array(document.warnings.map(JSONValue.string)).serialized, pipelineVersion])
            try db.execute(sql: """
                INSERT INTO sources (path, doc_id, sha256, pipeline_version) VALUES (?, ?, ?, ?)
                ON CONFLICT(path) DO UPDATE SET doc_id = excluded.doc_id, sha256 = excluded.sha256, pipeline_version = excluded.pipeline_version
                """, arguments: [document.path, document.id, document.sha256, pipelineVersion])
            let node = try db.cachedStatement(sql: """
                INSERT INTO nodes (id, kind, props) VALUES (?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, props = excluded.props
                """)
            for n in extraction.nodes {
                try node.execute(arguments: [n.id, n.kind.rawValue, JSONValue.object(n.properties).serialized])
            }
            let mention = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO mentions (node_id, doc_id, start, "end", text, rule, sentence_start, sentence_end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for m in extraction.mentions {
                try mention.execute(arguments: [m.nodeID, m.documentID, m.start, m.end, m.text, m.rule, m.sentenceStart, m.sentenceEnd])
            }
            let edge = try db.cachedStatement(sql: "INSERT OR IGNORE INTO edges (id, doc_id, src, dst, type, props) VALUES (?, ?, ?, ?, ?, ?)")
            for e in extraction.edges {
                try edge.execute(arguments: [e.id, document.id, e.from, e.to, e.type, e.properties == .null ? nil : e.properties.serialized])
            }
            // Nodes no mention supports any more, unless an edge still needs them (a parent
            // company no note names, kept for its SUBSIDIARY_OF edges).
            try db.execute(sql: """
                DELETE FROM nodes WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE mentions.node_id = nodes.id)
                    AND NOT EXISTS (SELECT 1 FROM edges WHERE edges.dst = nodes.id)
                """)
        }
    }

    static func encode(_ map: SourceMap) -> String {
        JSONValue.object([
            ("runs", .array(map.runs.map { .array([.int(Int($0.textStart)), .int(Int($0.sourceStart)), .bool($0.linear)]) })),
            ("anchors", .array(map.anchors.map { .array([.int(Int($0.offset)), .int(Int($0.line)), .int(Int($0.column))]) })),
        ]).serialized
    }

    static func decode(_ text: String) -> SourceMap {
        guard let json = try? JSONValue.parse(Data(text.utf8)) else { return SourceMap() }
        let runs = (json["runs"]?.arrayValue ?? []).compactMap { v -> SourceMap.Run? in
            guard let a = v.arrayValue, a.count == 3, let t = a[0].intValue, let s = a[1].intValue, let l = a[2].boolValue else { return nil }
            return SourceMap.Run(textStart: Int32(t), sourceStart: Int32(s), linear: l)
        }
        let anchors = (json["anchors"]?.arrayValue ?? []).compactMap { v -> SourceMap.Anchor? in
            guard let a = v.arrayValue, a.count == 3, let o = a[0].intValue, let l = a[1].intValue, let c = a[2].intValue else { return nil }
            return SourceMap.Anchor(offset: Int32(o), line: Int32(l), column: Int32(c))
        }
        return SourceMap(runs: runs, anchors: anchors)
    }

    public func stats() throws -> StoreStats {
        try pool.read { db in
            var kinds: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM nodes GROUP BY kind") { kinds[row[0]] = row[1] }
            let bytes = ["", "-wal", "-shm"].reduce(Int64(0)) { sum, suffix in
                let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.int64Value ?? 0
                return sum + size
            }
            return StoreStats(
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                nodesByKind: kinds,
                edges: try Int.fetchOne(db, sql: "SELECT count(DISTINCT id) FROM edges") ?? 0,
                mentions: try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") ?? 0,
                bytes: bytes)
        }
    }

    /// Runs SQLite's own consistency check (used by tests and after interrupted imports).
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
