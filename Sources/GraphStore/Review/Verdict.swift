import NoteGraphCore

/// A reviewer's decision on a claim. Verdicts live in their own table, apart from extraction
/// output, so a re-run never overwrites them: the export shows each claim's `review` from its
/// verdict, and an edit's corrected fields in place of the extracted ones (the extracted values
/// stay in `original`).
public struct Verdict: Sendable, Equatable {
    public enum Decision: String, Sendable, CaseIterable {
        case accept, reject, edit
    }

    /// Whether the verdict is on a claim in the graph now.
    public enum State: String, Sendable {
        /// On the claim it was given for.
        case attached
        /// A re-run changed the claim's id; the verdict went to the claim now at its anchor.
        case moved
        /// Its claim is gone and no claim covers its anchor: kept, listed by `review orphaned`.
        case orphaned
    }

    public var id: Int64
    /// The claim it applies to now.
    public var claimID: String
    /// The claim it was given for.
    public var recordedClaimID: String
    public var decision: Decision
    public var edit: ClaimEdit?
    /// The claim's `text`, `source` and `figures` when the verdict was given.
    public var original: JSONValue
    public var note: String?
    public var reviewer: String
    public var at: String
    public var anchor: VerdictAnchor?
    public var state: State
    /// When and how the state last changed ("moved from claim:… when …").
    public var stateDetail: String?

    /// The claim's `review` field under this verdict: an edit counts as accepted.
    public var review: String { decision == .reject ? "rejected" : "accepted" }

    public init(id: Int64, claimID: String, recordedClaimID: String, decision: Decision, edit: ClaimEdit?, original: JSONValue,
                note: String?, reviewer: String, at: String, anchor: VerdictAnchor?, state: State, stateDetail: String?) {
        self.id = id
        self.claimID = claimID
        self.recordedClaimID = recordedClaimID
        self.decision = decision
        self.edit = edit
        self.original = original
        self.note = note
        self.reviewer = reviewer
        self.at = at
        self.anchor = anchor
        self.state = state
        self.stateDetail = stateDetail
    }

    /// The verdict for scripts (`review --json`).
    public var json: JSONValue {
        .object([
            ("id", .int(Int(id))), ("claim", .string(claimID)), ("recorded_claim", .string(recordedClaimID)),
            ("verdict", .string(decision.rawValue)), ("review", .string(review)),
            ("edit", edit?.json ?? .null), ("original", original),
            ("note", note.map(JSONValue.string) ?? .null), ("reviewer", .string(reviewer)), ("at", .string(at)),
            ("anchor", anchor?.json ?? .null), ("state", .string(state.rawValue)),
            ("state_detail", stateDetail.map(JSONValue.string) ?? .null),
        ])
    }
}
