import NoteGraphCore

/// Parts of periods (early, mid, late, the rest of, to date), decades, seasons, holidays and
/// open ranges: the periods research notes name by words rather than by numbers.
extension RelativeDateActions {
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
            let n = !input.has("n") ? 1 : count(input) ?? 0
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
