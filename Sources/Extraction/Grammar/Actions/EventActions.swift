import NoteGraphCore

/// Actions of the `actions` stage: the words that say something happened to or was done by a
/// company (`<action>` items), and the words that tie one event to another (`<link>` items).
/// The words are the rules' (actions/en.rules, actions/zh.rules); the `events` stage reads the
/// items. Values:
///
/// - `<action>`: `{"action": "launch", "tense": "past" | "present" | "planned" | "expected",
///   "core": [start, end], "modal": [start, end]}` (`modal` only when a plan or expect word
///   was captured). Rules say what the words around the verb mean by capture names:
///   `v` the verb itself (the mention's core, what a title quotes), `past` a past form or
///   marker before the verb (launched, 已), `done` one after it (了), `plan` a word that schedules it (will, plans to, 将, 计划, 拟),
///   `expect` a word that forecasts it (expected to, 预计, 有望).
/// - `event.not` claims a verb used otherwise (最新发布的报告, sold out) as a `word` item, so
///   no action is read there (as `company.not` does for names).
/// - `<link>`: `{"link": "CAUSES" | "PRECEDES", "reverse": false}`; `reverse` when the word
///   names the effect first ("driven by", 得益于, "follows"): the edge then runs from the event
///   after the word to the one before it.
enum EventActions {
    static let all: [GrammarAction] = [
        GrammarAction("event.action", dimension: "action",
                      summary: "an action word: `event.action launch` names the action; capture v is the verb (the core), past / done / plan / expect mark the tense (launched, 已; 了; will, 计划; expected to, 预计)",
                      checkArguments: { $0.count == 1 && isName($0[0]) ? nil : "takes one argument: the action's name in lower case (launch, acquire, raise)" }) { input in
            guard let v = input.capture("v") else { return nil }
            let tense = input.has("expect") ? "expected"
                : input.has("plan") ? "planned" : input.has("past") || input.has("done") ? "past" : "present"
            var value: [(String, JSONValue)] = [("action", .string(input.arguments[0])), ("tense", .string(tense)),
                                                ("core", .array([.int(Int(v.start)), .int(Int(v.end))]))]
            // The modal word itself, which a title keeps when other words stand between it and
            // the verb (计划于2026年量产: 计划 … 量产).
            if let m = input.capture("plan") ?? input.capture("expect") { value.append(("modal", .array([.int(Int(m.start)), .int(Int(m.end))]))) }
            return .object(value)
        },
        GrammarAction("event.not", dimension: "word",
                      summary: "capture c, a word that looks like an action but is not one here (最新发布的报告: attributive; sold out): no action") { input in
            guard let c = input.capture("c") else { return nil }
            return .object([("word", .string(input.view.string(c.start, c.end)))])
        },
        GrammarAction("event.link", dimension: "link",
                      summary: "a word tying two events: `event.link CAUSES` (导致, drives) or `event.link PRECEDES` (先于, precedes); a second argument `reverse` when the word names the effect or the later event first (driven by, follows)",
                      checkArguments: { args in
                          guard (1...2).contains(args.count), ["CAUSES", "PRECEDES"].contains(args[0]) else {
                              return "takes CAUSES or PRECEDES, optionally followed by reverse"
                          }
                          return args.count == 2 && args[1] != "reverse" ? "takes only `reverse` after the link type" : nil
                      }) { input in
            .object([("link", .string(input.arguments[0])), ("reverse", .bool(input.arguments.count == 2))])
        },
    ]

    /// An action name: lower-case ASCII letters and hyphens.
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
    }
}
