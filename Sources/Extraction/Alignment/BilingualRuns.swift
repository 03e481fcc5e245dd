import NoteGraphCore

/// The translated blocks of a bilingual note: an English run of paragraphs followed by a Chinese
/// run (or the other way round) that says the same thing — 001's Q&A gives each question and each
/// answer in English, then in Chinese. Paragraphs without letters ("▾", a row of numbers) neither
/// join nor break a run; a mixed paragraph breaks it. Facts are only merged inside a pair, so
/// two figures that merely share a value in distant parts of a note stay apart.
struct BilingualRuns {
    struct Pair {
        var first: Range<Int32>
        var second: Range<Int32>
        var firstIsEnglish: Bool
    }

    let pairs: [Pair]

    init(_ paragraphs: [Paragraph]) {
        var runs: [(language: Language, range: Range<Int32>)] = []
        for p in paragraphs where p.language != .none {
            if let last = runs.last, last.language == p.language, p.language != .mixed {
                runs[runs.count - 1].range = last.range.lowerBound..<p.end
            } else {
                runs.append((p.language, p.start..<p.end))
            }
        }
        var pairs: [Pair] = []
        var i = 0
        while i + 1 < runs.count {
            let a = runs[i], b = runs[i + 1]
            if Set([a.language, b.language]) == [.en, .zh] {
                pairs.append(Pair(first: a.range, second: b.range, firstIsEnglish: a.language == .en))
                i += 2
            } else {
                i += 1
            }
        }
        self.pairs = pairs
    }

    /// The pair and side (0 first, 1 second) holding a UTF-16 offset.
    func place(of offset: Int32) -> (pair: Int, side: Int)? {
        var lo = 0, hi = pairs.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pairs[mid].second.upperBound <= offset { lo = mid + 1 } else { hi = mid }
        }
        guard lo < pairs.count else { return nil }
        if pairs[lo].first.contains(offset) { return (lo, 0) }
        if pairs[lo].second.contains(offset) { return (lo, 1) }
        return nil
    }
}
