import GRDB
import NoteGraphCore

/// What the batch importer asks to decide which stored documents a pipeline change affects.
extension SQLiteGraphStore {
    public func setPipelineVersion(path: String, _ pipelineVersion: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE sources SET pipeline_version = ? WHERE path = ?", arguments: [pipelineVersion, path])
            try db.execute(sql: "UPDATE documents SET pipeline_version = ? WHERE id = (SELECT doc_id FROM sources WHERE path = ?)",
                           arguments: [pipelineVersion, path])
        }
    }

    public func documentText(id: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT text FROM documents WHERE id = ?", arguments: [id]) }
    }

    public func snapshot(part: String, fingerprint: String) throws -> String? {
        try writer.read { db in
            try String.fetchOne(db, sql: "SELECT content FROM pipeline_snapshots WHERE part = ? AND fingerprint = ?", arguments: [part, fingerprint])
        }
    }

    public func saveSnapshot(part: String, fingerprint: String, content: String) throws {
        try writer.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO pipeline_snapshots (part, fingerprint, content) VALUES (?, ?, ?)",
                           arguments: [part, fingerprint, content])
        }
    }

    /// Whether any verdict is in force (reconciling is skipped, with no write, when none is).
    public func hasVerdicts() throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM verdicts WHERE superseded_at IS NULL LIMIT 1") ?? false }
    }
}
