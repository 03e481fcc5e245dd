import NoteGraphCore

/// Mentions and records of one kind, with the merges by cause: what deduplication did. Each
/// record with n mentions counts n − 1 merges; a mention put there by alignment, a near
/// duplicate or the user counts for that cause, the rest for the exact normalised key.
public struct DedupCount: Sendable, Equatable {
    public var kind: String
    public var mentions = 0
    public var records = 0
    public var exactKey = 0
    public var aligned = 0
    public var nearDuplicate = 0
    public var user = 0

    public init(kind: String) { self.kind = kind }

    /// One record's mentions by cause (nil: its own key).
    mutating func add(_ byCause: [MergeReason.Cause?: Int]) {
        let total = byCause.values.reduce(0, +)
        guard total > 0 else { return }
        records += 1
        mentions += total
        aligned += byCause[.aligned] ?? 0
        nearDuplicate += byCause[.nearDuplicate] ?? 0
        user += byCause[.user] ?? 0
        let own = byCause[nil] ?? 0
        // The record's first mention is no merge: one of its own, else one of the others.
        if own > 0 { exactKey += own - 1 }
        else if (byCause[.user] ?? 0) > 0 { user -= 1 }
        else if (byCause[.nearDuplicate] ?? 0) > 0 { nearDuplicate -= 1 }
        else { aligned -= 1 }
    }

    public var line: String {
        "\(kind): \(mentions) mentions → \(records) records (merges: \(exactKey) exact key, \(aligned) aligned, \(nearDuplicate) near-duplicate, \(user) user)"
    }
}
