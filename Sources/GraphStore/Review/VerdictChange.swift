/// What reconciling verdicts after a run did to one verdict.
public struct VerdictChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Its claim's id changed; it now applies to the claim at its anchor.
        case moved
        /// Its claim is gone and nothing covers its anchor (kept; `review orphaned`).
        case orphaned
        /// It was orphaned and its claim is back.
        case reattached
    }

    public var kind: Kind
    public var verdictID: Int64
    public var from: String
    public var to: String?
    public var anchor: VerdictAnchor?

    public init(kind: Kind, verdictID: Int64, from: String, to: String?, anchor: VerdictAnchor?) {
        self.kind = kind
        self.verdictID = verdictID
        self.from = from
        self.to = to
        self.anchor = anchor
    }
}
