/// Which claims `notegraph review` lists (or bulk-decides): every filter given must hold.
public struct ClaimFilter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case pending, accepted, rejected, all
    }

    /// A company among the claim's `subjects` (`nvidia` or `company:nvidia`).
    public var company: String?
    /// Who asserts it: a company, a person's name as the claim has it, or `author` (the note's author).
    public var source: String?
    /// A document id or the path it was imported from.
    public var document: String?
    /// A rule (`claims/zh.rules#cue-colon`) or its start (`claims/zh.rules`) that found a mention.
    public var rule: String?
    /// `fact`, `forecast` or `opinion`.
    public var modality: String?
    public var status: Status

    public init(company: String? = nil, source: String? = nil, document: String? = nil, rule: String? = nil,
                modality: String? = nil, status: Status = .pending) {
        self.company = company
        self.source = source
        self.document = document
        self.rule = rule
        self.modality = modality
        self.status = status
    }

    /// Whether any filter narrows the set (bulk decisions require one).
    public var narrows: Bool { company != nil || source != nil || document != nil || rule != nil || modality != nil }

    public static let modalities = ["fact", "forecast", "opinion"]
}
