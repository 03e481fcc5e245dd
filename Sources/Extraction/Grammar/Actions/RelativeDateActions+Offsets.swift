import NoteGraphCore

/// Days counted from another date: "3 days after January 12th", "2 weeks before Christmas",
/// "two months after next Friday", "Monday two weeks from now". The anchor is read by the
/// action the rule names (date.absolute, date.holiday, date.weekday, date.day) from the captures
/// the offset does not use, so each kind of anchor keeps its one reading and its conventions
/// (a yearless date is in the note's year, a bare weekday in the note's week).
extension RelativeDateActions {
    /// The captures the offset reads itself; every other capture is the anchor's.
    static let offsetCaptures: Set<String> = ["n", "u", "before", "after", "on", "at"]

    static func offset(_ input: ActionInput) -> JSONValue? {
        guard let n = count(input), let u = unit(input.text("u")), let kind = input.arguments.first,
              let reader = ActionRegistry.action("date." + kind) else { return nil }
        var anchor = input
        anchor.arguments = Array(input.arguments.dropFirst())
        anchor.captures = input.captures.filter { !offsetCaptures.contains($0.name) }
        anchor.prepared = nil
        // The anchor's first day: 2011 counts from 2011-01-01, as a week or month from its first day.
        guard case .object(let fields)? = reader.run(anchor), let date = fields.first(where: { $0.0 == "date" })?.1.stringValue,
              let first = CalendarDate.bounds(date)?.first else { return nil }
        let fortnights = input.text("u")?.lowercased().hasPrefix("fortnight") == true ? 2 : 1
        let k = (input.has("before") ? -n : n) * fortnights
        guard var day = move(first, k, u) else { return nil }
        // "… on Friday": that weekday of the Monday-to-Sunday week the count lands in.
        if let on = input.text("on") {
            guard let w = DateText.weekday(on), let moved = day.adding(days: w - day.weekday) else { return nil }
            day = moved
        }
        let relative = fields.first { $0.0 == "relative" }?.1.stringValue.map { $0 + signed(k) + String(u) }
        return value(day.iso, "day", relative, input)
    }
}
