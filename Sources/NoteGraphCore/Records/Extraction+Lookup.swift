/// Lookups the event and claim stages need over what earlier stages emitted: which records of a
/// kind are mentioned inside a span (an event's description, a claim's clause).
extension Extraction {
    /// Ids of the nodes of `kind` with a mention inside `range` (Unicode scalar offsets, as in
    /// mentions), in the order of their first mention there, each once.
    public func nodeIDs(_ kind: RecordKind, mentionedWithin range: Range<Int>) -> [String] {
        let ofKind = Set(nodes.lazy.filter { $0.kind == kind }.map(\.id))
        var seen = Set<String>()
        return mentions
            .filter { ofKind.contains($0.nodeID) && $0.start >= range.lowerBound && $0.end <= range.upperBound }
            .sorted { $0.start < $1.start }
            .compactMap { seen.insert($0.nodeID).inserted ? $0.nodeID : nil }
    }
}
