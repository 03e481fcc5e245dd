import NoteGraphCore

/// Actions of the `cue` and `modal` dimensions, which the claims stage turns into claim records.
/// A cue says who asserts what follows (or precedes) it: `{"cue": kind, "verb": …, "source": …}`
/// with the source a company id (capture `src`), a person's name (`p`) or a description (`who`:
/// 知情人士, "analysts"); no source means the note's author. A modal marks a claim's modality:
/// `{"modal": "forecast" | "hedge" | "negation"}`.
enum ClaimActions {
    static let cueKinds: Set<String> = ["say", "forecast", "opinion", "according", "block"]
    static let modalKinds: Set<String> = ["forecast", "hedge", "negation"]

    static let all: [GrammarAction] = [
        GrammarAction("claim.cue", dimension: "cue",
                      summary: "an attribution cue of kind say, forecast, opinion, according (据…报道, according to X) or block (主要观点如下: the sentences after it); source from capture src (company), p (person) or who (a description); verb from capture c",
                      checkArguments: { $0.count == 1 && cueKinds.contains($0[0]) ? nil : "takes one argument: say, forecast, opinion, according or block" }) { input in
            var fields: [(String, JSONValue)] = [("cue", .string(input.arguments[0]))]
            if let verb = input.text("c") { fields.append(("verb", .string(verb))) }
            fields.append(("source", source(input).map(JSONValue.string) ?? .null))
            if let org = input.value("org").flatMap(CompanyEmitter.nodeID(ofValue:)) { fields.append(("organisation", .string(org))) }
            return .object(fields)
        },
        GrammarAction("claim.modal", dimension: "modal",
                      summary: "a word that sets a claim's modality: forecast (将, will), hedge (可能, could) or negation (不, not)",
                      checkArguments: { $0.count == 1 && modalKinds.contains($0[0]) ? nil : "takes one argument: forecast, hedge or negation" }) { input in
            .object([("modal", .string(input.arguments[0]))])
        },
    ]

    /// Who the cue names: a company's node id, else a person's name, else the description.
    static func source(_ input: ActionInput) -> String? {
        if let company = input.value("src").flatMap(CompanyEmitter.nodeID(ofValue:)) { return company }
        for name in ["p", "who"] {
            if let text = input.text(name) { return text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        }
        return nil
    }
}
