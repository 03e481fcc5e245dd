import NoteGraphCore

/// What a figure's id is made of: `name=<JSON value>` for each of its properties in contract
/// order, after the note's id when the figure is only known within its note, joined by U+001F.
/// Written as UTF-8 into one buffer, as `StableID.make(_:joinedUTF8:)` takes it: a String per
/// property joined into another cost more than the hash.
enum FigureKey {
    /// The properties, in contract order. Not `aligned`: why two mentions are one record is
    /// said, not part of what the record is.
    static let names = ["value", "unit", "approx", "low", "high", "period", "metric", "subject", "change"]

    /// `name=` for each, after the separator but for the first: one copy per property.
    private static let labels: [[UInt8]] = names.indices.map { Array((($0 > 0 ? "\u{1F}" : "") + names[$0] + "=").utf8) }

    /// The key of the properties' `values` (in the order of `names`).
    static func bytes(_ values: [JSONValue], document: String?) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(256)
        if let document {
            JSONValue.append(document, to: &key)
            key.append(0x1F)
        }
        for i in values.indices {
            key.append(contentsOf: labels[i])
            values[i].write(utf8: &key)
        }
        return key
    }
}
