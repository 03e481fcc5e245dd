import NoteGraphCore

/// Weeks and weekdays counted from the note's date: a weekday in a named week, the nth weekday
/// or week of a month, ISO weeks, the week holding a day, and stretches of days from a day.
extension RelativeDateActions {
    /// Weeks from the note's week for each kind of weekday.
    static let weekKinds = ["this": 0, "next": 1, "last": -1, "after-next": 2, "before-last": -2]

    static func weekday(_ input: ActionInput) -> JSONValue? {
        guard let ref = reference(input), let w = input.text("w").flatMap(DateText.weekday), let kind = input.arguments.first else { return nil }
        let day: CalendarDate?
        switch kind {
        case "nearest": day = ref.adding(days: -((ref.weekday - w + 7) % 7))
        case "upcoming":
            // The nth one after the note's date (two Sundays from now: the second).
            guard let n = count(input), n >= 1 else { return nil }
            day = ref.adding(days: (w - ref.weekday + 6) % 7 + 1 + 7 * (n - 1))
        case "dated":
            guard let d = input.text("d").flatMap(DateText.day) else { return nil }
            day = dated(w, d, near: ref)
        default:
            day = ref.adding(days: w - ref.weekday + 7 * (weekKinds[kind] ?? 0))
        }
        guard let day else { return nil }
        let relative = kind == "nearest" ? "weekday" : kind == "dated" ? "weekday-day" : kind == "upcoming" ? "upcoming-weekday" : kind + "-week-weekday"
        return value(day.iso, "day", relative, input)
    }

    /// Day `d` of the month nearest the note's date in which it falls on weekday `w` ("Monday
    /// the 21st", "Fri 13th"): the weekday says which month, so the note's own month only when
    /// its day `d` is that weekday. Such a month comes within 14 months either way (nil for
    /// a day no month has).
    static func dated(_ w: Int, _ d: Int, near ref: CalendarDate) -> CalendarDate? {
        var best: CalendarDate?
        for k in -14...14 {
            let (y, m) = CalendarDate.addMonths(k, toYear: ref.year, month: ref.month)
            guard let day = CalendarDate(year: y, month: m, day: d), day.weekday == w else { continue }
            if best.map({ abs(ref.daysUntil(day)) < abs(ref.daysUntil($0)) }) ?? true { best = day }
        }
        return best
    }

    /// The month a rule names: its captures m (and y, else the reference year), or with no m the
    /// reference month moved by the rule's argument (this-month, next-month, last-month); with
    /// the resolution used as `relative`, nil when the text gave the whole month.
    static func month(of input: ActionInput) -> (year: Int, month: Int, relative: String?)? {
        if let mt = input.text("m") {
            guard let m = DateText.month(mt) else { return nil }
            if let yt = input.text("y") {
                guard let y = DateText.year(yt) else { return nil }
                return (y, m, nil)
            }
            guard let ref = reference(input) else { return nil }
            return (ref.year, m, "this-year")
        }
        guard let ref = reference(input) else { return nil }
        let kind = input.arguments.first ?? "this-month"
        let (year, month) = CalendarDate.addMonths(kind == "next-month" ? 1 : kind == "last-month" ? -1 : 0, toYear: ref.year, month: ref.month)
        return (year, month, kind)
    }

    static func nth(_ input: ActionInput) -> JSONValue? {
        guard let w = input.text("w").flatMap(DateText.weekday), let nt = input.text("n") else { return nil }
        guard let (year, month, relative) = month(of: input) else { return nil }
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
        if !input.has("m") {
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

    static func span(_ input: ActionInput) -> JSONValue? {
        guard let ref = reference(input), let n = count(input), n >= 1, let u = unit(input.text("u")) else { return nil }
        var first: CalendarDate?
        if input.has("m") {
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
        return value(first.iso + "/" + last.iso, "range", !input.has("m") ? "span" : nil, input)
    }

    static func monthWeek(_ input: ActionInput) -> JSONValue? {
        guard let nt = input.text("n")?.lowercased() else { return nil }
        guard let (year, month, relative) = month(of: input) else { return nil }
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
}
