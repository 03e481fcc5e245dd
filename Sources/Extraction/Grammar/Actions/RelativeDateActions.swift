import NoteGraphCore

/// Date actions counted from the note's date or bounded on one side: days (yesterday, 三天后,
/// two weeks ago), windows (the past 3 years, 近三年), weekdays (on Monday, 上周五), decades (the
/// 1990s, 90年代) and open ranges (since 2019, 2018年之后). Research notes write all of these
/// about the time of writing, so each resolves against the reference date (no item without
/// one) and keeps the original expression in `relative`; the match keeps the words.
///
/// Open ranges write the missing end as `..`, both ends included as everywhere: since 2019 →
/// `2019/..`, after 2018 → `2019/..` (after a day: from that day), until 2018 → `../2018`, before
/// 2018 → `../2017`.
enum RelativeDateActions {
    static let all: [GrammarAction] = [
        GrammarAction("date.shift", dimension: "date",
                      summary: "a day counted from the reference date: capture n (a count: 3, three, 三天; absent = 1) and u (day, week, month, year, 天, 周, 月, 年), optional base (tomorrow or yesterday to count from); argument ago | later",
                      checkArguments: { ["ago", "later"].contains($0.first ?? "") && $0.count == 1 ? nil : "takes ago or later" }) { input in
            shift(input)
        },
        GrammarAction("date.day", dimension: "date",
                      summary: "the reference date moved by the argument's days: 0 today, 1 tomorrow, -2 the day before yesterday",
                      checkArguments: { $0.count == 1 && Int($0[0]) != nil ? nil : "takes one whole number of days" }) { input in
            guard let ref = reference(input), let n = input.arguments.first.flatMap({ Int($0) }), let day = ref.adding(days: n) else { return nil }
            return value(day.iso, "day", n == 0 ? "today" : "today" + signed(n) + "d", input)
        },
        GrammarAction("date.window", dimension: "date",
                      summary: "the days just before or after the reference date: capture n (count) and u (unit); argument past (the n units up to yesterday) | next (from tomorrow) | within (from today) | past-quarters / next-quarters (whole quarters before or after the note's)",
                      checkArguments: { ["past", "next", "within", "past-quarters", "next-quarters"].contains($0.first ?? "") && $0.count == 1 ? nil : "takes past, next, within, past-quarters or next-quarters" }) { input in
            window(input)
        },
        GrammarAction("date.weekday", dimension: "date",
                      summary: "a weekday (capture w): argument this | next | last | after-next | before-last (in that Monday-to-Sunday week), nearest (the last one on or before the reference date) or upcoming (the first one after it)",
                      checkArguments: { (weekKinds[$0.first ?? ""] != nil || ["nearest", "upcoming"].contains($0.first ?? "")) && $0.count == 1 ? nil : "takes this, next, last, after-next, before-last, nearest or upcoming" }) { input in
            weekday(input)
        },
        GrammarAction("date.decade", dimension: "date",
                      summary: "a decade as a year range: capture y (1970, 70, 七十, '70) and optional c (the century: 20 in 20世纪); argument this | next | last for one counted from the reference date, last-century or this-century for 上世纪 / 本世纪; `century` with only c: the whole century (the 21st century)",
                      checkArguments: { $0.count <= 1 && ($0.isEmpty || ["this", "next", "last", "last-century", "this-century", "century"].contains($0[0])) ? nil : "takes nothing, this, next, last, last-century, this-century or century" }) { input in
            decade(input)
        },
        GrammarAction("date.week", dimension: "date",
                      summary: "an ISO week (Monday to Sunday; week 1 holds the year's first Thursday): capture n (3, 3rd, third, 第三, last) and optional y; without y the reference year, or the year the argument names (this-year, next-year, last-year)",
                      checkArguments: { $0.isEmpty || $0.count == 1 && ["this-year", "next-year", "last-year"].contains($0[0]) ? nil : "takes nothing, this-year, next-year or last-year" }) { input in
            isoWeek(input)
        },
        GrammarAction("date.monthweek", dimension: "date",
                      summary: "the nth (or last) week of a month, ISO-style: the Monday-to-Sunday week holding the month's nth (last) Thursday; capture n, the month from captures m (and y) or the argument (this-month, next-month, last-month)",
                      checkArguments: { $0.isEmpty || $0.count == 1 && ["this-month", "next-month", "last-month"].contains($0[0]) ? nil : "takes nothing, this-month, next-month or last-month" }) { input in
            monthWeek(input)
        },
        GrammarAction("date.part", dimension: "date",
                      summary: "part of a period: a capture early, mid, late or rest marks which; the period is date.relative's kind when an argument names one, else the captures y and m read as date.absolute reads them. A year counted from the note splits in halves (early next year: H1), a written one in thirds (early 2026: Jan-Apr); a month early 1-15, mid 10-20, late 16-end; a week early Mon-Wed, mid Tue-Fri, late Thu-Sun; rest: from the note's date to the period's end; todate: from the period's start to the note's date",
                      checkArguments: { args in
                          args.isEmpty || args.count == 1 && DateActions.offsets[args[0]] != nil ? nil : "takes nothing or one kind of date.relative"
                      }) { input in
            part(input)
        },
        GrammarAction("date.nth", dimension: "date",
                      summary: "the nth (or last) weekday of a month: captures n (first, 2nd, last) and w; the month from captures m (and y) or from the argument (this-month, next-month, last-month); without either the note's month",
                      checkArguments: { args in
                          args.isEmpty || args.count == 1 && ["this-month", "next-month", "last-month"].contains(args[0]) ? nil : "takes nothing, this-month, next-month or last-month"
                      }) { input in
            nth(input)
        },
        GrammarAction("date.weekof", dimension: "date",
                      summary: "the Monday-to-Sunday week holding a day read as date.absolute reads it (the week of April 10th, w/c Feb 4)",
                      checkArguments: DateActions.checkFlags) { input in
            weekOf(input)
        },
        GrammarAction("date.season", dimension: "date",
                      summary: "a season as its months, northern hemisphere (spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb): capture s, optional y (else the reference year); argument next | last for one counted from the reference date",
                      checkArguments: { $0.isEmpty || $0 == ["next"] || $0 == ["last"] ? nil : "takes nothing, next or last" }) { input in
            season(input)
        },
        GrammarAction("date.holiday", dimension: "date",
                      summary: "a holiday by its name in capture h (Christmas, New Year, Easter, Thanksgiving, 国庆节 …), in year y or the reference year; argument next | last for the one after or before the reference date",
                      checkArguments: { $0.isEmpty || $0 == ["next"] || $0 == ["last"] ? nil : "takes nothing, next or last" }) { input in
            holiday(input)
        },
        GrammarAction("date.span", dimension: "date",
                      summary: "n units from a day on (for 3 days from today, for 2 weeks starting May 20th): captures n and u, and the first day as base (today, tomorrow), w (next such weekday) or m and d read as date.absolute reads them",
                      checkArguments: DateActions.checkFlags) { input in
            span(input)
        },
        GrammarAction("date.open", dimension: "date",
                      summary: "an open range around a date read as date.absolute reads it: first argument since (P/..) | after (the next period/..) | until (../P) | before (../the period before), or none of them and a capture of that name marking which; then date.absolute's flags",
                      checkArguments: { args in
                          let flags = ["since", "after", "until", "before"].contains(args.first ?? "") ? Array(args.dropFirst()) : args
                          return DateActions.checkFlags(flags)
                      }) { input in
            open(input)
        },
    ]

    static func reference(_ input: ActionInput) -> CalendarDate? { input.referenceDate.flatMap(CalendarDate.init(iso:)) }

    static func signed(_ n: Int) -> String { n < 0 ? "\(n)" : "+\(n)" }

    /// The value with its `relative` name, and `core` when a capture `at` marks the date's own
    /// words inside a match that needed a lead word (on 4/22, in May).
    static func value(_ date: String, _ precision: String, _ relative: String?, _ input: ActionInput) -> JSONValue {
        var v = DateActions.fields(date, precision)
        if let relative { v.append(("relative", .string(relative))) }
        if let at = input.capture("at") { v.append(("core", .array([.number(Double(at.start)), .number(Double(at.end))]))) }
        return .object(v)
    }

    /// The unit of a capture: d, w, m or y.
    static func unit(_ text: String?) -> Character? {
        guard let t = text?.lowercased() else { return nil }
        // English words begin with their unit; a Chinese capture may hold count and direction
        // too (三天, 年前), so it is searched.
        if t.hasPrefix("day") || t.contains("天") || t.contains("日") { return "d" }
        if t.hasPrefix("week") || t.contains("周") || t.contains("週") || t.contains("星期") || t.hasPrefix("fortnight") { return "w" }
        if t.hasPrefix("month") || t.contains("月") { return "m" }
        if t.hasPrefix("year") || t.contains("年") || t.hasPrefix("yr") { return "y" }
        return nil
    }

    static func count(_ input: ActionInput) -> Int? {
        guard let c = input.capture("n") else { return 1 }
        if let v = c.value?["value"]?.doubleValue { return v == v.rounded() && v > 0 && v < 1000 ? Int(v) : nil }
        return DateText.count(input.view.string(c.start, c.end))
    }

    static func move(_ day: CalendarDate, _ n: Int, _ unit: Character) -> CalendarDate? {
        switch unit {
        case "d": return day.adding(days: n)
        case "w": return day.adding(days: 7 * n)
        case "m": return day.adding(months: n)
        default: return day.adding(months: 12 * n)
        }
    }

    static func shift(_ input: ActionInput) -> JSONValue? {
        guard let ref = reference(input), let n = count(input), let u = unit(input.text("u") ?? input.text("n")) else { return nil }
        let k = input.arguments.first == "ago" ? -n : n
        let weeks = input.text("u")?.lowercased().hasPrefix("fortnight") == true ? 2 : 1
        // Counted from tomorrow or yesterday when the text says so (three weeks from tomorrow).
        let base = input.text("base")?.lowercased()
        guard let start = ref.adding(days: base?.hasPrefix("tom") == true || base == "tmrw" ? 1 : base?.hasPrefix("yesterday") == true ? -1 : 0),
              var day = move(start, k * weeks, u) else { return nil }
        // "2 years 1 month 21 days ago": every further count moves the same way.
        for (nc, uc) in [("n2", "u2"), ("n3", "u3")] {
            guard let t = input.text(nc) else { break }
            guard let n = DateText.count(t), let u = unit(input.text(uc)), let next = move(day, input.arguments.first == "ago" ? -n : n, u) else { return nil }
            day = next
        }
        return value(day.iso, "day", "today" + signed(k * weeks) + String(u) + (input.capture("n2") == nil ? "" : "+more"), input)
    }

    static func window(_ input: ActionInput) -> JSONValue? {
        if let kind = input.arguments.first, kind.hasSuffix("-quarters") {
            // Whole quarters: the n before the note's quarter, or the n after it.
            guard let ref = reference(input), let n = count(input), n >= 1 else { return nil }
            let own = CalendarDate.iso(year: ref.year, quarter: ref.quarter)
            let past = kind.hasPrefix("past")
            guard let a = CalendarDate.step(own, by: past ? -n : 1), let b = CalendarDate.step(own, by: past ? -1 : n) else { return nil }
            return value(a + "/" + b, "range", kind + "-\(n)", input)
        }
        guard let ref = reference(input), let n = count(input), let u = unit(input.text("u") ?? input.text("n")) else { return nil }
        let kind = input.arguments.first ?? "next"
        // The past n units end yesterday; the next n start tomorrow; within n starts today.
        let (a, b): (CalendarDate?, CalendarDate?)
        switch kind {
        case "past": (a, b) = (move(ref, -n, u), ref.adding(days: -1))
        case "within": (a, b) = (ref, move(ref, n, u)?.adding(days: -1))
        default: (a, b) = (ref.adding(days: 1), move(ref, n, u))
        }
        guard let a, let b else { return nil }
        return value(a.iso + "/" + b.iso, "range", kind + "-\(n)" + String(u), input)
    }

    /// Weeks from the note's week for each kind of weekday.
    static let weekKinds = ["this": 0, "next": 1, "last": -1, "after-next": 2, "before-last": -2]

    static func weekday(_ input: ActionInput) -> JSONValue? {
        guard let ref = reference(input), let w = input.text("w").flatMap(DateText.weekday), let kind = input.arguments.first else { return nil }
        let day: CalendarDate?
        switch kind {
        case "nearest": day = ref.adding(days: -((ref.weekday - w + 7) % 7))
        case "upcoming": day = ref.adding(days: (w - ref.weekday + 6) % 7 + 1)
        default:
            day = ref.adding(days: w - ref.weekday + 7 * (weekKinds[kind] ?? 0))
        }
        guard let day else { return nil }
        return value(day.iso, "day", kind == "nearest" ? "weekday" : kind + "-week-weekday", input)
    }

    static func part(_ input: ActionInput) -> JSONValue? {
        let counted = !input.arguments.isEmpty
        var base = input
        base.captures = input.captures.filter { !["early", "mid", "late", "rest", "todate", "at"].contains($0.name) }
        guard let which = ["early", "mid", "late", "rest", "todate"].first(where: { input.capture($0) != nil }),
              case .object(let fields)? = counted ? DateActions.relative(base) : DateActions.absolute(base),
              let date = fields.first(where: { $0.0 == "date" })?.1.stringValue,
              let period = CalendarDate.bounds(date) else { return nil }
        let (first, last) = period
        var a = first, b = last
        let days = first.daysUntil(last) + 1
        switch (which, days) {
        case ("rest", _):
            guard let ref = reference(input) else { return nil }
            a = ref
        case ("todate", _):
            guard let ref = reference(input) else { return nil }
            b = ref
        case (_, 7):
            // A week: Monday–Wednesday, Tuesday–Friday, Thursday–Sunday.
            let (s, e) = which == "early" ? (0, 2) : which == "mid" ? (1, 4) : (3, 6)
            guard let x = first.adding(days: s), let y = first.adding(days: e) else { return nil }
            (a, b) = (x, y)
        case (_, 28...31):
            let (s, e) = which == "early" ? (1, 15) : which == "mid" ? (10, 20) : (16, days)
            guard let x = first.adding(days: s - 1), let y = first.adding(days: e - 1) else { return nil }
            (a, b) = (x, y)
        case (_, 365...366):
            // Halves for a year counted from the note (early next year), thirds for a written one.
            let (s, n) = counted && which != "mid" ? (which == "early" ? 0 : 6, 6) : (which == "early" ? 0 : which == "mid" ? 4 : 8, 4)
            guard let x = first.adding(months: s), let y = x.adding(months: n)?.adding(days: -1) else { return nil }
            (a, b) = (x, y)
        default:
            return nil
        }
        var out = DateActions.fields(a.iso + "/" + b.iso, "range")
        if let r = fields.first(where: { $0.0 == "relative" })?.1.stringValue { out.append(("relative", .string(r + "-" + which))) }
        return .object(out)
    }

    static func nth(_ input: ActionInput) -> JSONValue? {
        guard let w = input.text("w").flatMap(DateText.weekday), let nt = input.text("n") else { return nil }
        var year: Int, month: Int
        var relative: String? = nil
        if let mt = input.text("m") {
            guard let m = DateText.month(mt) else { return nil }
            month = m
            if let yt = input.text("y") {
                guard let y = DateText.year(yt) else { return nil }
                year = y
            } else {
                guard let ref = reference(input) else { return nil }
                year = ref.year
                relative = "this-year"
            }
        } else {
            guard let ref = reference(input) else { return nil }
            let kind = input.arguments.first ?? "this-month"
            (year, month) = CalendarDate.addMonths(kind == "next-month" ? 1 : kind == "last-month" ? -1 : 0, toYear: ref.year, month: ref.month)
            relative = kind
        }
        guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
        let firstW = first.adding(days: (w - first.weekday + 7) % 7)
        let day: CalendarDate?
        if nt.lowercased() == "last" {
            let days = CalendarDate.days(inMonth: month, of: year)
            guard let lastDay = CalendarDate(year: year, month: month, day: days) else { return nil }
            day = lastDay.adding(days: -((lastDay.weekday - w + 7) % 7))
        } else {
            guard let n = DateText.integer(nt), (1...5).contains(n), let d = firstW?.adding(days: 7 * (n - 1)), d.month == month else { return nil }
            day = d
        }
        guard let day else { return nil }
        return value(day.iso, "day", relative, input)
    }

    static func weekOf(_ input: ActionInput) -> JSONValue? {
        var fields: [(String, JSONValue)] = []
        if input.capture("m") == nil {
            // The week of the 18th: that day of the note's month.
            guard let ref = reference(input), let d = input.text("d").flatMap(DateText.day),
                  let day = CalendarDate(year: ref.year, month: ref.month, day: d) else { return nil }
            fields = DateActions.fields(day.iso, "day") + [("relative", .string("this-month"))]
        } else {
            guard case .object(let f)? = DateActions.absolute(input) else { return nil }
            fields = f
        }
        guard let date = fields.first(where: { $0.0 == "date" })?.1.stringValue,
              let day = CalendarDate(iso: date), date.count == 10,
              let monday = day.adding(days: -day.weekday), let sunday = monday.adding(days: 6) else { return nil }
        return value(monday.iso + "/" + sunday.iso, "range", fields.first(where: { $0.0 == "relative" })?.1.stringValue, input)
    }

    static func season(_ input: ActionInput) -> JSONValue? {
        guard let word = input.text("s")?.lowercased(),
              let first = [("spring", 3), ("summer", 6), ("autumn", 9), ("fall", 9), ("winter", 12), ("春", 3), ("夏", 6), ("秋", 9), ("冬", 12)]
                .first(where: { word.hasPrefix($0.0) })?.1 else { return nil }
        var year: Int
        var relative: String? = nil
        if let t = input.text("y") {
            guard let y = DateText.year(t) else { return nil }
            year = y
        } else {
            guard let ref = reference(input) else { return nil }
            year = ref.year + (input.arguments.first == "next" ? 1 : input.arguments.first == "last" ? -1 : 0)
            relative = (input.arguments.first ?? "this") + "-season"
        }
        let (y2, m2) = CalendarDate.addMonths(2, toYear: year, month: first)
        return value(CalendarDate.iso(year: year, month: first) + "/" + CalendarDate.iso(year: y2, month: m2), "range", relative, input)
    }

    /// Holidays whose day is fixed, and those a rule of the calendar gives (the nth weekday of a
    /// month, Easter). Lunar holidays (春节, Eid) need tables and are left out.
    static func holidayDay(_ name: String, _ year: Int) -> CalendarDate? {
        let fixed: [(String, Int, Int)] = [
            ("christmas", 12, 25), ("xmas", 12, 25), ("圣诞", 12, 25), ("new year", 1, 1), ("newyear", 1, 1), ("元旦", 1, 1),
            ("independence", 7, 4), ("halloween", 10, 31), ("valentine", 2, 14), ("st patrick", 3, 17), ("saint patrick", 3, 17),
            ("earth day", 4, 22), ("workers", 5, 1), ("may day", 5, 1), ("劳动节", 5, 1), ("五一", 5, 1), ("国庆", 10, 1), ("國慶", 10, 1), ("聖誕", 12, 25), ("boxing", 12, 26),
        ]
        let key = name.lowercased().replacingOccurrences(of: "'s", with: "").replacingOccurrences(of: "’s", with: "")
        if let f = fixed.first(where: { key.hasPrefix($0.0) }) { return CalendarDate(year: year, month: f.1, day: f.2) }
        func nth(_ n: Int, _ weekday: Int, _ month: Int) -> CalendarDate? {
            guard let first = CalendarDate(year: year, month: month, day: 1) else { return nil }
            return first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
        }
        if key.hasPrefix("thanksgiving") { return nth(4, 3, 11) }
        if key.hasPrefix("black friday") { return nth(4, 3, 11)?.adding(days: 1) }
        if key.hasPrefix("labor day") || key.hasPrefix("labour day") { return nth(1, 0, 9) }
        if key.hasPrefix("memorial day") {
            guard let last = CalendarDate(year: year, month: 5, day: 31) else { return nil }
            return last.adding(days: -last.weekday)
        }
        if key.hasPrefix("easter") {
            // The Gregorian computus (Meeus/Jones/Butcher).
            let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
            let h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
            let m = (a + 11 * h + 22 * l) / 451, month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
            return CalendarDate(year: year, month: month, day: day)
        }
        return nil
    }

    static func holiday(_ input: ActionInput) -> JSONValue? {
        guard let name = input.text("h") else { return nil }
        var relative: String? = nil
        let day: CalendarDate?
        if let t = input.text("y") {
            guard let y = DateText.year(t) else { return nil }
            day = holidayDay(name, y)
        } else {
            guard let ref = reference(input), let this = holidayDay(name, ref.year) else { return nil }
            switch input.arguments.first {
            case "next": day = this.iso > ref.iso ? this : holidayDay(name, ref.year + 1)
            case "last": day = this.iso < ref.iso ? this : holidayDay(name, ref.year - 1)
            default: day = this
            }
            relative = (input.arguments.first ?? "this") + "-holiday"
        }
        guard let day else { return nil }
        return value(day.iso, "day", relative, input)
    }

    static func span(_ input: ActionInput) -> JSONValue? {
        guard let ref = reference(input), let n = count(input), n >= 1, let u = unit(input.text("u")) else { return nil }
        var first: CalendarDate?
        if input.capture("m") != nil {
            var base = input
            base.captures = input.captures.filter { $0.name == "m" || $0.name == "d" || $0.name == "y" }
            guard case .object(let fields)? = DateActions.absolute(base), let d = fields.first(where: { $0.0 == "date" })?.1.stringValue,
                  d.count == 10 else { return nil }
            first = CalendarDate(iso: d)
        } else if let w = input.text("w").flatMap(DateText.weekday) {
            first = ref.adding(days: w - ref.weekday + 7)
        } else {
            let b = input.text("base")?.lowercased() ?? "today"
            first = ref.adding(days: b.hasPrefix("tom") || b == "tmrw" ? 1 : 0)
        }
        guard let first, let last = move(first, n, u)?.adding(days: -1) else { return nil }
        return value(first.iso + "/" + last.iso, "range", input.capture("m") == nil ? "span" : nil, input)
    }

    static func monthWeek(_ input: ActionInput) -> JSONValue? {
        guard let nt = input.text("n")?.lowercased() else { return nil }
        var year: Int, month: Int
        var relative: String? = nil
        if let mt = input.text("m") {
            guard let m = DateText.month(mt) else { return nil }
            month = m
            if let yt = input.text("y") {
                guard let y = DateText.year(yt) else { return nil }
                year = y
            } else {
                guard let ref = reference(input) else { return nil }
                year = ref.year
                relative = "this-year"
            }
        } else {
            guard let ref = reference(input) else { return nil }
            let kind = input.arguments.first ?? "this-month"
            (year, month) = CalendarDate.addMonths(kind == "next-month" ? 1 : kind == "last-month" ? -1 : 0, toYear: ref.year, month: ref.month)
            relative = kind
        }
        // The month's Thursdays: a week belongs to the month that holds its Thursday.
        guard let first = CalendarDate(year: year, month: month, day: 1), let thursday1 = first.adding(days: (3 - first.weekday + 7) % 7) else { return nil }
        var thursday: CalendarDate?
        if nt.hasPrefix("last") || nt.hasPrefix("最后") || nt.hasPrefix("最後") {
            var t = thursday1
            while let next = t.adding(days: 7), next.month == month { t = next }
            thursday = t
        } else {
            guard let n = DateText.integer(nt.filter { $0 != "周" && $0 != "週" }), (1...5).contains(n),
                  let t = thursday1.adding(days: 7 * (n - 1)), t.month == month else { return nil }
            thursday = t
        }
        guard let thursday, let monday = thursday.adding(days: -3), let sunday = monday.adding(days: 6) else { return nil }
        return value(monday.iso + "/" + sunday.iso, "range", relative, input)
    }

    static func isoWeek(_ input: ActionInput) -> JSONValue? {
        let year: Int
        if let t = input.text("y") {
            guard let y = DateText.year(t) else { return nil }
            year = y
        } else {
            guard let ref = reference(input) else { return nil }
            let kind = input.arguments.first
            year = ref.year + (kind == "next-year" ? 1 : kind == "last-year" ? -1 : 0)
        }
        // Week 1's Monday: the Monday on or before January 4th.
        guard let jan4 = CalendarDate(year: year, month: 1, day: 4), let first = jan4.adding(days: -jan4.weekday),
              let nextJan4 = CalendarDate(year: year + 1, month: 1, day: 4), let nextFirst = nextJan4.adding(days: -nextJan4.weekday) else { return nil }
        let monday: CalendarDate?
        if input.text("n")?.lowercased().hasPrefix("last") == true {
            monday = nextFirst.adding(days: -7)
        } else {
            guard let t = input.text("n")?.filter({ $0 != "周" && $0 != "週" }), let n = DateText.quarter(t) ?? DateText.integer(t),
                  (1...53).contains(n) else { return nil }
            monday = first.adding(days: 7 * (n - 1))
            // Week 53 exists only in years whose weeks run that far.
            if let m = monday, n == 53, m.iso >= nextFirst.iso { return nil }
        }
        guard let monday, let sunday = monday.adding(days: 6) else { return nil }
        return value(monday.iso + "/" + sunday.iso, "range", input.text("y") == nil ? "this-year-week" : nil, input)
    }

    static func decade(_ input: ActionInput) -> JSONValue? {
        let ref = reference(input)
        let kind = input.arguments.first
        var start: Int
        var relative: String? = nil
        if kind == "century" {
            // The 21st century: 2000–2099 (as the suite and common usage count it).
            guard let c = input.text("c").flatMap(DateText.integer), (11...30).contains(c) else { return nil }
            return value(CalendarDate.iso(year: (c - 1) * 100) + "/" + CalendarDate.iso(year: (c - 1) * 100 + 99), "range", nil, input)
        }
        if let t = input.text("y") {
            let digits = t.filter { !"'’s".contains($0) }
            guard let n = DateText.decade(t) ?? DateText.integer(digits) else { return nil }
            if n >= 1000 {
                guard n % 10 == 0 else { return nil }
                start = n
            } else {
                guard n % 10 == 0, n < 100 else { return nil }
                if let ct = input.text("c")?.lowercased().split(whereSeparator: { !$0.isLetter }).first.map(String.init),
                   ["nineteen", "twenty", "eighteen", "two"].contains(ct) {
                    // Words: the nineteen seventies, the twenty-tens, the two thousands.
                    start = (ct == "nineteen" ? 1900 : ct == "eighteen" ? 1800 : 2000) + n
                } else if let c = input.text("c").flatMap(DateText.integer) {
                    start = (c - 1) * 100 + n
                } else if kind == "last-century" || kind == "this-century" {
                    guard let ref else { return nil }
                    start = (ref.year / 100 - (kind == "last-century" ? 1 : 0)) * 100 + n
                    relative = kind
                } else {
                    // The 20s: the latest decade that has begun by the note's date (1920s in 2016).
                    let year = ref?.year ?? 2000
                    start = 2000 + n <= year ? 2000 + n : 1900 + n
                }
            }
        } else {
            guard let ref, let kind else { return nil }
            // The last two decades: the two whole decades before the note's; the next three after it.
            let n = input.capture("n") == nil ? 1 : count(input) ?? 0
            guard n >= 1 else { return nil }
            let own = ref.year / 10 * 10
            start = kind == "next" ? own + 10 : kind == "last" ? own - 10 * n : own
            relative = kind + "-decade" + (n > 1 ? "s-\(n)" : "")
            guard CalendarDate.years.contains(start) else { return nil }
            return value(CalendarDate.iso(year: start) + "/" + CalendarDate.iso(year: start + 10 * n - 1), "range", relative, input)
        }
        guard CalendarDate.years.contains(start) else { return nil }
        return value(CalendarDate.iso(year: start) + "/" + CalendarDate.iso(year: start + 9), "range", relative, input)
    }

    static func open(_ input: ActionInput) -> JSONValue? {
        let bounds = ["since", "after", "until", "before"]
        var inner = input
        let bound: String?
        if let b = input.arguments.first, bounds.contains(b) {
            bound = b
            inner.arguments = Array(input.arguments.dropFirst())
        } else {
            // One rule for all four: the capture that took part says which.
            bound = bounds.first { input.capture($0) != nil }
            inner.captures = input.captures.filter { !bounds.contains($0.name) }
        }
        guard let bound, case .object(var fields)? = DateActions.absolute(inner),
              let date = fields.first(where: { $0.0 == "date" })?.1.stringValue else { return nil }
        let text: String
        switch bound {
        case "since": text = date + "/.."
        case "until": text = "../" + date
        case "after":
            // After a year or month: the next one on. After a day: from that day (a day is not
            // split, so "after 1 August" keeps the 1st, as since does).
            guard let next = date.count == 10 ? date : CalendarDate.step(date, by: 1) else { return nil }
            text = next + "/.."
        default:
            guard let previous = CalendarDate.step(date, by: -1) else { return nil }
            text = "../" + previous
        }
        fields = fields.map { $0.0 == "date" ? ("date", .string(text)) : $0.0 == "precision" ? ("precision", .string("range")) : $0 }
        fields.append(("open", .string(bound)))
        if let at = input.capture("at") { fields.append(("core", .array([.number(Double(at.start)), .number(Double(at.end))]))) }
        return .object(fields)
    }
}
