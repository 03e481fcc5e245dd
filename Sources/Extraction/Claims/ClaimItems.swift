import NoteGraphCore

/// The items `ClaimFinder` reads (cues, modals, companies, dates, figures), as indices into
/// the document's items grouped by sentence in their own order: a dictionary of arrays of
/// copied items, its keys and dimension names hashed for every item, cost more than finding
/// the claims.
struct ClaimItems {
    /// `indices[offsets[s]..<offsets[s + 1]]`: the items of sentence `s`.
    private var offsets: [Int]
    private var indices: [Int]
    /// Sentences with a cue or a modal: the only ones that can state a claim.
    private var speaking: [Bool]

    init(_ items: [Item], sentences: Int) {
        var counts = [Int](repeating: 0, count: sentences + 1)
        speaking = [Bool](repeating: false, count: sentences)
        var kept: [(sentence: Int, index: Int)] = []
        for i in items.indices {
            let s = Int(items[i].sentence)
            guard s >= 0, s < sentences else { continue }
            switch items[i].dimension {
            case "cue", "modal": speaking[s] = true
            case "company", "date", "figure": break
            default: continue
            }
            kept.append((s, i))
            counts[s + 1] += 1
        }
        for s in 0..<sentences { counts[s + 1] += counts[s] }
        offsets = counts
        var next = counts
        indices = [Int](repeating: 0, count: kept.count)
        for (s, i) in kept {
            indices[next[s]] = i
            next[s] += 1
        }
    }

    /// The items of sentence `s`, in the document's order.
    func of(_ s: Int) -> ArraySlice<Int> { indices[offsets[s]..<offsets[s + 1]] }

    /// Whether sentence `s` has a cue or a modal.
    func speaks(_ s: Int) -> Bool { speaking[s] }
}
