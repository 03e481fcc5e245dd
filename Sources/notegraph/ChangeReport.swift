import GraphStore
import NoteGraphCore
import Pipeline

/// How `ingest` words what a run changed: per document for `--dry-run`, and the lines after
/// the summary (why documents were read, records added/changed/retired, verdicts moved or
/// orphaned).
enum ChangeReport {
    /// "3 company, 12 figure" in contract kind order.
    static func byKind(_ counts: [String: Int]) -> String {
        RecordKind.nodeKinds.compactMap { k in counts[k.rawValue].map { "\($0) \(k.rawValue)" } }.joined(separator: ", ")
    }

    static func counts(_ nodes: [StoreChanges.Node]) -> [String: Int] {
        var out: [String: Int] = [:]
        for n in nodes { out[n.kind, default: 0] += 1 }
        return out
    }

    /// Ids, up to a few.
    static func ids(_ nodes: [StoreChanges.Node], limit: Int = 6) -> String {
        let sorted = nodes.map(\.id).sorted()
        return sorted.prefix(limit).joined(separator: ", ") + (sorted.count > limit ? ", … \(sorted.count - limit) more" : "")
    }

    /// One document's changes: "+2 company, +9 figure; ~1 company; -1 figure (figure:…); edges +11 -1".
    static func describe(_ c: StoreChanges) -> String {
        var parts: [String] = []
        let added = c.added, changed = c.changed, retired = c.retired
        if !added.isEmpty {
            let restored = added.filter(\.restored)
            var text = "added " + byKind(counts(added))
            if c.document != .new { text += " (\(ids(added)))" }
            if !restored.isEmpty { text += ", \(restored.count) of them retired before" }
            parts.append(text)
        }
        if !changed.isEmpty { parts.append("changed " + byKind(counts(changed))) }
        if !retired.isEmpty { parts.append("retired " + byKind(counts(retired)) + " (\(ids(retired)))") }
        if c.edgesAdded + c.edgesRemoved > 0 { parts.append("edges +\(c.edgesAdded) -\(c.edgesRemoved)") }
        return parts.isEmpty ? "no record changes" : parts.joined(separator: "; ")
    }

    /// The lines after the one-line summary.
    static func lines(_ s: BatchImporter.Summary, dryRun: Bool) -> [String] {
        var out: [String] = []
        if !s.causes.isEmpty {
            let read = dryRun ? "would read" : "read"
            out.append(read + ": " + s.causes.map { "\($0.documents) because \($0.cause)" }.joined(separator: "; "))
        }
        for spared in s.spared {
            out.append("not read again: \(spared.documents) because \(spared.cause)")
        }
        let t = s.tally
        if t.isEmpty {
            out.append(dryRun ? "records: would not change" : "records: no changes")
        } else {
            var parts: [String] = []
            for (verb, counts) in [("added", t.added), ("changed", t.changed), ("retired", t.retired)] where !counts.isEmpty {
                parts.append("\(counts.values.reduce(0, +)) \(verb) (\(byKind(counts)))")
            }
            parts.append("edges +\(t.edgesAdded) -\(t.edgesRemoved)")
            out.append((dryRun ? "records that would change: " : "records: ") + parts.joined(separator: ", "))
        }
        for v in s.verdicts {
            let place = v.anchor.map { " at \($0.path) [\($0.start)..<\($0.end)] \"\($0.text)\"" } ?? ""
            switch v.kind {
            case .moved: out.append("verdict \(v.verdictID) \(dryRun ? "would move" : "moved") from \(v.from) to \(v.to ?? "?")\(place)")
            case .orphaned: out.append("verdict \(v.verdictID) on \(v.from) \(dryRun ? "would be" : "is") orphaned\(place) (see 'notegraph review orphaned')")
            case .reattached: out.append("verdict \(v.verdictID) \(dryRun ? "would be" : "is") on \(v.from) again")
            }
        }
        return out
    }
}
