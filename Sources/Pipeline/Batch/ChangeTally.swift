import GraphStore

/// The net effect of a run on the graph's nodes, counting each id once however many documents
/// touched it: added (not in the export before, in it after), retired (the reverse), changed
/// (in it both times, its line different).
public struct ChangeTally: Sendable, Equatable {
    struct Entry: Equatable {
        var kind: String
        var wasLive: Bool
        var isLive: Bool
        var differs: Bool
    }

    private var entries: [String: Entry] = [:]
    public private(set) var edgesAdded = 0
    public private(set) var edgesRemoved = 0

    public init() {}

    public mutating func add(_ changes: StoreChanges) {
        for n in changes.nodes {
            if var e = entries[n.id] {
                e.isLive = n.isLive
                e.differs = e.differs || n.differs
                entries[n.id] = e
            } else {
                entries[n.id] = Entry(kind: n.kind, wasLive: n.wasLive, isLive: n.isLive, differs: n.differs)
            }
        }
        edgesAdded += changes.edgesAdded
        edgesRemoved += changes.edgesRemoved
    }

    /// Counts by kind of added, changed and retired nodes.
    public var added: [String: Int] { count { !$0.wasLive && $0.isLive } }
    public var changed: [String: Int] { count { $0.wasLive && $0.isLive && $0.differs } }
    public var retired: [String: Int] { count { $0.wasLive && !$0.isLive } }

    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && retired.isEmpty && edgesAdded == 0 && edgesRemoved == 0 }

    private func count(_ include: (Entry) -> Bool) -> [String: Int] {
        var out: [String: Int] = [:]
        for e in entries.values where include(e) { out[e.kind, default: 0] += 1 }
        return out
    }
}
