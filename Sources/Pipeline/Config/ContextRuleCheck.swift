import Extraction
import NoteGraphCore
import Segmentation

/// Ties the lexicon's shared names to the companies rules that decide them, before any note is
/// read: a shared name nobody decides would silently never be a company, and a rule naming an
/// entry that does not exist would silently do nothing.
enum ContextRuleCheck {
    static func check(lexicon: Lexicon, grammar: Grammar) throws {
        let rules = grammar.matchers["companies"]?.rules.map(\.rule).filter { $0.action == "company.entry" } ?? []
        var decided: Set<String> = []
        for rule in rules {
            let id = rule.arguments.first ?? ""
            guard lexicon.entry(ofClass: "company", id: id) != nil else {
                throw GrammarError(rule.actionPosition, "action company.entry names \"\(id)\", which is not a company of the lexicon")
            }
            decided.insert(id)
        }
        for entry in lexicon.entries(ofClass: "company") where !entry.sharedNames.isEmpty && !decided.contains(entry.id) {
            let (path, line) = LexiconLoader.split(entry.origin)
            throw InputError(path: path, location: "line \(line) (entry \(entry.id))",
                             "\"\(entry.sharedNames[0])\" is listed under \"ambiguous\" but no companies rule decides for this entry "
                                + "(a context rule with `action company.entry \(entry.id)`)")
        }
    }
}
