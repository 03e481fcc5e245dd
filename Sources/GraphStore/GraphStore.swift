import NoteGraphCore

/// Where the graph lives. SQLite (embedded, the default) implements it now; a PostgreSQL store
/// with the same schema implements the same protocol later, and the same tests run against both.
public protocol GraphStore: AnyObject {
    /// What was stored for a path: enough to skip an unchanged file.
    func source(path: String) throws -> StoredSource?
    /// Stores one document with everything extracted from it, in one transaction: after a crash
    /// the document is either fully stored or absent. A previous version of the same path is
    /// replaced; nodes no mention supports any more are removed.
    func save(_ document: Document, extraction: Extraction, pipelineVersion: String) throws
    /// Writes every record as one JSON line, in a stable order (records.md).
    func export(_ write: (String) throws -> Void) throws
    /// One record (node, document or edge) by id, as its export line, with its mentions.
    func record(id: String) throws -> StoredRecord?
    func stats() throws -> StoreStats
}

/// A path the store has imported.
public struct StoredSource: Sendable, Equatable {
    public var path: String
    public var documentID: String
    public var sha256: String
    public var pipelineVersion: String

    public init(path: String, documentID: String, sha256: String, pipelineVersion: String) {
        self.path = path
        self.documentID = documentID
        self.sha256 = sha256
        self.pipelineVersion = pipelineVersion
    }
}

/// One record as `notegraph show` prints it.
public struct StoredRecord: Sendable {
    public var json: JSONValue
    /// Each mention with its sentence and source location.
    public var mentions: [(mention: Mention, documentPath: String, sentence: String, line: Int, column: Int)]
}

public struct StoreStats: Sendable, Equatable {
    public var documents: Int
    public var nodesByKind: [String: Int]
    public var edges: Int
    public var mentions: Int
    public var bytes: Int64
}
