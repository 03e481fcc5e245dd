import NoteGraphCore

/// Whether an event happened, is scheduled or is expected: a word that forecasts it (expected
/// to, 预计, 有望) makes it expected, one that plans it (will, plans to, 将, 计划) scheduled, a
/// past form (launched, 已) happened — even when its date is later than the note's, as when a
/// forecast for 2026 was raised; otherwise a date that starts after the reference date (the
/// article's dateline, else the note's date) makes it scheduled, and anything else happened.
enum EventStatus {
    static func of(date: String, tense: String?, reference: String?) -> String {
        if tense == "expected" { return "expected" }
        if tense == "planned" { return "scheduled" }
        if tense == "past" { return "happened" }
        guard let reference = reference.flatMap(CalendarDate.init(iso:)), let bounds = CalendarDate.bounds(date) else { return "happened" }
        return reference.daysUntil(bounds.first) > 0 ? "scheduled" : "happened"
    }
}
