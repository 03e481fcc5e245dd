import NoteGraphCore

/// Moving mentions between records inside one document's extraction before it is stored:
/// what a near-duplicate across notes and the user's merges and splits do at save time.
extension Extraction {
    /// Every mention, edge and fingerprint of `from` goes to `to`; the mentions say why.
    /// `to` takes `targetProperties` (the stored record's) when this extraction lacks it.
    mutating func rename(_ from: String, to: String, reason: MergeReason, targetProperties: [(String, JSONValue)]?) {
        guard from != to, let index = nodes.firstIndex(where: { $0.id == from }) else { return }
        let old = nodes.remove(at: index)
        if !nodes.contains(where: { $0.id == to }) {
            nodes.append(NodeRecord(id: to, kind: old.kind, properties: targetProperties ?? old.properties))
        }
        for i in mentions.indices where mentions[i].nodeID == from {
            mentions[i].nodeID = to
            mentions[i].merge = reason
        }
        edges = Self.unique(edges.map { e in
            e.from == from || e.to == from
                ? EdgeRecord(from: e.from == from ? to : e.from, to: e.to == from ? to : e.to, type: e.type, properties: e.properties) : e
        })
        for i in fingerprints.indices where fingerprints[i].nodeID == from { fingerprints[i].nodeID = to }
    }

    /// The mentions at `indices` leave their record for `newID` (made with `properties` when
    /// absent), which gets the record's outgoing edges and the document's `MENTIONS`; the old
    /// record loses those here when no mention of it is left in this document.
    mutating func detach(_ indices: [Int], to newID: String, kind: RecordKind, properties: [(String, JSONValue)], documentID: String) {
        guard let first = indices.first else { return }
        let origin = mentions[first].nodeID
        guard origin != newID else { return }
        for i in indices {
            mentions[i].nodeID = newID
            mentions[i].merge = nil
        }
        if !nodes.contains(where: { $0.id == newID }) { nodes.append(NodeRecord(id: newID, kind: kind, properties: properties)) }
        let carried = edges.filter { $0.from == origin || ($0.to == origin && $0.from == documentID) }
        edges = Self.unique(edges + carried.map {
            EdgeRecord(from: $0.from == origin ? newID : $0.from, to: $0.to == origin ? newID : $0.to, type: $0.type, properties: $0.properties)
        })
        if !mentions.contains(where: { $0.nodeID == origin }) {
            nodes.removeAll { $0.id == origin }
            edges.removeAll { $0.from == origin || ($0.to == origin && $0.from == documentID) }
        }
    }

    static func unique(_ edges: [EdgeRecord]) -> [EdgeRecord] {
        var seen: Set<String> = []
        return edges.filter { seen.insert($0.id).inserted }
    }
}
