import NoteGraphCore

/// A user's split or merge (`notegraph split`, `notegraph merge`), kept in its own table and
/// applied again to every document an import saves afterwards, in the order they were made.
public struct MergeOverride: Sendable, Equatable {
    public enum Action: String, Sendable {
        /// `nodeID` lost the mention at `anchor` to the new record `otherID`.
        case split
        /// `otherID` was merged into `nodeID`, which survives.
        case merge
    }

    public var seq: Int64
    public var action: Action
    public var nodeID: String
    public var otherID: String
    public var kind: RecordKind
    /// For a split: the mention detached.
    public var anchor: VerdictAnchor?
    public var at: String

    public init(seq: Int64, action: Action, nodeID: String, otherID: String, kind: RecordKind, anchor: VerdictAnchor?, at: String) {
        self.seq = seq
        self.action = action
        self.nodeID = nodeID
        self.otherID = otherID
        self.kind = kind
        self.anchor = anchor
        self.at = at
    }

    /// The id of the record a split makes: from the record it left and the mention's place and
    /// text, so the same split made again (or re-applied) gives the same id.
    public static func splitID(from nodeID: String, path: String, text: String) -> String {
        let prefix = nodeID.split(separator: ":").first.map(String.init) ?? "node"
        return StableID.make(prefix, ["split", nodeID, path, text])
    }

    /// The properties of a split record: those of the record it left, a claim's text being the
    /// mention's own, and `split` saying where it came from.
    public static func splitProperties(_ origin: [(String, JSONValue)], kind: RecordKind, text: String, from nodeID: String) -> [(String, JSONValue)] {
        var props = origin.filter { $0.0 != "split" && $0.0 != "aligned" }
        if kind == .claim, let i = props.firstIndex(where: { $0.0 == "text" }) { props[i].1 = .string(text) }
        props.append(("split", .string("detached from \(nodeID) by the user (notegraph split)")))
        return props
    }
}
