import Extraction
import NoteGraphCore
import Segmentation

/// Ties the rules to the lexicon before any note is read: a shared name nobody decides would
/// silently never be a company, and a rule naming an entry that does not exist (`entry:amazn`,
/// `company.entry nobody`) would silently do nothing.
enum ContextRuleCheck {
    static func check(lexicon: Lexicon, grammar: Grammar) throws {
        // `entry:ID` in any rule must name an entry: a misspelt id would never match.
        let ids = Set(lexicon.entries.map(\.id))
        for matcher in grammar.matchers.values {
            for compiled in matcher.rules {
                try checkEntries(compiled.rule.pattern, ids: ids)
            }
        }
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

    static func checkEntries(_ p: Pattern, ids: Set<String>) throws {
        switch p {
        case let .token(test, position):
            for id in entries(in: test) where !ids.contains(id) {
                throw GrammarError(position, "entry:\(id) names no lexicon entry")
            }
        case let .sequence(items), let .alternation(items):
            for item in items { try checkEntries(item, ids: ids) }
        case let .repetition(inner, _, _, _), let .capture(_, inner, _):
            try checkEntries(inner, ids: ids)
        default:
            break
        }
    }

    static func entries(in test: TokenTest) -> [String] {
        switch test {
        case let .entry(id): return [id]
        case let .not(inner): return entries(in: inner)
        case let .and(parts), let .or(parts): return parts.flatMap(entries)
        default: return []
        }
    }
}
