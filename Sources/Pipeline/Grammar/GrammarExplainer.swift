import Extraction
import Foundation
import NoteGraphCore

/// What `notegraph grammar explain` prints: the tokens of a text, then per grammar stage every
/// candidate match with its rule and value (✓ for the winners), and every match an action
/// refused with the rule and the reason ("value beyond ±1e18", "2019-02-29 does not exist").
/// In the library rather than the command so that tests read exactly what a user reads.
public struct GrammarExplainer {
    public let settings: PipelineSettings

    public init(settings: PipelineSettings) { self.settings = settings }

    /// The explanation, one line per token, candidate and refusal.
    public func explain(_ text: String, referenceDate: String? = nil) throws -> String {
        let work = try GrammarWorkbench(settings: settings).run(text, through: "lexicon", referenceDate: referenceDate)
        guard let document = work.document, let segments = work.segments else { return "" }
        let t = document.text
        var lines = ["tokens:"]
        for (i, token) in segments.tokens.enumerated() {
            var entry = ""
            if token.lexiconEntry >= 0 {
                let e = work.lexicon.entries[Int(token.lexiconEntry)]
                entry = "  \(e.lexiconClass):\(e.id)"
                if let maker = e.property("maker")?.stringValue { entry += " (made by \(maker))" }
                if !e.candidates.isEmpty { entry += " (one of \(e.candidates.joined(separator: ", ")))" }
            }
            lines.append("  \(i)  \"\(token.text(in: t))\"  \(token.kind.name) \(token.script.name)\(entry)")
        }
        let view = DocumentView(text: t, segments: segments, lexicon: work.lexicon, referenceDate: document.date?.iso)
        for stage in settings.grammar.stageOrder {
            guard let matcher = settings.grammar.matchers[stage] else { continue }
            lines.append("\(stage):")
            var winners: [Item] = []
            let scratch = matcher.scratch(for: view)
            for sentence in segments.sentences {
                scratch.refused.removeAll()
                let (items, candidates) = matcher.match(view, sentence: sentence, scratch: scratch, keepCandidates: true)
                for c in candidates {
                    let won = items.contains { $0.rule == c.item.rule && $0.firstToken == c.item.firstToken && $0.endToken == c.item.endToken }
                    lines.append("  \(won ? "✓" : " ") \"\(t.slice(Int(c.item.start)..<Int(c.item.end)))\" tokens \(c.item.firstToken)..<\(c.item.endToken) \(c.item.rule) → \(c.item.value.serialized)")
                }
                for r in scratch.refused {
                    lines.append("  ✗ \"\(t.slice(Int(r.start)..<Int(r.end)))\" tokens \(r.firstToken)..<\(r.endToken) \(matcher.rules[r.rule].rule.id) refused: \(r.reason)")
                }
                winners += items
            }
            view.add(winners)
        }
        return lines.joined(separator: "\n")
    }
}
