/// What one `save()` changed in the graph, for the ingest summary and `ingest --dry-run`.
///
/// Every node the document touches is listed once with whether it was live (in the export)
/// before and after, and whether its export line changed; added, changed, retired and restored
/// follow from that, so a summary over many documents can count each id once.
public struct StoreChanges: Sendable, Equatable {
    public enum DocumentChange: String, Sendable {
        /// A document the store did not have.
        case new
        /// The same document (same bytes) read again under another pipeline version.
        case reread
        /// The path held other bytes before: that document was replaced.
        case replaced
    }

    public struct Node: Sendable, Equatable {
        public var id: String
        public var kind: String
        public var wasLive: Bool
        public var isLive: Bool
        /// Its properties or its mentions in this document differ (only meaningful when live both times).
        public var differs: Bool
        /// It was retired before and this document brought it back.
        public var restored: Bool

        public init(id: String, kind: String, wasLive: Bool, isLive: Bool, differs: Bool, restored: Bool) {
            self.id = id
            self.kind = kind
            self.wasLive = wasLive
            self.isLive = isLive
            self.differs = differs
            self.restored = restored
        }
    }

    public var documentID: String
    public var path: String
    public var document: DocumentChange
    /// The document this path held before, when it was replaced.
    public var replacedDocument: String?
    public var nodes: [Node] = []
    public var edgesAdded = 0
    public var edgesRemoved = 0

    public init(documentID: String, path: String, document: DocumentChange, replacedDocument: String? = nil) {
        self.documentID = documentID
        self.path = path
        self.document = document
        self.replacedDocument = replacedDocument
    }

    public var added: [Node] { nodes.filter { !$0.wasLive && $0.isLive } }
    public var retired: [Node] { nodes.filter { $0.wasLive && !$0.isLive } }
    public var changed: [Node] { nodes.filter { $0.wasLive && $0.isLive && $0.differs } }

    /// True when the export would be the same as before this save.
    public var isEmpty: Bool {
        document != .new && added.isEmpty && retired.isEmpty && changed.isEmpty && edgesAdded == 0 && edgesRemoved == 0
            && replacedDocument == nil
    }
}
