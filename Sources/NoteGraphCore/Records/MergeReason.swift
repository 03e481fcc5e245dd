/// Why a mention belongs to a record whose own key it does not carry. A mention without one is
/// the record's by its normalised key (the id is made from it); these are the other ways two
/// mentions become one record, kept with the mention so `notegraph show` can say why and
/// `notegraph stats --dedup` can count merges by cause.
public struct MergeReason: Sendable, Equatable {
    public enum Cause: String, Sendable, CaseIterable {
        /// The same fact in an English paragraph and its Chinese translation.
        case aligned
        /// Reworded text whose SimHash is within the configured distance (same source, modality, figures).
        case nearDuplicate = "near-duplicate"
        /// `notegraph merge`.
        case user
    }

    public var cause: Cause
    /// For people: which record it joined and how near it was ("distance 2 from claim:…").
    public var detail: String

    public init(_ cause: Cause, _ detail: String) {
        self.cause = cause
        self.detail = detail
    }
}
