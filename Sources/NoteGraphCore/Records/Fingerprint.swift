/// A record's text fingerprint, kept so that a later document can find a reworded duplicate
/// of it in the store (near-duplicates across notes are only seen where notes meet: at save).
/// Two fingerprints are comparable only when their `signature` (what must agree exactly: for a
/// claim its source, modality and figures) is equal.
public struct Fingerprint: Sendable, Equatable {
    public var nodeID: String
    public var kind: RecordKind
    public var signature: String
    public var simhash: UInt64

    public init(nodeID: String, kind: RecordKind, signature: String, simhash: UInt64) {
        self.nodeID = nodeID
        self.kind = kind
        self.signature = signature
        self.simhash = simhash
    }
}
