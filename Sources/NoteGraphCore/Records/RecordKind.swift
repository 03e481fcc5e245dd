/// The record kinds of the export contract (../shared/docs/records.md).
public enum RecordKind: String, Sendable, CaseIterable {
    case document, company, event, figure, claim, edge

    /// Kinds stored as graph nodes (everything but documents and edges).
    public static let nodeKinds: [RecordKind] = [.company, .event, .figure, .claim]

    /// The fields each kind exports besides kind, id and mentions, in contract order; every one is
    /// always present (null where unknown).
    public var contractFields: [String] {
        switch self {
        case .document: return ["path", "sha256", "title", "lang", "date", "text"]
        case .company: return ["name", "names", "ticker", "known"]
        case .event: return ["date", "precision", "title", "companies", "figures"]
        case .figure: return ["value", "unit", "approx", "low", "high", "period", "metric", "subject", "change"]
        case .claim: return ["text", "source", "modality", "subjects", "figures", "date", "review"]
        case .edge: return ["from", "to", "type", "props"]
        }
    }
}
