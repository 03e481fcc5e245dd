import NoteGraphCore

/// Actions of the `date` dimension. Values: `{"date": ISO at its precision, "precision": day |
/// month | quarter | half | year | range}`, plus `estimate` (2026E), `fiscal` (FY26), `relative`
/// (what a date resolved against the note's date was: next-year, this-year-h2…) and `dateline`
/// (a news dateline, the date later sentences of that article are dated by). A date that does
/// not exist (2019-02-29, 4月31日, 13月) or a relative one without a reference date gives nil:
/// no item rather than a guess.
enum DateActions {
    static let all: [GrammarAction] = [
        GrammarAction("date.absolute", dimension: "date",
                      summary: "captures y, m, d, q or h (year, month, day, quarter, half) at the precision given; without y the year is the reference date's; a capture `end` means December; flags: estimate fiscal dateline modern (a year 1900–2099 only) either-order (m and d swap when only that makes a date: 21/04/2016) first (q or m count the year's first quarters or months: 前三季度)",
                      checkArguments: checkFlags) { input in
            absolute(input)
        },
        GrammarAction("date.packed", dimension: "date",
                      summary: "one token packing a period: 3Q25, 25Q3, 2025Q3, 2H25, 1H26, FY26, FY2026, 1QFY26, CY25, 2026E") { input in
            packed(input.text("t") ?? input.text)
        },
        GrammarAction("date.relative", dimension: "date",
                      summary: "a period counted from the reference date: argument this-year | next-year | last-year | year-before-last | year-after-next | this-quarter | next-quarter | last-quarter | this-month | next-month | last-month | this-week | next-week | last-week | week-after-next | week-before-last | this-weekend | next-weekend | last-weekend | weekend-after-next | weekend-before-last, optional `end`; capture d with a month kind: that day of the month; captures m, q or h narrow a year",
                      checkArguments: { args in
                          guard let kind = args.first, offsets[kind] != nil else { return "takes a kind such as next-year (see `notegraph grammar actions`)" }
                          return args.dropFirst().allSatisfy { $0 == "end" } && args.count <= 2 ? nil : "takes only `end` after the kind"
                      }) { input in
            relative(input)
        },
        GrammarAction("date.token", dimension: "date",
                      summary: "one token (capture t) holding a whole day: 2010.01.29, 13.5.2015 (day first when the first part cannot be a month), 20161016 (a 1900–2099 year); a month of a year 2015.3; and, in the reference year, a month and day 4.22 or a month name glued to its day (april22, 22april, Oct2; in year y when a capture y follows)") { input in
            let t = input.text("t") ?? input.text
            // A year written after a glued month and day (january12, 2016) replaces the note's.
            if let yt = input.text("y") {
                guard let y = DateText.year(yt) else { return input.refuse(yearProblem(yt)) }
                guard let glued = monthGluedToDay(t) else { return input.refuse("\"\(t)\" is no month name glued to a day") }
                guard let day = CalendarDate(year: y, month: glued.month, day: glued.day) else { return input.refuse(missing(y, glued.month, glued.day)) }
                return .object(fields(day.iso, "day"))
            }
            guard case .object(var fields)? = token(t, reference: input.referenceDate.flatMap(CalendarDate.init(iso:))) else {
                return input.refuse("\"\(t)\" is no day that exists (a month 1–12, a day the month has\(input.referenceDate == nil ? "; a yearless one needs the note's date, and there is none" : ""))")
            }
            addCore(input, to: &fields)
            return .object(fields)
        },
        GrammarAction("date.range", dimension: "date",
                      summary: "an explicit range (argument this-month, next-month or last-month: captures d1 and d2 are days of that month): captures y1 m1 d1 and y2 m2 d2 (missing parts of one end come from the other, then from the reference date; the ends may differ in precision: 2015/2018-02), or n1 / n2 for an end written now, today, tomorrow or yesterday, or w1 / w2 (with k1 / k2: this, next, last) for a weekday → \"a/b\", both ends included",
                      checkArguments: { args in
                          args.isEmpty || args.count == 1 && ["this-month", "next-month", "last-month"].contains(args[0]) ? nil : "takes nothing, this-month, next-month or last-month"
                      }) { input in
            range(input)
        },
    ]

    // MARK: absolute dates

    @Sendable static func checkFlags(_ args: [String]) -> String? {
        for a in args where !["estimate", "fiscal", "dateline", "modern", "either-order", "first"].contains(a) {
            return "takes only the flags estimate, fiscal, dateline, modern, either-order and first (found \"\(a)\")"
        }
        return nil
    }

    static func absolute(_ input: ActionInput) -> JSONValue? {
        let year: Int
        var relative: String? = nil
        if let t = input.text("y") {
            guard let y = DateText.year(t) else { return input.refuse(yearProblem(t)) }
            guard !input.arguments.contains("modern") || CalendarDate.modern.contains(y) else {
                return input.refuse("\(y) is outside the years a bare 4-digit number is read as (1900–2099)")
            }
            year = y
        } else {
            // No year written: the note's own year, or nothing without a note date.
            guard let ref = input.referenceDate.flatMap(CalendarDate.init(iso:)) else { return input.refuse(noReference) }
            year = leapYear(for: ref.year, input.text("m"), input.text("d"))
            relative = year == ref.year ? "this-year" : "last-leap-year"
        }
        if continuesRefusedDate(input) { return input.refuse(restOfRefusedDate) }
        if inNumberChain(input) { return input.refuse(numberChain) }
        guard var value = period(year, input) else { return input.refuse("no date in \"\(input.text)\"") }
        if input.arguments.contains("estimate") { value.append(("estimate", .bool(true))) }
        if input.arguments.contains("fiscal") { value.append(("fiscal", .bool(true))) }
        if input.arguments.contains("dateline") { value.append(("dateline", .bool(true))) }
        if let relative { value.append(("relative", .string(relative))) }
        addCore(input, to: &value)
        return .object(value)
    }

    // Reasons for `grammar explain` (built only there).
    static let noReference = "counted from the note's date, and there is none (a yearless or relative date needs one)"
    static let restOfRefusedDate = "continues a date its own rule refused (2月29日 after 2019年, 29日 after 2月): no date of its own"
    static let numberChain = "one link of a chain of numbers joined by - or / (a phone number or a code, 2/29 of 2/29/2019)"

    static func missing(_ y: Int, _ m: Int, _ d: Int) -> String {
        guard (1...12).contains(m) else { return "month \(m) does not exist" }
        return CalendarDate.pad(y, 4) + "-" + CalendarDate.pad(m, 2) + "-" + CalendarDate.pad(d, 2) + " does not exist"
    }

    static func monthProblem(_ text: String) -> String {
        DateText.integer(text).map { "month \($0) does not exist" } ?? "no month in \"\(text)\" (1–12 or a month's name)"
    }

    static func yearProblem(_ text: String) -> String {
        DateText.integer(text).map { "\($0) is outside the years NoteGraph dates by (\(CalendarDate.years.lowerBound)–\(CalendarDate.years.upperBound))" }
            ?? "no year in \"\(text)\""
    }

    /// Whether the match is one link of a longer run of numbers joined by - or / (a phone
    /// number 138-2010-2015, a code 133-03-03-2020, 2/29 of 2/29/2019): its digits continue
    /// before or after it, so it is no date (nor is the rest of 2/29/2019 two dates).
    static func inNumberChain(_ input: ActionInput) -> Bool {
        let v = input.view, s = Int(input.start), e = Int(input.end)
        typealias N = NumberActions
        guard N.isDigit(N.unit(v, s)), N.isDigit(N.unit(v, e - 1)) else { return false }
        let b = N.unit(v, s - 1), a = N.unit(v, e)
        if b == N.minus || b == N.slash, N.isDigit(N.unit(v, s - 2)) { return true }
        if a == N.minus || a == N.slash, N.isDigit(N.unit(v, e + 1)) { return true }
        return false
    }

    /// The year a yearless date is in: the note's, except for February 29th when the note's
    /// year has none: then the last leap year before it (notes report what happened; a written
    /// 2019-02-29 is still refused).
    static func leapYear(for year: Int, _ month: String?, _ day: String?) -> Int {
        guard !CalendarDate.isLeap(year), month.flatMap(DateText.month) == 2, day.flatMap(DateText.day) == 29 else { return year }
        var y = year - 1
        while !CalendarDate.isLeap(y) { y -= 1 }
        return y
    }

    /// Adds `core` where a capture `at` marks the date's own words in a match that needed a lead
    /// word to be read as a date at all (in May, on 4/22): the mention is those words.
    static func addCore(_ input: ActionInput, to fields: inout [(String, JSONValue)]) {
        guard let i = input.index("at") else { return }
        let at = input.captures[i]
        fields.append(("core", .array([.number(Double(at.start)), .number(Double(at.end))])))
    }

    /// Whether the match continues a written date its own rule refused: a month and day after
    /// a year (2019年 before 2月29日), a day after a month (2月 before 29日), or a month led match
    /// after a day number (31 before "Apr 2026"). Those are the rest of a day that does not
    /// exist, not a date of their own.
    static func continuesRefusedDate(_ input: ActionInput) -> Bool {
        // The first capture (the earliest, by position so that none is copied).
        let captures = input.captures
        guard var k = captures.indices.first else { return false }
        for i in captures.indices.dropFirst() where captures[i].firstToken < captures[k].firstToken { k = i }
        guard captures[k].firstToken > 0, captures[k].start == input.start else { return false }
        let t = input.view.tokens[Int(captures[k].firstToken) - 1]
        let name = captures[k].name
        // 2019年 before 2月29日, 2月 before 29日: the rest of a date its own rule refused.
        if endsWith(input.view, t, "年") || endsWith(input.view, t, "月") && (name == "d" || name == "at") { return true }
        return name == "m" && t.kind == .number && input.view.string(t.start, t.end).count <= 2
    }

    /// `hasSuffix(c)` of a token's text for a Chinese character c, told from its last units when
    /// they settle it: an ASCII last unit or another ideograph ends no such character; c's own unit after one that
    /// cannot join it in a character (below U+0600, where no prepending mark is, or a CJK
    /// ideograph) ends exactly c. Anything else asks the String.
    static func endsWith(_ view: DocumentView, _ t: Token, _ c: Unicode.Scalar) -> Bool {
        endsWith(view.text.utf16[Int(t.start)..<Int(t.end)], c)
    }

    static func endsWith(_ units: ArraySlice<UInt16>, _ c: Unicode.Scalar) -> Bool {
        if let last = units.last {
            // An ASCII last unit, or an ideograph other than c (one without decomposition that
            // no mark reorders), ends a Character other than c.
            if last < 0x80 || (0x4E00...0x9FFF).contains(last) && UInt32(last) != c.value { return false }
            if UInt32(last) == c.value {
                if units.count == 1 { return true }
                let previous = units[units.endIndex - 2]
                if previous < 0x600 || (0x4E00...0x9FFF).contains(previous) { return true }
            }
        }
        return String(decoding: units, as: UTF16.self).hasSuffix(String(Character(c)))
    }

    /// The date or period of year `y` that the captures m, d, q, h name (the year alone if none).
    static func period(_ y: Int, _ input: ActionInput) -> [(String, JSONValue)]? {
        // `first`: the year's first n quarters or months (前三季度, 前5个月): Q1 or January to the nth.
        if input.arguments.contains("first") {
            if let qt = input.text("q"), let q = DateText.quarter(qt) {
                return q == 1 ? fields(CalendarDate.iso(year: y, quarter: 1), "quarter")
                    : fields(CalendarDate.iso(year: y, quarter: 1) + "/" + CalendarDate.iso(year: y, quarter: q), "range")
            }
            if let mt = input.text("m"), let m = DateText.count(mt), (1...12).contains(m) {
                return m == 1 ? fields(CalendarDate.iso(year: y, month: 1), "month")
                    : fields(CalendarDate.iso(year: y, month: 1) + "/" + CalendarDate.iso(year: y, month: m), "range")
            }
            _ = input.refuse("no count of quarters or months from 1 to 12 in \"\(input.text)\"")
            return nil
        }
        if let mt = input.text("m") {
            guard let m = DateText.month(mt) else {
                // 21/04/2016: the first number cannot be a month, so the rule's order was day first.
                guard input.arguments.contains("either-order"), let dt = input.text("d"), let m2 = DateText.month(dt),
                      let d = DateText.day(mt) else { _ = input.refuse(monthProblem(mt)); return nil }
                guard let date = CalendarDate(year: y, month: m2, day: d) else { _ = input.refuse(missing(y, m2, d)); return nil }
                return fields(date.iso, "day")
            }
            if let dt = input.text("d") {
                guard let d = DateText.day(dt) else { _ = input.refuse("no day of a month in \"\(dt)\" (1–31)"); return nil }
                guard let date = CalendarDate(year: y, month: m, day: d) else { _ = input.refuse(missing(y, m, d)); return nil }
                return fields(date.iso, "day")
            }
            return fields(CalendarDate.iso(year: y, month: m), "month")
        }
        if let qt = input.text("q") {
            guard let q = DateText.quarter(qt) else { return nil }
            return fields(CalendarDate.iso(year: y, quarter: q), "quarter")
        }
        if let ht = input.text("h") {
            guard let h = DateText.half(ht) else { return nil }
            return fields(CalendarDate.iso(year: y, half: h), "half")
        }
        if input.has("end") { return fields(CalendarDate.iso(year: y, month: 12), "month") }
        return fields(CalendarDate.iso(year: y), "year")
    }

    /// Room for the fields actions add after these (relative, core, estimate …), so that adding
    /// them does not copy the array.
    static func fields(_ date: String, _ precision: String) -> [(String, JSONValue)] {
        var f: [(String, JSONValue)] = []
        f.reserveCapacity(4)
        f.append(("date", .string(date)))
        f.append(("precision", .string(precision)))
        return f
    }

    /// 3Q25, 25Q3, 2025Q3, 2H25, 1H26, FY26, FY2026, 2026E (and FY26E, 3Q25E).
    static func packed(_ token: String) -> JSONValue? {
        var s = Substring(token.uppercased().filter { $0 != "'" && $0 != "’" })
        var extra: [(String, JSONValue)] = []
        if s.hasSuffix("E") { s.removeLast(); extra.append(("estimate", .bool(true))) }
        // FY marks a fiscal period wherever it stands (FY26, 1QFY26); CY a calendar year (CY25).
        if let r = fiscalMark(s) { s = Substring(s[..<r.lowerBound] + s[r.upperBound...]); extra.append(("fiscal", .bool(true))) } else if s.hasPrefix("CY") { s.removeFirst(2) }
        let letters = s.filter { !$0.isNumber }
        if letters.isEmpty {
            guard !s.isEmpty, let y = DateText.year(String(s)), s.count == 4 || token.count > s.count + (extra.count > 0 ? 1 : 0) || extra.contains(where: { $0.0 == "fiscal" }) else { return nil }
            return .object(fields(CalendarDate.iso(year: y), "year") + extra)
        }
        guard letters.count == 1, let mark = letters.first, mark == "Q" || mark == "H",
              let k = s.firstIndex(of: mark) else { return nil }
        let left = String(s[..<k]), right = String(s[s.index(after: k)...])
        // The one-digit side is the quarter or half, the other the year (3Q25 or 2025Q3); with
        // the mark first, its digit then the year (Q3'25, H1'26: the apostrophe already dropped).
        let (part, yearText) = left.isEmpty ? (String(right.prefix(1)), String(right.dropFirst()))
            : left.count == 1 ? (left, right) : (right, left)
        guard part.count == 1, let n = Int(part), let y = DateText.year(yearText) else { return nil }
        if mark == "Q" {
            guard (1...4).contains(n) else { return nil }
            return .object(fields(CalendarDate.iso(year: y, quarter: n), "quarter") + extra)
        }
        guard (1...2).contains(n) else { return nil }
        return .object(fields(CalendarDate.iso(year: y, half: n), "half") + extra)
    }

    /// Where FY first stands in a packed token: found by bytes in ASCII text (each byte one
    /// character, none equivalent to another), else by Foundation's search as before.
    static func fiscalMark(_ s: Substring) -> Range<String.Index>? {
        let u = s.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return s.range(of: "FY") }
        var i = u.startIndex
        while i < u.endIndex {
            let j = u.index(after: i)
            if j < u.endIndex, u[i] == UInt8(ascii: "F"), u[j] == UInt8(ascii: "Y") { return i..<u.index(after: j) }
            i = j
        }
        return nil
    }

    /// 2010.01.29, 2015.5.13, 13.5.2015, 5.13.2015 and 20161016 as one token (ICU keeps dotted
    /// numbers whole); nil unless the parts make a day that exists. Two parts are a month of a
    /// year (2015.3) or a month and day of the reference year (4.22); letters and digits, a
    /// month name glued to its day (april22, 22april, Oct2). Rules say where these are dates:
    /// a bare 4.22 is a decimal.
    static func token(_ t: String, reference: CalendarDate?) -> JSONValue? {
        // ASCII tokens (most) are split and searched by byte: the same parts, without Characters.
        let ascii = t.utf8.allSatisfy { $0 < 0x80 }
        let parts = ascii ? t.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map { String(Substring($0)) }
            : t.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var date: CalendarDate?
        // january12,2016: ICU keeps the year in the token.
        if !ascii || t.utf8.contains(UInt8(ascii: ",")), let comma = t.firstIndex(of: ","), let glued = monthGluedToDay(String(t[..<comma])) {
            let tail = String(t[t.index(after: comma)...])
            guard tail.count == 4, let y = DateText.year(tail), let day = CalendarDate(year: y, month: glued.month, day: glued.day) else { return nil }
            return .object(fields(day.iso, "day"))
        }
        if let glued = monthGluedToDay(t) {
            guard let ref = reference, let day = CalendarDate(year: ref.year, month: glued.month, day: glued.day) else { return nil }
            return .object(fields(day.iso, "day") + [("relative", .string("this-year"))])
        }
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            let n = parts.compactMap { Int($0) }
            if parts[0].count == 4, parts[1].count <= 2 {
                guard CalendarDate.modern.contains(n[0]), (1...12).contains(n[1]) else { return nil }
                return .object(fields(CalendarDate.iso(year: n[0], month: n[1]), "month"))
            }
            guard parts[0].count <= 2, parts[1].count <= 2, let ref = reference,
                  let day = CalendarDate(year: ref.year, month: n[0], day: n[1]) else { return nil }
            return .object(fields(day.iso, "day") + [("relative", .string("this-year"))])
        }
        if parts.count == 1, t.count == 8, let y = Int(t.prefix(4)), CalendarDate.modern.contains(y) {
            date = CalendarDate(year: y, month: Int(t.dropFirst(4).prefix(2)) ?? 0, day: Int(t.suffix(2)) ?? 0)
        } else if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            let n = parts.compactMap { Int($0) }
            if parts[0].count == 4 {
                date = CalendarDate(year: n[0], month: n[1], day: n[2])
            } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
                // Day first as most of the world writes it, month first when that is the only reading.
                date = CalendarDate(year: n[2], month: n[1], day: n[0]) ?? CalendarDate(year: n[2], month: n[0], day: n[1])
            }
        }
        guard let date else { return nil }
        return .object(fields(date.iso, "day"))
    }

    /// april22, 22april, Oct2, Dec31: a month name and a day of one or two digits in one token.
    static func monthGluedToDay(_ t: String) -> (month: Int, day: Int)? {
        // ASCII without a letter (2010.01.29, 4.22) names no month, nor ASCII without one or
        // two digits (Nvidia, March): most tokens asked, told from their bytes.
        if t.utf8.allSatisfy({ $0 < 0x80 }) {
            var letters = 0, digits = 0
            for b in t.utf8 {
                if b &- 0x30 < 10 { digits += 1 } else if (b | 0x20) &- 0x61 < 26 { letters += 1 }
            }
            if letters == 0 || digits == 0 || digits > 2 { return nil }
            // The steps below on ASCII, by byte: only letters and digits, the digits together at
            // the end (after a letter) or the start.
            let u = Array(t.utf8)
            guard letters + digits == u.count else { return nil }
            let run = u[0] &- 0x30 < 10 ? u.prefix(digits) : u.suffix(digits)
            guard run.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
            let key = String(unsafeUninitializedCapacity: letters) { key in
                var n = 0
                for b in u where b &- 0x30 >= 10 { key[n] = b | 0x20; n += 1 }
                return n
            }
            let d = run.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
            guard let m = DateText.monthNames[key], (1...31).contains(d) else { return nil }
            return (m, d)
        }
        let letters = t.filter { $0.isLetter }, digits = t.filter { $0.isNumber }
        guard !letters.isEmpty, (1...2).contains(digits.count), letters.count + digits.count == t.count,
              t.first!.isLetter ? t.last!.isNumber && t.hasSuffix(digits) : t.hasPrefix(digits),
              let m = DateText.monthNames[letters.lowercased()], let d = Int(digits), (1...31).contains(d) else { return nil }
        return (m, d)
    }

    // MARK: relative dates

    /// Each kind's unit and offset from the reference date.
    static let offsets: [String: (unit: Character, n: Int)] = [
        "this-year": ("y", 0), "next-year": ("y", 1), "last-year": ("y", -1),
        "year-before-last": ("y", -2), "year-after-next": ("y", 2),
        "this-quarter": ("q", 0), "next-quarter": ("q", 1), "last-quarter": ("q", -1),
        "this-month": ("m", 0), "next-month": ("m", 1), "last-month": ("m", -1),
        "this-week": ("w", 0), "next-week": ("w", 1), "last-week": ("w", -1),
        "week-after-next": ("w", 2), "week-before-last": ("w", -2), "month-after-next": ("m", 2),
        "this-weekend": ("e", 0), "next-weekend": ("e", 1), "last-weekend": ("e", -1),
        "weekend-after-next": ("e", 2), "weekend-before-last": ("e", -2),
    ]

    static func relative(_ input: ActionInput) -> JSONValue? {
        guard let ref = input.referenceDate.flatMap(CalendarDate.init(iso:)) else { return input.refuse(noReference) }
        guard let kind = input.arguments.first, let (unit, n) = offsets[kind] else { return nil }
        if continuesRefusedDate(input) { return input.refuse(restOfRefusedDate) }
        var name = kind
        var value: [(String, JSONValue)]
        switch unit {
        case "y":
            let y = ref.year + n
            guard CalendarDate.years.contains(y) else { return nil }
            if input.arguments.contains("end") {
                value = fields(CalendarDate.iso(year: y, month: 12), "month")
                name += "-end"
            } else {
                guard let v = period(y, input) else { return nil }
                value = v
                if let t = input.text("h"), let h = DateText.half(t) { name += "-h\(h)" }
                if let t = input.text("q"), let q = DateText.quarter(t) { name += "-q\(q)" }
                if let t = input.text("m"), let m = DateText.month(t) { name += "-m\(m)" }
            }
        case "q":
            let (y, m) = CalendarDate.addMonths(3 * n, toYear: ref.year, month: ref.month)
            value = fields(CalendarDate.iso(year: y, quarter: (m - 1) / 3 + 1), "quarter")
        case "m":
            let (y, m) = CalendarDate.addMonths(n, toYear: ref.year, month: ref.month)
            if input.arguments.contains("end") { name += "-end" }
            if let t = input.text("d") {
                // A day of that month (the 20th of next month, 本月十日; 31st of this month may not exist).
                guard let d = DateText.day(t) else { return input.refuse("no day of a month in \"\(t)\" (1–31)") }
                guard let date = CalendarDate(year: y, month: m, day: d) else { return input.refuse(missing(y, m, d)) }
                value = fields(date.iso, "day")
                name += "-d\(d)"
            } else {
                value = fields(CalendarDate.iso(year: y, month: m), "month")
            }
        case "e":
            // A weekend: that week's Saturday and Sunday.
            guard let saturday = ref.adding(days: 5 - ref.weekday + 7 * n), let sunday = saturday.adding(days: 1) else { return nil }
            value = fields(saturday.iso + "/" + sunday.iso, "range")
        default:
            // A week runs Monday to Sunday, both included.
            guard let monday = ref.adding(days: -ref.weekday + 7 * n), let sunday = monday.adding(days: 6) else { return nil }
            value = fields(monday.iso + "/" + sunday.iso, "range")
        }
        value.append(("relative", .string(name)))
        addCore(input, to: &value)
        return .object(value)
    }

    // MARK: ranges

    static func range(_ input: ActionInput) -> JSONValue? {
        if inNumberChain(input) { return input.refuse(numberChain) }
        let ref = input.referenceDate.flatMap(CalendarDate.init(iso:))
        func part(_ name: String, _ read: (String) -> Int?) -> Int?? {
            guard let t = input.text(name) else { return .some(nil) }
            // Written but not valid: no range.
            guard let v = read(t) else { _ = input.refuse("\"\(t)\" is no \(["y": "year", "m": "month", "d": "day"][name.prefix(1)] ?? name) (\(name))"); return nil }
            return .some(v)
        }
        guard let y1 = part("y1", DateText.year), let y2 = part("y2", DateText.year),
              let month1 = part("m1", DateText.month), let m2 = part("m2", DateText.month),
              let d1 = part("d1", DateText.day), let d2 = part("d2", DateText.day) else { return nil }
        // An end written as now, today, tomorrow or yesterday is the note's date moved so.
        func now(_ name: String) -> CalendarDate?? {
            guard let t = input.text(name)?.lowercased() else { return .some(nil) }
            guard let ref else { _ = input.refuse(noReference); return nil }
            return .some(ref.adding(days: t.hasPrefix("tomorrow") ? 1 : t.hasPrefix("yesterday") ? -1 : 0))
        }
        guard var n1 = now("n1"), var n2 = now("n2") else { return nil }
        // An end written as a weekday: this week's (next Friday: next week's, last: the week
        // before's); a bare weekday closing the range is the first such day after its start.
        func weekday(_ w: String, _ k: String, after start: CalendarDate?) -> CalendarDate?? {
            guard let wd = input.text(w).flatMap(DateText.weekday) else { return .some(nil) }
            guard let ref else { _ = input.refuse(noReference); return nil }
            let kind = input.text(k)?.lowercased()
            if kind == nil, let start { return .some(start.adding(days: (wd - start.weekday + 6) % 7 + 1)) }
            let weeks = kind == "next" || kind == "coming" ? 1 : kind == "last" || kind == "previous" ? -1 : 0
            return .some(ref.adding(days: wd - ref.weekday + 7 * weeks))
        }
        guard let w1 = weekday("w1", "k1", after: nil) else { return nil }
        if let w1 { n1 = w1 }
        guard let w2 = weekday("w2", "k2", after: n1) else { return nil }
        if let w2 { n2 = w2 }
        // A range of days in a month counted from the note's (from 4 to 22 this month).
        if let kind = input.arguments.first {
            guard let ref, let (unit, k) = offsets[kind], unit == "m", let a = d1, let b = d2 else { return nil }
            let (y, m) = CalendarDate.addMonths(k, toYear: ref.year, month: ref.month)
            guard let x = CalendarDate(year: y, month: m, day: a), let z = CalendarDate(year: y, month: m, day: b), x.iso < z.iso else { return nil }
            return .object(fields(x.iso + "/" + z.iso, "range") + [("relative", .string(kind))])
        }
        var relative = false
        if y1 == nil && y2 == nil && n1 == nil && n2 == nil && continuesRefusedDate(input) { return input.refuse(restOfRefusedDate) }
        guard var year1 = y1 ?? y2 ?? n2?.year ?? { relative = true; return ref?.year }() else { return input.refuse(noReference) }
        if relative, month1 == 2, d1 == 29, !CalendarDate.isLeap(year1) { year1 = leapYear(for: year1, "2", "29") }
        var year2 = y2 ?? (n1 == nil ? year1 : ref?.year ?? year1)
        // From November to March, 8月至2月: with no year written, a later month that comes
        // first is in the next year.
        if y1 == nil, y2 == nil, n1 == nil, n2 == nil, let a = month1, let b = m2, b < a || b == a && (d2 ?? 0) < (d1 ?? 0) { year2 += 1 }
        func end(_ y: Int, _ m: Int?, _ d: Int?) -> (String, Int)? {
            // (ISO text, a sortable key) at the precision written.
            guard let m else { return d == nil ? (CalendarDate.iso(year: y), y * 10000) : nil }
            guard let d else { return (CalendarDate.iso(year: y, month: m), y * 10000 + m * 100) }
            guard let date = CalendarDate(year: y, month: m, day: d) else { _ = input.refuse(missing(y, m, d)); return nil }
            return (date.iso, y * 10000 + m * 100 + d)
        }
        func day(_ c: CalendarDate) -> (String, Int) { (c.iso, c.year * 10000 + c.month * 100 + c.day) }
        // 4 to 22 January: the first end takes the second's month.
        let m1 = month1 ?? (d1 != nil ? m2 : nil)
        guard let a = n1.map(day) ?? end(year1, m1, d1), let b = n2.map(day) ?? end(year2, m2 ?? (d2 != nil ? m1 : nil), d2) else {
            return input.refuse("an end of the range is no date")
        }
        guard a.1 < b.1 else { return input.refuse("the range's end (\(b.0)) is not after its start (\(a.0))") }
        var value = fields(a.0 + "/" + b.0, "range")
        if relative { value.append(("relative", .string("this-year"))) }
        if n1 != nil || n2 != nil { value.append(("relative", .string("today"))) }
        return .object(value)
    }
}
