import NoteGraphCore

/// Why a mention is in its record, as `notegraph show` says it: the cause kept with the mention
/// (aligned, near-duplicate, user) or, when none, the normalised key its id is made of — the
/// fields depend on the kind (the emitters in Sources/Extraction/Emitters and Events).
enum MergeExplanation {
    static func why(_ m: Mention, kind: String) -> String {
        guard let merge = m.merge else { return "same normalised key: " + (keys[kind] ?? "the record's id") }
        switch merge.cause {
        case .aligned: return "aligned EN/ZH: " + merge.detail
        case .nearDuplicate: return "near-duplicate: " + merge.detail
        case .user: return "merged by the user: " + merge.detail
        }
    }

    static let keys: [String: String] = [
        "company": "the lexicon entry (or, for an organisation found by its form, its normalised name)",
        "figure": "value, unit, approx, bounds, period, metric, subject and change (and the note, unless it has a period and a metric or subject)",
        "event": "date, companies and action (or, within one note, date and title)",
        "claim": "source and text (case and spacing folded)",
    ]
}
