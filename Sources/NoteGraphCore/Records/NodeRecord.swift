/// A graph node (company, event, figure or claim) with its properties in contract order.
public struct NodeRecord: Sendable, Equatable {
    public var id: String
    public var kind: RecordKind
    public var properties: [(String, JSONValue)]

    public init(id: String, kind: RecordKind, properties: [(String, JSONValue)]) {
        self.id = id
        self.kind = kind
        self.properties = properties
    }

    public static func == (a: NodeRecord, b: NodeRecord) -> Bool {
        a.id == b.id && a.kind == b.kind && JSONValue.object(a.properties) == JSONValue.object(b.properties)
    }

    public func property(_ key: String) -> JSONValue? { properties.first { $0.0 == key }?.1 }
}

/// A typed edge between two ids (`MENTIONS`, `ABOUT`, `SUBSIDIARY_OF`, …).
public struct EdgeRecord: Sendable, Equatable {
    public var id: String
    public var from: String
    public var to: String
    public var type: String
    public var properties: JSONValue

    public init(from: String, to: String, type: String, properties: JSONValue = .null) {
        self.id = StableID.make("edge", [from, type, to])
        self.from = from
        self.to = to
        self.type = type
        self.properties = properties
    }
}

/// What the extraction stages found in one document.
public struct Extraction: Sendable {
    public var nodes: [NodeRecord] = []
    public var mentions: [Mention] = []
    public var edges: [EdgeRecord] = []
    /// Text fingerprints of the records (claims), for finding reworded duplicates in other notes.
    public var fingerprints: [Fingerprint] = []
    /// The largest SimHash distance at which two fingerprints with the same signature are one
    /// record (the claims stage's `nearDuplicateDistance`); nil when no stage fingerprinted.
    public var nearDuplicateDistance: Int?

    public init() {}

    public func count(of kind: RecordKind) -> Int { nodes.filter { $0.kind == kind }.count }
}
