import NoteGraphCore

/// The figure ids of one note by their key (`FigureEmitter.key`): a note states a quarter of
/// its figures more than once ("$700B" in the summary and the body), and the same key is the
/// same id, so its SHA-256 is taken once.
struct FigureIDs {
    /// A key hashed once by FNV-1a: `[UInt8]`'s own hashing feeds the hasher a byte at a time,
    /// which cost as much as the SHA-256 it saves. Equal keys are still compared whole.
    private struct Key: Hashable {
        let bytes: [UInt8]
        func hash(into hasher: inout Hasher) { hasher.combine(FNV1a.hash(bytes)) }
    }

    private var known: [Key: String] = [:]

    /// The id of `key`, and whether the key is new in this note.
    mutating func id(of key: [UInt8]) -> (id: String, isNew: Bool) {
        if let id = known[Key(bytes: key)] { return (id, false) }
        let id = StableID.make("figure", joinedUTF8: key)
        known[Key(bytes: key)] = id
        return (id, true)
    }
}
