import NoteGraphCore

/// The figure mentions of a document sorted by start, to find the figures stated inside an
/// event's block or a claim's clause in O(log n + k): a pass over every mention per event or
/// claim made the claims stage the dearest Swift stage (a note with thousands of them cannot
/// afford it).
struct FigureMentions {
    private let mentions: [Mention]

    init(_ extraction: Extraction) {
        let figures = Set(extraction.nodes.lazy.filter { $0.kind == .figure }.map(\.id))
        mentions = extraction.mentions.filter { figures.contains($0.nodeID) }.sorted { $0.start < $1.start }
    }

    /// Ids of the figures with a mention inside `range` (scalar offsets), in order, each once.
    func ids(within range: Range<Int>) -> [String] {
        var lo = 0, hi = mentions.count
        while lo < hi { let mid = (lo + hi) / 2; if mentions[mid].start < range.lowerBound { lo = mid + 1 } else { hi = mid } }
        var out: [String] = []
        while lo < mentions.count, mentions[lo].start < range.upperBound {
            if mentions[lo].end <= range.upperBound, !out.contains(mentions[lo].nodeID) { out.append(mentions[lo].nodeID) }
            lo += 1
        }
        return out
    }
}
