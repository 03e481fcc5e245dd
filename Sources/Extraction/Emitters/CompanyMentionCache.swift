import NoteGraphCore

/// What one `CompanyEmitter.emit` call remembers of the companies it has met, so that a note
/// naming a company many times (a few hundred mentions of some sixty companies per note) pays
/// the node work once: each company's node id, looked up by its lexicon id or organisation key
/// (one hash instead of building `"company:" + id` and hashing that at every mention), and the
/// text of its last mention, reused when the next mention spells it with the same UTF-16 units
/// (the same units decode to the same String; a note writes "NVIDIA" the same way each time).
struct CompanyMentionCache {
    /// Lexicon id → slot.
    var byEntry: [String: Int] = [:]
    /// Normalised organisation key → slot.
    var byKey: [String: Int] = [:]
    /// Per slot: the node id.
    private(set) var ids: [String] = []
    /// Per slot: the UTF-16 range and text of its last mention.
    private var last: [(start: Int, end: Int, text: String)] = []

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
        last.reserveCapacity(capacity)
    }

    /// A new slot for a node id.
    mutating func add(_ id: String) -> Int {
        ids.append(id)
        last.append((0, 0, ""))
        return ids.count - 1
    }

    /// The text of `units[start..<end]`, a mention of the slot's company: its last mention's
    /// String when the units are the same, else decoded (and remembered).
    mutating func text(_ slot: Int, _ start: Int, _ end: Int, in text: DocumentText) -> String {
        let previous = last[slot]
        if previous.end - previous.start == end - start, end > start {
            let same = text.utf16.withUnsafeBufferPointer { units in
                for k in 0..<(end - start) where units[previous.start + k] != units[start + k] { return false }
                return true
            }
            if same { return previous.text }
        }
        let decoded = text.slice(start..<end)
        last[slot] = (start, end, decoded)
        return decoded
    }
}
