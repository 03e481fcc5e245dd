import NoteGraphCore

/// Where the graph lives. SQLite (embedded, the default) implements it now; a PostgreSQL store
/// with the same schema implements the same protocol later, and the same tests run against both.
public protocol GraphStore: AnyObject {
    /// What was stored for a path: enough to skip an unchanged file.
    func source(path: String) throws -> StoredSource?
    /// Every path the store has imported, in one query: a re-run checks a thousand unchanged
    /// files against this instead of asking once per file.
    func sources() throws -> [StoredSource]
    /// Stores one document with everything extracted from it, in one transaction: after a crash
    /// the document is either fully stored or absent. A previous version of the same path is
    /// replaced; nodes no mention supports any more are retired (kept, with when and why, out
    /// of the export); retired nodes found again come back. Says what changed.
    @discardableResult
    func save(_ document: Document, extraction: Extraction, pipelineVersion: String) throws -> StoreChanges
    /// Records that a stored path's unchanged document needs no re-reading under `pipelineVersion`.
    func setPipelineVersion(path: String, _ pipelineVersion: String) throws
    /// The stored (normalised) text of a document.
    func documentText(id: String) throws -> String?
    /// What a lexicon or grammar fingerprint stood for (`part` is `lexicon` or `grammar`).
    func snapshot(part: String, fingerprint: String) throws -> String?
    func saveSnapshot(part: String, fingerprint: String, content: String) throws
    /// Re-attaches verdicts whose claim is gone to the claim now at their anchor, marks the
    /// rest orphaned (never dropping one); run after every import.
    @discardableResult
    func reconcileVerdicts() throws -> [VerdictChange]
    /// Writes every record as one JSON line, in a stable order (records.md).
    func export(_ write: (String) throws -> Void) throws
    /// One record (node, document or edge) by id, as its export line, with its mentions.
    func record(id: String) throws -> StoredRecord?
    func stats() throws -> StoreStats
    /// Per kind: mentions, records, and merges by cause (exact key, aligned, near-duplicate, user).
    func dedupCounts() throws -> [DedupCount]
    /// Merges `other` into `keep` (same kind) and records it so later imports do it again.
    @discardableResult
    func merge(keep: String, other: String) throws -> [VerdictChange]
    /// Detaches one mention of `id` into a record of its own, recorded likewise; the new id.
    func split(_ id: String, mention: String) throws -> String
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
    /// When and why a retired node was retired (it is out of the export).
    public var retirement: String? = nil
    /// A claim's verdict in force.
    public var verdict: Verdict? = nil
}

public struct StoreStats: Sendable, Equatable {
    public var documents: Int
    public var nodesByKind: [String: Int]
    public var edges: Int
    public var mentions: Int
    public var bytes: Int64
    /// Nodes retired (kept in the store's history, out of the export and the counts above).
    public var retired: Int
}
