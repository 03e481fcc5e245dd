/// Gregorian calendar arithmetic for the `dates` actions: which days exist, how the note's own
/// date moves by years, quarters and months, and how a date is written at its precision. Kept
/// apart from the actions so that validity (2019-02-29, 4月31日, 13月) is decided in one place and
/// tested on its own; the patterns that find dates stay in the rule files.
public struct CalendarDate: Equatable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Years a written date may carry (1789-01-29 is a date; 789年 is out of scope). Rules that
    /// take a bare year from context ask for `modern` years instead.
    public static let years = 1000...2999
    /// Years a 4-digit number next to "in" or "by" is taken for.
    public static let modern = 1900...2099

    /// A date that exists in the Gregorian calendar, else nil.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.days(inMonth: month, of: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2025-06-30" (or a longer ISO date-time: the first ten characters are read), else nil.
    public init?(iso: String) {
        // The usual text, YYYY-MM-DD in ASCII (the note's date), read from its bytes. The tenth
        // character ends there: a digit then the end or another ASCII byte.
        let u = iso.utf8
        if u.count >= 10 {
            var y = 0, m = 0, d = 0, plain = true
            for (i, b) in u.prefix(11).enumerated() {
                switch i {
                case 4, 7: plain = plain && b == UInt8(ascii: "-")
                case 10: plain = plain && b < 0x80
                default:
                    let digit = Int(b &- 0x30)
                    if digit > 9 { plain = false } else if i < 4 { y = y * 10 + digit } else if i < 7 { m = m * 10 + digit } else { d = d * 10 + digit }
                }
            }
            if plain {
                self.init(year: y, month: m, day: d)
                return
            }
        }
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The quarter (1–4) and half (1–2) this date falls in.
    public var quarter: Int { (month - 1) / 3 + 1 }
    public var half: Int { month <= 6 ? 1 : 2 }

    /// Month arithmetic on (year, month), the day dropped: −1 from January is December before.
    public static func addMonths(_ n: Int, toYear year: Int, month: Int) -> (year: Int, month: Int) {
        let k = year * 12 + (month - 1) + n
        let y = k >= 0 ? k / 12 : (k - 11) / 12
        return (y, k - y * 12 + 1)
    }

    /// The date `n` days later (negative: earlier).
    public func adding(days n: Int) -> CalendarDate? {
        var y = year, m = month, d = day + n
        while d > Self.days(inMonth: m, of: y) { d -= Self.days(inMonth: m, of: y); (y, m) = Self.addMonths(1, toYear: y, month: m) }
        while d < 1 { (y, m) = Self.addMonths(-1, toYear: y, month: m); d += Self.days(inMonth: m, of: y) }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// Days since Monday (0 = Monday … 6 = Sunday), by Zeller's congruence.
    public var weekday: Int {
        var y = year, m = month
        if m < 3 { m += 12; y -= 1 }
        let h = (day + (13 * (m + 1)) / 5 + y % 100 + (y % 100) / 4 + (y / 100) / 4 + 5 * (y / 100)) % 7  // 0 = Saturday
        return (h + 5) % 7
    }

    /// The date `n` months later, its day kept where the month has it, else the month's last day.
    public func adding(months n: Int) -> CalendarDate? {
        let (y, m) = Self.addMonths(n, toYear: year, month: month)
        return CalendarDate(year: y, month: m, day: min(day, Self.days(inMonth: m, of: y)))
    }

    /// The period `n` steps after (negative: before) one written at its precision: 2018 → 2019,
    /// 2018-02 → 2018-03, 2025-Q4 → 2026-Q1, 2025-H1 → 2024-H2, 2015-01-01 → 2015-01-02. Nil for
    /// text that is not one period.
    public static func step(_ iso: String, by n: Int) -> String? {
        let p = iso.split(separator: "-").map(String.init)
        guard let y = p.first.flatMap({ Int($0) }), p[0].count == 4 else { return nil }
        switch p.count {
        case 1: return years.contains(y + n) ? Self.iso(year: y + n) : nil
        case 2:
            let s = p[1]
            if s.hasPrefix("Q"), let q = Int(s.dropFirst()) {
                let (y2, m2) = addMonths(3 * n, toYear: y, month: 3 * q - 2)
                return Self.iso(year: y2, quarter: (m2 - 1) / 3 + 1)
            }
            if s.hasPrefix("H"), let h = Int(s.dropFirst()) {
                let (y2, m2) = addMonths(6 * n, toYear: y, month: 6 * h - 5)
                return Self.iso(year: y2, half: (m2 - 1) / 6 + 1)
            }
            guard let m = Int(s) else { return nil }
            let (y2, m2) = addMonths(n, toYear: y, month: m)
            return Self.iso(year: y2, month: m2)
        default:
            return CalendarDate(iso: iso)?.adding(days: n)?.iso
        }
    }

    /// The first and last day of a period at its precision (2025, 2025-Q3, 2025-03, a day) or of
    /// a range `a/b` of those; nil for an open range or other text.
    public static func bounds(_ text: String) -> (first: CalendarDate, last: CalendarDate)? {
        let ends = text.split(separator: "/").map(String.init)
        guard (1...2).contains(ends.count), let a = ends.first, let b = ends.last, !hasDoubleDot(a), !hasDoubleDot(b),
              let first = start(of: a), let after = step(b, by: 1).flatMap(start(of:)), let last = after.adding(days: -1) else { return nil }
        return (first, last)
    }

    /// `contains("..")`, by byte for ASCII text (ISO dates are): Foundation's search, which
    /// other text still takes, cost more than the rest of the bounds.
    static func hasDoubleDot(_ s: String) -> Bool {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return s.contains("..") }
        var previous: UInt8 = 0
        for b in s.utf8 {
            if b == UInt8(ascii: "."), previous == b { return true }
            previous = b
        }
        return false
    }

    /// The first day of a period written at its precision.
    static func start(of iso: String) -> CalendarDate? {
        let p = iso.split(separator: "-").map(String.init)
        guard let y = p.first.flatMap({ Int($0) }) else { return nil }
        switch p.count {
        case 1: return CalendarDate(year: y, month: 1, day: 1)
        case 2:
            if p[1].hasPrefix("Q"), let q = Int(p[1].dropFirst()) { return CalendarDate(year: y, month: 3 * q - 2, day: 1) }
            if p[1].hasPrefix("H"), let h = Int(p[1].dropFirst()) { return CalendarDate(year: y, month: 6 * h - 5, day: 1) }
            return Int(p[1]).flatMap { CalendarDate(year: y, month: $0, day: 1) }
        default: return CalendarDate(iso: iso)
        }
    }

    /// Days from this date to `other` (negative when `other` is earlier).
    public func daysUntil(_ other: CalendarDate) -> Int { other.ordinal - ordinal }

    /// Days since 0000-03-01 (proleptic Gregorian), for differences.
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year, m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// A fiscal period (FY2026, its quarter 2026-Q1 or half 2026-H2) as calendar months, for a
    /// company whose fiscal year ends in `month` and is named by the calendar year it ends in
    /// (NVIDIA's FY2026 ends in January 2026: 2025-02/2026-01; its Q1 is 2025-02/2025-04). Nil for
    /// a December year end (fiscal is calendar) or text that is no fiscal period.
    public static func calendarPeriod(ofFiscal iso: String, yearEndingIn month: Int) -> String? {
        guard (1...11).contains(month) else { return nil }
        let p = iso.split(separator: "-").map(String.init)
        guard let y = p.first.flatMap({ Int($0) }), p[0].count == 4 else { return nil }
        // The fiscal year's first month: the one after `month` of the year before.
        let (y0, m0) = addMonths(1, toYear: y - 1, month: month)
        var (offset, length) = (0, 12)
        if p.count == 2, p[1].hasPrefix("Q"), let q = Int(p[1].dropFirst()), (1...4).contains(q) { (offset, length) = (3 * (q - 1), 3) }
        else if p.count == 2, p[1].hasPrefix("H"), let h = Int(p[1].dropFirst()), (1...2).contains(h) { (offset, length) = (6 * (h - 1), 6) }
        else if p.count != 1 { return nil }
        let a = addMonths(offset, toYear: y0, month: m0), b = addMonths(offset + length - 1, toYear: y0, month: m0)
        return Self.iso(year: a.year, month: a.month) + "/" + Self.iso(year: b.year, month: b.month)
    }

    // ISO text at each precision.
    public var iso: String { Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2) }
    public static func iso(year: Int, month: Int) -> String { pad(year, 4) + "-" + pad(month, 2) }
    public static func iso(year: Int, quarter: Int) -> String { pad(year, 4) + "-Q\(quarter)" }
    public static func iso(year: Int, half: Int) -> String { pad(year, 4) + "-H\(half)" }
    public static func iso(year: Int) -> String { pad(year, 4) }

    static func pad(_ n: Int, _ width: Int) -> String {
        // The usual case, 0 ≤ n < 10^width: the digits written straight into a small string.
        if width >= 1, width <= 4, n >= 0, n < (width == 4 ? 10000 : width == 3 ? 1000 : width == 2 ? 100 : 10) {
            return String(unsafeUninitializedCapacity: width) { bytes in
                var k = n
                for i in stride(from: width - 1, through: 0, by: -1) { bytes[i] = UInt8(0x30 + k % 10); k /= 10 }
                return width
            }
        }
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
