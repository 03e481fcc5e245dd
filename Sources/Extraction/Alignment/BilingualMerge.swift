import NoteGraphCore

/// One fact said in English and again in Chinese is one record with two mentions: $700B and
/// 7000亿美元, $2T+ and 逾2万亿美元. Inside each translated pair of runs (`BilingualRuns`), the
/// k-th figure of a value, unit and bounds in one language is matched with the k-th of the same
/// in the other; both then carry the same fields — period, metric, subject and change from
/// whichever side states them (English first), approximate if either is — so they become one
/// record, and the record says why (`aligned`).
enum BilingualMerge {
    static func figures(_ figures: inout [FigureContext.Figure], runs: BilingualRuns) {
        guard !runs.pairs.isEmpty else { return }
        // Per pair and key: the figures of each side, in text order.
        var sides: [String: [[Int]]] = [:]
        for (i, f) in figures.enumerated() {
            guard let (pair, side) = runs.place(of: f.start) else { continue }
            let key = "\(pair)|" + ["unit", "value", "low", "high"].map { f.item.value[$0]?.serialized ?? "null" }.joined(separator: "|")
            sides[key, default: [[], []]][side].append(i)
        }
        for key in sides.keys.sorted() {
            let (a, b) = (sides[key]![0], sides[key]![1])
            let pair = Int(key.prefix { $0 != "|" })!
            for (x, y) in zip(a, b) {
                let (english, other) = runs.pairs[pair].firstIsEnglish ? (x, y) : (y, x)
                var merged = figures[english]
                merged.period = merged.period ?? figures[other].period
                merged.metric = merged.metric ?? figures[other].metric
                merged.subject = merged.subject ?? figures[other].subject
                var value = merged.item.value
                if figures[other].item.value["approx"] == .bool(true) { value = set(value, "approx", .bool(true)) }
                if value["change"] == nil || value["change"] == .null, let change = figures[other].item.value["change"] {
                    value = set(value, "change", change)
                }
                value = set(value, "aligned", .string("the same value, unit and bounds in an English paragraph and its Chinese translation"))
                for i in [x, y] {
                    figures[i].period = merged.period
                    figures[i].metric = merged.metric
                    figures[i].subject = merged.subject
                    figures[i].item.value = value
                }
                // The translated side's mention says which English text it was aligned with.
                figures[other].translationOf = figures[english].start..<figures[english].end
            }
        }
    }

    static func set(_ value: JSONValue, _ key: String, _ new: JSONValue) -> JSONValue {
        guard case var .object(fields) = value else { return value }
        if let i = fields.firstIndex(where: { $0.0 == key }) { fields[i].1 = new } else { fields.append((key, new)) }
        return .object(fields)
    }
}
