import NoteGraphCore

/// The figure mentions of a document sorted by start, to find the figures stated inside an
/// event's block or a claim's clause in O(log n + k): a pass over every mention per event or
/// claim made the claims stage the dearest Swift stage (a note with thousands of them cannot
/// afford it).
struct FigureMentions {
    /// Only what a lookup reads, not whole mentions (six strings each to copy and release).
    private struct Span {
        var start: Int
        var end: Int
        var nodeID: String
    }

    private let mentions: [Span]

    init(_ extraction: Extraction) {
        var figures = Set<String>(minimumCapacity: extraction.nodes.count)
        // Figure ids start with `figure:` (FigureEmitter); while all do, a mention without the
        // prefix (most are companies') is passed over without hashing its id.
        var allPrefixed = true
        for node in extraction.nodes where node.kind == .figure {
            figures.insert(node.id)
            if !Self.isPrefixed(node.id) { allPrefixed = false }
        }
        var spans: [Span] = []
        for m in extraction.mentions where (!allPrefixed || Self.isPrefixed(m.nodeID)) && figures.contains(m.nodeID) {
            spans.append(Span(start: m.start, end: m.end, nodeID: m.nodeID))
        }
        mentions = spans.sorted { $0.start < $1.start }
    }

    private static let prefix = Array("figure:".utf8)
    private static func isPrefixed(_ id: String) -> Bool { id.utf8.starts(with: prefix) }

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
