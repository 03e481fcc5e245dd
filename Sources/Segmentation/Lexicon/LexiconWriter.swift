import NoteGraphCore

/// Writes a company entry back as one lexicon line (the format LexiconLoader reads), for the
/// corrections `notegraph lexicon` stores. Chinese names go under `zh_hans`, other names under
/// `aliases`: the loader matches every name the same way, whichever key holds it.
public enum LexiconWriter {
    public static func line(_ e: LexiconEntry) -> String {
        let others = e.terms.filter { $0 != e.name && !e.tickers.contains($0) }
        let han = others.filter { $0.unicodeScalars.contains { $0.value <= 0xFFFF && LexiconOverlay.isHan(UInt16($0.value)) } }
        var fields: [(String, JSONValue)] = [("id", .string(e.id)), ("name", .string(e.name))]
        if let type = e.property("type") { fields.append(("type", type)) }
        if !han.isEmpty { fields.append(("zh_hans", .array(han.map(JSONValue.string)))) }
        let latin = others.filter { !han.contains($0) }
        if !latin.isEmpty { fields.append(("aliases", .array(latin.map(JSONValue.string)))) }
        if !e.tickers.isEmpty { fields.append(("tickers", .array(e.tickers.map(JSONValue.string)))) }
        for key in ["sector", "region", "parent", "fy_end"] {
            if let v = e.property(key) { fields.append((key, v)) }
        }
        if !e.sharedNames.isEmpty { fields.append(("ambiguous", .array(e.sharedNames.map(JSONValue.string)))) }
        return JSONValue.object(fields).serialized
    }
}
