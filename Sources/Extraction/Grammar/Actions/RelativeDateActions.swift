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
                      summary: "a day counted from the reference date: capture n (a count: 3, three, 三天; absent = 1) and u (day, week, month, year, 天, 周, 月, 年), optional base (tomorrow or yesterday to count from); argument ago | later; a capture `more` (more than 2 weeks ago) makes it the open range beyond that day, `less` the range from the base to it",
                      checkArguments: { ["ago", "later"].contains($0.first ?? "") && $0.count == 1 ? nil : "takes ago or later" }) { input in
            shift(input)
        },
        GrammarAction("date.offset", dimension: "date",
                      summary: "a day n units (captures n, u) after or before (a capture named before) another date, read by the action the first argument names (absolute, holiday, weekday, day; its own arguments follow) from the other captures: its first day is moved; a capture `on` (a weekday) then picks that day of the week landed in",
                      checkArguments: { args in
                          guard let kind = args.first, ["absolute", "holiday", "weekday", "day"].contains(kind),
                                let reader = ActionRegistry.action("date." + kind) else { return "takes the anchor's action (absolute, holiday, weekday or day) and its arguments" }
                          return reader.checkArguments(Array(args.dropFirst()))
                      }) { input in
            offset(input)
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
                      summary: "a weekday (capture w): argument this | next | last | after-next | before-last (in that Monday-to-Sunday week), nearest (the last one on or before the reference date), upcoming (the first one after it; with a count n the nth) or dated (with capture d, a day of the month: that day in the month nearest the reference date where it is that weekday)",
                      checkArguments: { (weekKinds[$0.first ?? ""] != nil || ["nearest", "upcoming", "dated"].contains($0.first ?? "")) && $0.count == 1 ? nil : "takes this, next, last, after-next, before-last, nearest, upcoming or dated" }) { input in
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

    /// The note's date; without one, nil, and (when explaining) the reason why the action gives nothing.
    static func reference(_ input: ActionInput) -> CalendarDate? {
        guard let ref = input.referenceDate.flatMap(CalendarDate.init(iso:)) else { _ = input.refuse(DateActions.noReference); return nil }
        return ref
    }

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
        // Business, working and trading days skip weekends (unit b).
        if t.hasPrefix("business") || t.hasPrefix("working") || t.hasPrefix("trading") { return "b" }
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
        case "b":
            // n weekdays on (or back), Saturdays and Sundays not counted.
            var d = day
            for _ in 0..<abs(n) {
                repeat { guard let next = d.adding(days: n < 0 ? -1 : 1) else { return nil }; d = next } while d.weekday >= 5
            }
            return d
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
        let relative = "today" + signed(k * weeks) + String(u) + (!input.has("n2") ? "" : "+more")
        // "more than 2 weeks ago": that day or earlier; "more than 2 weeks after today": that day
        // on; "less than 3 days after tomorrow": from tomorrow to that day.
        if input.has("more") {
            let ago = k < 0
            guard case .object(var fields) = value(ago ? "../" + day.iso : day.iso + "/..", "range", relative, input) else { return nil }
            fields.append(("open", .string(ago ? "until" : "since")))
            return .object(fields)
        }
        if input.has("less") {
            let (a, b) = k < 0 ? (day, start) : (start, day)
            return value(a.iso + "/" + b.iso, "range", relative, input)
        }
        return value(day.iso, "day", relative, input)
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
        case "past" where u == "b": (a, b) = (move(ref, -n, u), move(ref, -1, u))
        case "next" where u == "b": (a, b) = (move(ref, 1, u), move(ref, n, u))
        case "past": (a, b) = (move(ref, -n, u), ref.adding(days: -1))
        case "within": (a, b) = (ref, move(ref, n, u)?.adding(days: -1))
        default: (a, b) = (ref.adding(days: 1), move(ref, n, u))
        }
        guard let a, let b else { return nil }
        return value(a.iso + "/" + b.iso, "range", kind + "-\(n)" + String(u), input)
    }
}
