import NoteGraphCore

/// The figure ids of one note by their key (`FigureEmitter.key`): a note states a quarter of
/// its figures more than once ("$700B" in the summary and the body), and the same key is the
/// same id, so its SHA-256 is taken once. Keys are found by an FNV-1a of their bytes and
/// compared whole, so no two keys ever share an id here that SHA-256 would not give them.
struct FigureIDs {
    private var known: [UInt64: [(key: [UInt8], id: String)]] = [:]

    /// The id of `key`, and whether the key is new in this note.
    mutating func id(of key: [UInt8]) -> (id: String, isNew: Bool) {
        var h = FNV1a.offset
        for b in key { h = (h ^ UInt64(b)) &* FNV1a.prime }
        if let same = known[h]?.first(where: { $0.key == key }) { return (same.id, false) }
        let id = StableID.make("figure", joinedUTF8: key)
        known[h, default: []].append((key, id))
        return (id, true)
    }
}
