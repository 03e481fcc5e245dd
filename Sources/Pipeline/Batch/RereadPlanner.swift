import GraphStore
import NoteGraphCore

/// Decides whether a stored document whose bytes are unchanged must be read again after a
/// pipeline change, and says why.
///
/// A new engine version, another stage list or options, or any grammar change re-read every
/// document: a rule can match anywhere and feeds later stages, so which documents it affects
/// cannot be known without running it. A lexicon change re-reads only the documents whose text
/// contains a name of an entry that changed (or of an entry naming it as parent or maker);
/// the others keep their records and take the new version. Without a record of the lexicon a
/// document was read with, it is re-read.
final class RereadPlanner {
    enum Decision: Equatable {
        case unchanged
        /// Not re-read: the change cannot affect it. The cause is shared by every such document.
        case spared(cause: String)
        /// Re-read: the cause is shared by the documents it applies to, the detail is this one's.
        case reread(cause: String, detail: String?)
    }

    let current: PipelineVersion
    let store: GraphStore
    let lexicon: () -> LexiconSnapshot
    let grammar: () throws -> GrammarSnapshot
    private var lexiconChanges: [String: (LexiconChange, NameScanner)?] = [:]
    private var grammarCauses: [String: String] = [:]

    init(current: PipelineVersion, store: GraphStore, lexicon: @escaping () -> LexiconSnapshot, grammar: @escaping () throws -> GrammarSnapshot) {
        self.current = current
        self.store = store
        self.lexicon = lexicon
        self.grammar = grammar
    }

    func decide(_ stored: StoredSource) throws -> Decision {
        if stored.pipelineVersion == current.string { return .unchanged }
        guard let old = PipelineVersion(parsing: stored.pipelineVersion) else {
            return .reread(cause: "it was read by an older pipeline whose version has no parts", detail: nil)
        }
        if old.engine != current.engine { return .reread(cause: "the engine changed (\(old.engine) → \(current.engine))", detail: nil) }
        if old.stages != current.stages { return .reread(cause: "the stages or their options in pipeline.json changed", detail: nil) }
        if old.grammar != current.grammar { return .reread(cause: try grammarCause(since: old.grammar), detail: nil) }
        guard let (change, scanner) = try lexiconChange(since: old.lexicon) else {
            return .reread(cause: "the lexicon changed (the store has no record of the one it was read with)", detail: nil)
        }
        let cause = "the lexicon changed (\(change.summary))"
        if change.isEmpty { return .spared(cause: "the lexicon changed only where no record can show it") }
        guard let text = try store.documentText(id: stored.documentID) else { return .reread(cause: cause, detail: nil) }
        if let name = scanner.firstName(in: text) { return .reread(cause: cause, detail: "contains \"\(name)\"") }
        return .spared(cause: cause + " and they contain none of its \(change.names.count) names")
    }

    private func grammarCause(since fingerprint: String) throws -> String {
        if let cause = grammarCauses[fingerprint] { return cause }
        var cause = "the grammar changed"
        if let text = try store.snapshot(part: "grammar", fingerprint: fingerprint), let old = GrammarSnapshot(json: text) {
            cause += " (\(try grammar().changes(since: old)))"
        }
        grammarCauses[fingerprint] = cause
        return cause
    }

    private func lexiconChange(since fingerprint: String) throws -> (LexiconChange, NameScanner)? {
        if let cached = lexiconChanges[fingerprint] { return cached }
        var result: (LexiconChange, NameScanner)?
        if let text = try store.snapshot(part: "lexicon", fingerprint: fingerprint), let old = LexiconSnapshot(json: text),
           old.classes == lexicon().classes {
            // A new or vanished lexicon class changes how rules compile: no narrowing then.
            let change = LexiconChange(from: old, to: lexicon())
            result = (change, NameScanner(change.names))
        }
        lexiconChanges[fingerprint] = result
        return result
    }
}
