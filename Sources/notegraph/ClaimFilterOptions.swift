import ArgumentParser
import GraphStore

/// The filters `review list` takes and `review accept/reject --all-matching` decides by. Values
/// are checked against the store (`claims(matching:)`): a company, source, document or rule the
/// store does not have is an error naming it, never an empty list that looks like "all done".
struct ClaimFilterOptions: ParsableArguments {
    @Option(help: "A company among the claim's subjects (nvidia or company:nvidia).")
    var company: String?

    @Option(help: "Who asserts the claim: a company id, a person's name as the claim has it, or 'author'.")
    var source: String?

    @Option(help: "A document id or the path a note was imported from.")
    var document: String?

    @Option(help: "A rule (claims/en.rules#cue-said) or the start of one (claims/en.rules) that found the claim.")
    var rule: String?

    @Option(help: "fact, forecast or opinion.")
    var modality: String?

    @Option(help: "pending (the default), accepted, rejected or all.")
    var status: String?

    /// Whether any option that narrows the set of claims was given (`--status` alone does not
    /// narrow enough for a bulk decision: "every pending claim" is not a review).
    var narrows: Bool { company != nil || source != nil || document != nil || rule != nil || modality != nil }

    var given: Bool { narrows || status != nil }

    /// The filter, with `--status` and `--modality` checked (the store checks the rest).
    func filter(defaultStatus: ClaimFilter.Status = .pending) throws -> ClaimFilter {
        var parsed = defaultStatus
        if let status {
            guard let s = ClaimFilter.Status(rawValue: status) else {
                throw UsageError("--status \(status): unknown value; valid choices: \(ClaimFilter.Status.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            parsed = s
        }
        if let modality, !ClaimFilter.modalities.contains(modality) {
            throw UsageError("--modality \(modality): unknown value; valid choices: \(ClaimFilter.modalities.joined(separator: ", "))")
        }
        return ClaimFilter(company: company, source: source, document: document, rule: rule, modality: modality, status: parsed)
    }
}
