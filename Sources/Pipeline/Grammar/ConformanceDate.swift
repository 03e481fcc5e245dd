import Extraction

/// A date as a stretch of days, so that the conformance runner compares dates by meaning
/// rather than by spelling. NoteGraph writes a period at its precision (2025-Q3) and a range
/// with both ends included at their own precision (2014/2018, a week as Monday/Sunday);
/// Recognizers-Text writes intervals of days whose end is sometimes the day after the period
/// (a week ends on the next Monday, "this decade" on 2020-01-01) and sometimes the first day of
/// the last period the text names ("from 2014 to 2018" ends on 2018-01-01, "from the 10th to
/// the 12th" on the 12th). Both readings of an end are accepted; the start must be the same.
/// An open end is `..` in both ("2019/.." since 2019, "../2017" before 2018).
struct ConformanceDate: Equatable {
    /// The first day (nil: open start).
    var start: CalendarDate?
    /// The first day of the last period named (a range's second end; the period's own start otherwise).
    var lastStart: CalendarDate?
    /// The day after the last day (nil: open end).
    var end: CalendarDate?
    /// Whether the text was a range `a/b` (its end may be read either way).
    var isRange: Bool

    /// Reads `2017-05-10`, `2024-04`, `2025-Q3`, `2025-H2`, `2026`, and `a/b` of those with `..`
    /// for an open end; nil for anything else (a season, a week number).
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard let (a, b) = Self.period(parts[0]) else { return nil }
            (start, lastStart, end, isRange) = (a, a, b, false)
        case 2:
            isRange = true
            if parts[0] == ".." { start = nil } else {
                guard let (a, _) = Self.period(parts[0]) else { return nil }
                start = a
            }
            if parts[1] == ".." { (lastStart, end) = (nil, nil) } else {
                guard let (a, b) = Self.period(parts[1]) else { return nil }
                (lastStart, end) = (a, b)
            }
            if start == nil && end == nil { return nil }
        default:
            return nil
        }
    }

    /// Reads a date as the suite writes it: a period as above, or `a/b` whose `b` is a day that
    /// is the range's end itself (not a period whose day after would be).
    static func suite(_ text: String) -> ConformanceDate? {
        guard var d = ConformanceDate(text) else { return nil }
        if d.isRange, let last = d.lastStart { (d.end, d.lastStart) = (last, nil) }
        return d
    }

    /// Whether a date NoteGraph found (`self`) means what the suite expects.
    func meets(_ expected: ConformanceDate) -> Bool {
        guard start == expected.start else { return false }
        if expected.end == end { return true }
        // The suite's end as the first day of the last period named: only where NoteGraph
        // wrote a range (a single period's end is its day after, nothing else).
        return isRange && expected.end != nil && expected.end == lastStart
    }

    /// The first day of a period written at its precision and the day after its last day.
    static func period(_ text: String) -> (CalendarDate, CalendarDate)? {
        let p = text.split(separator: "-").map(String.init)
        guard let first = p.first, first.count == 4, let y = Int(first) else { return nil }
        func months(_ m: Int, _ n: Int) -> (CalendarDate, CalendarDate)? {
            let (y2, m2) = CalendarDate.addMonths(n, toYear: y, month: m)
            guard let a = CalendarDate(year: y, month: m, day: 1), let b = CalendarDate(year: y2, month: m2, day: 1) else { return nil }
            return (a, b)
        }
        switch p.count {
        case 1: return months(1, 12)
        case 2:
            let s = p[1]
            if s.hasPrefix("Q"), let q = Int(s.dropFirst()), (1...4).contains(q) { return months(3 * q - 2, 3) }
            if s.hasPrefix("H"), let h = Int(s.dropFirst()), (1...2).contains(h) { return months(6 * h - 5, 6) }
            guard let m = Int(s), (1...12).contains(m) else { return nil }
            return months(m, 1)
        case 3:
            guard let m = Int(p[1]), let d = Int(p[2]), let a = CalendarDate(year: y, month: m, day: d), let b = a.adding(days: 1) else { return nil }
            return (a, b)
        default:
            return nil
        }
    }

    /// Whether a Recognizers-Text timex names a day that does not exist (XXXX-02-30,
    /// 2019-02-29, a range starting on one): NoteGraph gives no item for those, by design.
    static func namesImpossibleDay(_ timex: String) -> Bool {
        let body = timex.hasPrefix("(") ? String(timex.dropFirst().prefix { $0 != "," }) : timex
        let p = body.split(separator: "-").map(String.init)
        guard p.count == 3, p[2].count == 2, let m = Int(p[1]), let d = Int(p[2]) else { return false }
        // An unknown year is checked against a leap year: only days no year has are impossible.
        let y = Int(p[0]) ?? 2016
        return CalendarDate(year: y, month: m, day: d) == nil
    }
}
