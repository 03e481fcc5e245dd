import Foundation
import GRDB
import NoteGraphCore

/// The embedded default store: one SQLite file through GRDB, in WAL mode, migrated on open.
public final class SQLiteGraphStore: GraphStore {
    public let path: String
    let writer: any DatabaseWriter
    /// The time written on retirements, verdicts and their history (tests set it).
    public var clock: @Sendable () -> Date = { Date() }

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
            // A document's save touches pages all over the mention and edge indexes; with
            // SQLite's default 2 MB cache most of them were read back from disk on every save.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            try Schema.migrator.migrate(pool)
            writer = pool
        } catch let error as DatabaseError {
            throw ConfigError(file: path, keyPath: "", "cannot open the store: \(error.message ?? "\(error)")")
        }
    }

    /// A copy of the store at `path` held in memory, for `ingest --dry-run`: the store's files
    /// are only read, never migrated or written, and everything done to the copy is lost when it
    /// is released. A path with no store gives an empty copy.
    public init(inMemoryCopyOf path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        let files = FileManager.default
        var scratch: URL?
        defer { if let scratch { try? files.removeItem(at: scratch) } }
        do {
            let memory = try DatabaseQueue(configuration: config)
            if files.fileExists(atPath: path + "-wal") {
                // A connection is open (or one crashed): its write-ahead log and shared memory
                // exist, so a read-only connection reads through them and creates nothing.
                var readOnly = Configuration()
                readOnly.readonly = true
                let file = try DatabaseQueue(path: path, configuration: readOnly)
                try file.backup(to: memory)
                try file.close()
            } else if files.fileExists(atPath: path) {
                // No connection is open: the file is the whole database. Opening it, even
                // read-only, would leave -wal and -shm files beside it; a copy elsewhere does not.
                let folder = files.temporaryDirectory.appendingPathComponent("notegraph-dry-run-\(UUID().uuidString)")
                scratch = folder
                try files.createDirectory(at: folder, withIntermediateDirectories: true)
                let copy = folder.appendingPathComponent("graph.sqlite")
                try files.copyItem(at: URL(fileURLWithPath: path), to: copy)
                let file = try DatabaseQueue(path: copy.path)
                try file.backup(to: memory)
                try file.close()
            }
            try Schema.migrator.migrate(memory)
            writer = memory
        } catch let error as DatabaseError {
            throw ConfigError(file: path, keyPath: "", "cannot read the store: \(error.message ?? "\(error)")")
        } catch let error as CocoaError {
            throw ConfigError(file: path, keyPath: "", "cannot read the store: \(error.localizedDescription)")
        }
    }

    /// Now, as written in the store: ISO 8601, UTC, to the second.
    func timestamp() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: clock())
    }

    public func source(path: String) throws -> StoredSource? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT path, doc_id, sha256, pipeline_version FROM sources WHERE path = ?", arguments: [path])
                .map { StoredSource(path: $0[0], documentID: $0[1], sha256: $0[2], pipelineVersion: $0[3]) }
        }
    }

    public func sources() throws -> [StoredSource] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT path, doc_id, sha256, pipeline_version FROM sources")
                .map { StoredSource(path: $0[0], documentID: $0[1], sha256: $0[2], pipelineVersion: $0[3]) }
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

    /// Documents and live nodes by kind, what `ingest`'s summary line needs: both read from
    /// indexes, so a re-run over unchanged files does not pay for counting every edge.
    public func counts() throws -> (documents: Int, nodesByKind: [String: Int]) {
        try writer.read { db in (try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0, try Self.liveNodesByKind(db)) }
    }

    static func liveNodesByKind(_ db: Database) throws -> [String: Int] {
        var kinds: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, count(*) FROM nodes WHERE retired_at IS NULL GROUP BY kind") {
            kinds[row[0]] = row[1]
        }
        return kinds
    }

    public func stats() throws -> StoreStats {
        try writer.read { db in
            let kinds = try Self.liveNodesByKind(db)
            let bytes = ["", "-wal", "-shm"].reduce(Int64(0)) { sum, suffix in
                let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? NSNumber)?.int64Value ?? 0
                return sum + size
            }
            return StoreStats(
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                nodesByKind: kinds,
                edges: try Int.fetchOne(db, sql: "SELECT count(DISTINCT id) FROM edges") ?? 0,
                mentions: try Int.fetchOne(db, sql: "SELECT count(*) FROM mentions") ?? 0,
                bytes: bytes,
                retired: try Int.fetchOne(db, sql: "SELECT count(*) FROM nodes WHERE retired_at IS NOT NULL") ?? 0)
        }
    }

    /// Runs SQLite's own consistency check (used by tests and after interrupted imports).
    public func integrityCheck() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
