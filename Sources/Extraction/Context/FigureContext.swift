import NoteGraphCore

/// Decides, for each figure item, the period, metric and subject that govern it. Notes state
/// these in the same sentence, usually in the same clause ("2025年 … 资本开支将达4310亿美元",
/// "$700B hyperscaler capex"), so the search stays inside the sentence:
///
/// - metric: the nearest metric in the figure's clause, before or after it (ties go to the one
///   before); else the metric of the sentence's previous figure of the same unit ("…达4310亿美元，
///   2026年有望增至6020亿美元"); a change in % with no metric of its own is the growth of the
///   previous figure's metric ("capex growth").
/// - period: the nearest date in the clause; else the nearest date before it in the sentence.
///   Datelines date an article, not a figure, and are not periods. A fiscal period of a subject
///   whose fiscal year does not end in December is written as its calendar months.
/// - subject: the nearest company before the figure in its clause; else before it in the
///   sentence; else after it in the clause.
///
/// Clauses end at , ， ; ； 。 ! ? (not at colons: "Revenue: $5B" keeps its metric).
///
/// A figure in a table cell (`TableGrid`) looks in its own cell first, then in its column's
/// header, then in its row's first cell (for the subject: row first, then column), and never in
/// the other cells of its row.
struct FigureContext {
    let items: [Item]
    let segments: SegmentedText
    let text: DocumentText
    /// The month each company's fiscal year ends in, by company id, where the lexicon knows it
    /// (`fy_end`): a fiscal period (FY2026, Q1 FY26) of that subject becomes calendar months.
    var fiscalYearEnd: [String: Int] = [:]
    /// Company ids the lexicon places in Japan (region JP): an amount after ¥ whose subject is
    /// one of them is in yen.
    var japanese: Set<String> = []

    /// A figure with its context, ready for records.
    struct Figure {
        var item: Item
        var start: Int32
        var end: Int32
        var period: String?
        var metric: String?
        var subject: String?
        /// Set by `BilingualMerge` on the Chinese side of an aligned pair: the English figure's span.
        var translationOf: Range<Int32>? = nil
    }

    func figures() -> [Figure] {
        var out: [Figure] = []
        let grid = TableGrid(text.utf16)
        // The items a table cell can take its context from, by dimension and start.
        var inTables: [String: [Item]] = [:]
        if !grid.tables.isEmpty {
            for item in items where ["date", "metric", "company"].contains(item.dimension) { inTables[item.dimension, default: []].append(item) }
            for k in inTables.keys { inTables[k]!.sort { $0.start < $1.start } }
        }
        // Closures below capture these, not `self` (a copy of the whole context each).
        let items = self.items, segments = self.segments
        for group in SentenceItems(items).groups where !group.figures.isEmpty {
            let figures = group.figures.sorted { items[$0].firstToken < items[$1].firstToken }
            let clause = clauses(segments.sentences[Int(group.sentence)])
            // The figures of the sentence so far: what a later one without a metric takes from.
            var previous: [(firstToken: Int32, unit: String?, metric: String?)] = []
            for index in figures {
                let item = items[index]
                let core = item.core
                var f = Figure(item: item, start: core.start, end: core.end)
                let unit = item.value["unit"]?.stringValue
                let here = clause(item.firstToken)
                let inClause = { (other: Int) in clause(items[other].firstToken) == here }
                f.metric = nearest(group.metrics, to: item, where: inClause).flatMap { items[$0].value["metric"]?.stringValue }
                let isChange = unit == "%" && item.value["change"]?.stringValue != nil
                let percentElsewhere = unit == "%" && here != clause(previous.last?.firstToken ?? -1)
                if f.metric == nil, isChange {
                    f.metric = previous.last?.metric.map { $0.hasSuffix("growth") ? $0 : $0 + " growth" } ?? "growth"
                } else if f.metric == nil, !percentElsewhere {
                    f.metric = previous.last { $0.unit == unit }?.metric
                }
                let period = nearest(group.dates, to: item, where: inClause) ?? group.dates.last { items[$0].endToken <= item.firstToken }
                f.period = period.flatMap { items[$0].value["date"]?.stringValue }
                let before = { (c: Int) in items[c].end <= core.start }   // "Intel 18A": the company before the core
                let subject = group.companies.last { before($0) && inClause($0) } ?? group.companies.last(where: before)
                    ?? group.companies.first { inClause($0) && items[$0].firstToken >= item.endToken }
                f.subject = subject.flatMap { Self.companyID(items[$0]) }
                if let period, items[period].value["fiscal"] == .bool(true), let id = f.subject, let month = fiscalYearEnd[id], let p = f.period,
                   let months = CalendarDate.calendarPeriod(ofFiscal: p, yearEndingIn: month) {
                    f.period = months
                }
                if let place = grid.place(of: item.start) { fromTable(&f, place, inTables) }
                if item.value["yen"] == .bool(true) { f.item.value = Self.yen(item.value, jpy: group.jpy || f.subject.map(japanese.contains) == true) }
                previous.append((item.firstToken, f.item.value["unit"]?.stringValue, f.metric))
                out.append(f)
            }
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Of the items at `candidates` that pass `keep`, the one closest to `item` in tokens; on
    /// a tie, the first (the one before it).
    func nearest(_ candidates: [Int], to item: Item, where keep: (Int) -> Bool) -> Int? {
        var best: (index: Int, distance: Int32)?
        for c in candidates where keep(c) {
            let d = distance(items[c], to: item)
            if best == nil || d < best!.distance { best = (c, d) }
        }
        return best?.index
    }

    /// Period, metric and subject of a figure in a table cell, from the cell, then its headers.
    /// `candidates`: date, metric and company items by dimension, sorted by start.
    func fromTable(_ f: inout Figure, _ place: TableGrid.Place, _ candidates: [String: [Item]]) {
        let item = f.item
        func inside(_ range: Range<Int32>?, _ dimension: String, where keep: (Item) -> Bool = { _ in true }) -> Item? {
            guard let range, let list = candidates[dimension] else { return nil }
            // Overlap, not containment: a year cell's date item spans its pipe ("| 2025 |"), so
            // items starting a few units before the cell count.
            var lo = 0, hi = list.count
            while lo < hi { let mid = (lo + hi) / 2; if list[mid].start < range.lowerBound - 4 { lo = mid + 1 } else { hi = mid } }
            var found: [Item] = []
            while lo < list.count, list[lo].start < range.upperBound {
                if list[lo].end > range.lowerBound, keep(list[lo]) { found.append(list[lo]) }
                lo += 1
            }
            return nearest(found, to: item)
        }
        let isPeriod = { (d: Item) in d.value["dateline"] != .bool(true) && d.value["date"]?.stringValue != nil }
        let period = inside(place.cell, "date", where: isPeriod) ?? inside(place.columnHeader, "date", where: isPeriod)
            ?? inside(place.rowHeader, "date", where: isPeriod)
        f.period = period?.value["date"]?.stringValue
        let metric = inside(place.cell, "metric") ?? inside(place.columnHeader, "metric") ?? inside(place.rowHeader, "metric")
        f.metric = metric?.value["metric"]?.stringValue
        let subject = inside(place.cell, "company") ?? inside(place.rowHeader, "company") ?? inside(place.columnHeader, "company")
        f.subject = subject.flatMap(Self.companyID)
    }

    /// The node id a company item stands for.
    /// An amount after ¥: JPY when its sentence or subject says Japan, else CNY; the mark goes.
    static func yen(_ value: JSONValue, jpy: Bool) -> JSONValue {
        guard case let .object(fields) = value else { return value }
        return .object(fields.compactMap { key, v in
            key == "yen" ? nil : (key, key == "unit" && jpy ? .string(v.stringValue?.replacingOccurrences(of: "CNY", with: "JPY") ?? "JPY") : v)
        })
    }

    static func companyID(_ item: Item) -> String? { CompanyEmitter.nodeID(ofValue: item.value) }

    /// The candidate closest to `item` in tokens; on a tie, the one before it.
    func nearest(_ candidates: [Item], to item: Item) -> Item? {
        candidates.min { distance($0, to: item) < distance($1, to: item) }
    }

    /// Tokens between `c` and `item`, a candidate after the item one further (ties go to the
    /// one before).
    func distance(_ c: Item, to item: Item) -> Int32 {
        c.endToken <= item.firstToken ? item.firstToken - c.endToken : c.firstToken >= item.endToken ? c.firstToken - item.endToken + 1 : 0
    }

    /// The clause number of each token of `sentence`, as a lookup by token index.
    func clauses(_ sentence: Sentence) -> (Int32) -> Int {
        var numbers: [Int] = []
        numbers.reserveCapacity(sentence.tokens.count)
        var n = 0
        for i in sentence.tokens {
            numbers.append(n)
            let t = segments.tokens[i]
            if t.kind == .punctuation, t.end - t.start == 1, Self.isBreak(text.utf16[Int(t.start)]) { n += 1 }
        }
        let first = sentence.tokens.lowerBound
        return { i in
            let k = Int(i) - first
            return k >= 0 && k < numbers.count ? numbers[k] : -1
        }
    }

    /// , ， ; ； 。 ! ? ！ ？ (a switch: a set hashed every punctuation token of a sentence).
    static func isBreak(_ u: UInt16) -> Bool {
        switch u {
        case 0x2C, 0xFF0C, 0x3B, 0xFF1B, 0x3002, 0x21, 0x3F, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }
}
