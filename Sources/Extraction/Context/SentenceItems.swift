import NoteGraphCore

/// The items `FigureContext` reads, grouped by sentence and sorted out by dimension once, as
/// indices into the document's items: a figure's search for its metric, period and subject
/// filtered and copied its sentence's items (three strings and a JSON value each) again for
/// every figure, and compared dimension names all the way.
struct SentenceItems {
    /// One sentence's figures, metrics, periods (dates that can be one) and companies, each
    /// in the order of the document's items; `jpy`: a hint in it says the currency is yen.
    struct Group {
        var sentence: Int32
        var figures: [Int] = []
        var metrics: [Int] = []
        var dates: [Int] = []
        var companies: [Int] = []
        var jpy = false
    }

    /// The sentences that hold any of these items, in sentence order.
    private(set) var groups: [Group] = []

    init(_ items: [Item]) {
        var entries: [(sentence: Int32, index: Int)] = []
        entries.reserveCapacity(items.count)
        for i in items.indices where Self.wanted(items[i].dimension) { entries.append((items[i].sentence, i)) }
        // A total order (the index breaks ties), so the groups keep the items' order.
        entries.sort { $0.sentence != $1.sentence ? $0.sentence < $1.sentence : $0.index < $1.index }
        for (sentence, i) in entries {
            if groups.last?.sentence != sentence { groups.append(Group(sentence: sentence)) }
            let last = groups.count - 1
            switch items[i].dimension {
            case "figure": groups[last].figures.append(i)
            case "metric": groups[last].metrics.append(i)
            case "company": groups[last].companies.append(i)
            case "date":
                // Datelines date an article, not a figure.
                if items[i].value["dateline"] != .bool(true), items[i].value["date"]?.stringValue != nil { groups[last].dates.append(i) }
            default:
                if items[i].value["currency"]?.stringValue == "JPY" { groups[last].jpy = true }
            }
        }
    }

    /// Dimensions a figure's context comes from (`hint`: the currency a sentence is in).
    static func wanted(_ dimension: String) -> Bool {
        switch dimension {
        case "figure", "metric", "date", "company", "hint": return true
        default: return false
        }
    }
}
