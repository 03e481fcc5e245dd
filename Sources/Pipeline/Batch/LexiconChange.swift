/// How the lexicon in force differs from one a document was read with, as the names whose
/// matches can differ. Lexicon matching is exact (case-sensitive, on the stored normalised
/// text), so a document that contains none of these names reads the same under both lexicons
/// and need not be read again.
struct LexiconChange {
    /// `class/id` of entries added, removed or altered, sorted.
    var added: [String] = []
    var removed: [String] = []
    var altered: [String] = []
    /// Names of the changed entries and of entries that name them as parent or maker (a
    /// company's node carries its parent's), under both lexicons.
    var names: Set<String> = []

    init(from old: LexiconSnapshot, to new: LexiconSnapshot) {
        var changed: Set<String> = []
        for (key, entry) in new.entries {
            if let before = old.entries[key] {
                if before.digest != entry.digest { altered.append(key); changed.insert(key) }
            } else {
                added.append(key)
                changed.insert(key)
            }
        }
        for key in old.entries.keys where new.entries[key] == nil {
            removed.append(key)
            changed.insert(key)
        }
        added.sort(); removed.sort(); altered.sort()
        // Entries whose parent or maker chain reaches a changed entry change with it.
        var affected = changed
        var grew = true
        while grew {
            grew = false
            for snapshot in [old, new] {
                for (key, entry) in snapshot.entries where !affected.contains(key) && entry.refs.contains(where: affected.contains) {
                    affected.insert(key)
                    grew = true
                }
            }
        }
        for key in affected {
            names.formUnion(old.entries[key]?.names ?? [])
            names.formUnion(new.entries[key]?.names ?? [])
        }
    }

    var isEmpty: Bool { added.isEmpty && removed.isEmpty && altered.isEmpty }

    /// "company/zentrix added, company/nvidia altered", shortened past a few entries.
    var summary: String {
        let parts = added.map { $0 + " added" } + altered.map { $0 + " altered" } + removed.map { $0 + " removed" }
        return parts.count <= 4 ? parts.joined(separator: ", ") : parts.prefix(3).joined(separator: ", ") + " and \(parts.count - 3) more entries"
    }
}
