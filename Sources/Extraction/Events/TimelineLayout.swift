import NoteGraphCore

/// The timeline lists of a document: runs of blocks, each a title, a day-precision date and a
/// description. This is layout, like `TableGrid`, not grammar: what makes a block is where the
/// date sits among lines and repeated text, which a token pattern cannot see. Two forms:
///
/// - one block per three lines (the HTML reader writes a `<li>`'s heading, `<time>` and
///   paragraph each on a line of its own): a date alone on its line, a title line before it and
///   a description line after it, repeated with dates three lines apart;
/// - a page flattened to one line, where the blocks run together and each title is announced by
///   a teaser: the title cut short and an ellipsis (`Google TPU v4 pod ...Google TPU v4 pod
///   scale May 18, 2021 …`), or, for a short title, the title written twice (`CHIPS Act
///   signedCHIPS Act signed Aug 9, 2022`). The teaser is what tells where the previous
///   description ends and the title starts. A line holds a timeline when two or more of its
///   dates have one.
///
/// A single date with a line before and after ("As of / Apr 27, 2026 / …") is not a timeline.
struct TimelineLayout {
    struct Block {
        var title: Range<Int32>
        /// The teaser before the title in the flattened form (a second mention of the event).
        var teaser: Range<Int32>?
        var date: Item
        var description: Range<Int32>
        /// From the teaser (or title) to the end of the description.
        var whole: Range<Int32> { (teaser?.lowerBound ?? title.lowerBound)..<max(description.upperBound, date.end) }
    }

    /// Titles longer than this (UTF-16 units) are not titles: it also bounds the search for a
    /// teaser, so a long line costs linear time.
    static let maxTitle = 160

    private(set) var blocks: [Block] = []
    let text: [UInt16]

    /// `dates`: day-precision date items (not datelines), in any order.
    init(text: [UInt16], dates: [Item]) {
        self.text = text
        let sorted = dates.sorted { $0.start < $1.start }
        guard sorted.count >= 2 else { return }
        let lines = LineIndex(text)
        blocks = threeLineBlocks(sorted, lines) + flattenedBlocks(sorted, lines)
        blocks.sort { $0.title.lowerBound < $1.title.lowerBound }
    }

    /// Titles repeated away from their blocks: whole (a chart's labels) or as a teaser (a
    /// highlights strip: `NVIDIA lifts data-ce...`, at least `minTeaser` units of the title then
    /// an ellipsis). Returns the block's index, the span (ellipsis included) and whether it is a
    /// teaser; at each place the longest reading wins. Linear in the text: each position is
    /// looked up by its first `minTeaser` units.
    func repeats() -> [(block: Int, range: Range<Int32>, teaser: Bool)] {
        guard !blocks.isEmpty else { return [] }
        var byStart: [ArraySlice<UInt16>: [Int]] = [:]
        for (k, b) in blocks.enumerated() where b.title.count >= Self.minTeaser {
            byStart[text[Int(b.title.lowerBound)..<(Int(b.title.lowerBound) + Self.minTeaser)], default: []].append(k)
        }
        let taken = blocks.map(\.whole).sorted { $0.lowerBound < $1.lowerBound }
        var out: [(block: Int, range: Range<Int32>, teaser: Bool)] = []
        var p = 0, t = 0
        while p + Self.minTeaser <= text.count {
            while t < taken.count, Int(taken[t].upperBound) <= p { t += 1 }
            if t < taken.count, Int(taken[t].lowerBound) <= p { p = Int(taken[t].upperBound); continue }
            var best: (block: Int, end: Int, teaser: Bool)?
            for k in byStart[text[p..<(p + Self.minTeaser)]] ?? [] {
                let title = blocks[k].title
                var n = Self.minTeaser
                while n < title.count, p + n < text.count, text[p + n] == text[Int(title.lowerBound) + n] { n += 1 }
                let reading: (Int, Int, Bool)? = n == title.count ? (k, p + n, false)
                    : p + n + 3 <= text.count && text[(p + n)..<(p + n + 3)].elementsEqual([0x2E, 0x2E, 0x2E]) ? (k, p + n + 3, true) : nil
                if let reading, reading.1 > (best?.end ?? 0) { best = reading }
            }
            if let best {
                out.append((best.block, Int32(p)..<Int32(best.end), best.teaser))
                p = best.end
            } else {
                p += 1
            }
        }
        return out
    }

    /// A title repeated elsewhere on the page must repeat at least this much of it.
    static let minTeaser = 8

    // MARK: one block per three lines

    func threeLineBlocks(_ dates: [Item], _ lines: LineIndex) -> [Block] {
        var candidates: [(line: Int, block: Block)] = []
        for d in dates {
            let n = lines.line(of: Int(d.start))
            guard n > 0, n + 1 < lines.count, trimmed(lines.range(n)) == Int32(d.start)..<Int32(d.end) else { continue }
            let title = heading(trimmed(lines.range(n - 1))), description = trimmed(lines.range(n + 1))
            guard !title.isEmpty, title.count <= Self.maxTitle, hasLetter(title), !description.isEmpty else { continue }
            candidates.append((n, Block(title: title, teaser: nil, date: d, description: description)))
        }
        // Runs of candidates three lines apart; a run of one is not a timeline.
        var out: [Block] = []
        var run: [Block] = []
        var last = -10
        for c in candidates {
            if c.line != last + 3, run.count >= 2 { out += run }
            if c.line != last + 3 { run = [] }
            run.append(c.block)
            last = c.line
        }
        if run.count >= 2 { out += run }
        return out
    }

    /// A title line without Markdown heading or list marks.
    func heading(_ r: Range<Int32>) -> Range<Int32> {
        var a = r.lowerBound
        while a < r.upperBound, [0x23, 0x2D, 0x2A, 0x20].contains(text[Int(a)]) { a += 1 }
        return a..<r.upperBound
    }

    // MARK: the flattened form

    func flattenedBlocks(_ dates: [Item], _ lines: LineIndex) -> [Block] {
        var out: [Block] = []
        var i = 0
        while i < dates.count {
            let n = lines.line(of: Int(dates[i].start))
            var j = i
            while j < dates.count, lines.line(of: Int(dates[j].start)) == n { j += 1 }
            if j - i >= 2 { out += flattenedLine(dates[i..<j], lineEnd: Int32(lines.range(n).upperBound), lineStart: Int32(lines.range(n).lowerBound)) }
            i = j
        }
        return out
    }

    /// The blocks of one line holding two or more dates.
    func flattenedLine(_ dates: ArraySlice<Item>, lineEnd: Int32, lineStart: Int32) -> [Block] {
        var found: [(date: Item, title: Range<Int32>, teaser: Range<Int32>)] = []
        var previousEnd = lineStart
        for d in dates {
            if let (teaser, title) = titleBefore(previousEnd..<d.start) { found.append((d, title, teaser)) }
            previousEnd = d.end
        }
        guard found.count >= 2 else { return [] }
        return found.indices.map { k in
            let end = k + 1 < found.count ? found[k + 1].teaser.lowerBound : lineEnd
            return Block(title: found[k].title, teaser: found[k].teaser, date: found[k].date, description: trimmed(found[k].date.end..<max(end, found[k].date.end)))
        }
    }

    /// The teaser and title that end `span` (the text between the previous date and this one):
    /// `…previous description.Title pre...Title prefix and rest ` or `…description.TitleTitle `.
    func titleBefore(_ span: Range<Int32>) -> (teaser: Range<Int32>, title: Range<Int32>)? {
        let end = Int(trimmed(span).upperBound)
        let floor = max(Int(span.lowerBound), end - 2 * Self.maxTitle - 3)
        guard end - floor >= 6 else { return nil }
        // An ellipsis, the title after it, and before it a prefix of the title.
        var e = end - 3
        while e >= floor, !(text[e] == 0x2E && text[e + 1] == 0x2E && text[e + 2] == 0x2E) { e -= 1 }
        if e >= floor {
            var a = e + 3
            while a < end, text[a] == 0x20 { a += 1 }
            let title = a..<end
            if isTitle(title), let m = longestPrefix(of: title, endingAt: e, floor: floor), m >= 3 {
                return (Int32(e - m)..<Int32(e + 3), Int32(a)..<Int32(end))
            }
        }
        // The title written twice.
        var length = min(Self.maxTitle, (end - floor) / 2)
        while length >= 3 {
            let first = end - 2 * length, second = end - length
            if isTitle(second..<end), text[first..<second] == text[second..<end] {
                return (Int32(first)..<Int32(second), Int32(second)..<Int32(end))
            }
            length -= 1
        }
        return nil
    }

    /// The largest m such that the m units before `end` equal the title's first m units.
    func longestPrefix(of title: Range<Int>, endingAt end: Int, floor: Int) -> Int? {
        var m = min(title.count, end - floor)
        while m >= 1 {
            if text[(end - m)..<end] == text[title.lowerBound..<(title.lowerBound + m)] { return m }
            m -= 1
        }
        return nil
    }

    /// Starts with a letter or digit, has a letter, no ellipsis, at most `maxTitle` units.
    func isTitle(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= Self.maxTitle, let first = Unicode.Scalar(text[r.lowerBound]),
              first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        return hasLetter(Int32(r.lowerBound)..<Int32(r.upperBound)) && !text[r].indices.contains { i in
            i + 2 < r.upperBound && text[i] == 0x2E && text[i + 1] == 0x2E && text[i + 2] == 0x2E
        }
    }

    func hasLetter(_ r: Range<Int32>) -> Bool {
        text[Int(r.lowerBound)..<Int(r.upperBound)].contains { u in Unicode.Scalar(u).map { $0.properties.isAlphabetic } ?? true }
    }

    /// `r` without blanks at either end.
    func trimmed(_ r: Range<Int32>) -> Range<Int32> {
        var a = r.lowerBound, b = r.upperBound
        while a < b, TableGrid.isBlank(text[Int(a)]) { a += 1 }
        while b > a, TableGrid.isBlank(text[Int(b) - 1]) { b -= 1 }
        return a..<b
    }

    func trimmed(_ r: Range<Int>) -> Range<Int32> { trimmed(Int32(r.lowerBound)..<Int32(r.upperBound)) }
}
