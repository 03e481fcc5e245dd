import NoteGraphCore

/// A pipeline stage that runs one grammar stage's rules (`numbers`, `figures`, `companies`)
/// over every sentence and keeps the winning items for later stages; items of a dimension that
/// has records (companies) are emitted as nodes and mentions.
public struct GrammarStage: Stage {
    public let name: String
    public let requires: [Artifact] = [.lexiconTokens]
    public let provides: [Artifact]
    public let matcher: StageMatcher
    /// Per-rule costs are added here when set (`notegraph grammar profile`).
    public let profile: RuleProfile?

    public init(matcher: StageMatcher, profile: RuleProfile? = nil) {
        name = matcher.stage
        self.matcher = matcher
        self.profile = profile
        provides = matcher.stage == "companies" ? [.companies] : []
    }

    public func run(_ work: inout DocumentWork) throws {
        let document = try work.requireDocument(name)
        let segments = try work.requireSegments(name)
        let shared = (work.matchState as? DocumentView).flatMap { $0.items.count <= work.items.count ? $0 : nil }
        let view = shared ?? DocumentView(text: document.text, segments: segments, lexicon: work.lexicon, referenceDate: document.date?.iso,
                                          vocabulary: matcher.vocabulary)
        work.matchState = view
        view.add(work.items[view.items.count...])
        // Sentences are matched independently, so a long document is cut into runs of sentences,
        // a few per core, handed out as the cores finish; their items concatenate in sentence
        // order as a single pass would give. Each core keeps one scratch for all its runs.
        let sentences = segments.sentences
        let groups = view.sentenceGroups ?? Self.groups(sentences, tokens: view.tokens.count, parts: Parallel.cores * Self.piecesPerCore)
        view.sentenceGroups = groups
        let matcher = self.matcher, profile = self.profile, all = 0..<view.tokens.count
        let runs = try Parallel.map(groups.count, state: { matcher.scratch(for: view, tokens: all, profiling: profile != nil) },
                                    done: { scratch in if let profile { matcher.collect(scratch, into: profile) } }) { scratch, g in
            // The run's items (numbered by the matcher) in one list: they are copied once, into
            // the document's items (copying pays reference counts).
            var found: [Item] = []
            found.reserveCapacity(64)   // not grown through 1, 2, 4 … 32 in every run
            matcher.match(view, sentences: sentences, groups[g], scratch: scratch, into: &found)
            return found
        }
        let first = work.items.count
        view.add(runs, to: &work.items)
        CompanyEmitter.emit(work.items[first...], tokens: segments.tokens, sentences: segments.sentences, into: &work, document: document)
    }

    /// Documents of fewer tokens than this are matched in one piece (splitting costs a
    /// dispatch per stage, some tens of microseconds; a page of text takes milliseconds).
    static let parallelThreshold = 1024

    /// Pieces per core a long document is cut into: handed out as they finish, so a piece that
    /// costs more (a table of figures) does not leave the other core waiting.
    static let piecesPerCore = 4

    /// Runs of consecutive sentences of about equal token counts, `parts` of them (at most).
    static func groups(_ sentences: [Sentence], tokens: Int, parts: Int = Parallel.cores) -> [Range<Int>] {
        guard !sentences.isEmpty else { return [] }
        guard tokens >= parallelThreshold, Parallel.cores > 1 else { return [0..<sentences.count] }
        var groups: [Range<Int>] = []
        var start = 0
        for (i, s) in sentences.enumerated() where groups.count < parts - 1 {
            if s.tokens.upperBound >= tokens * (groups.count + 1) / parts, i + 1 > start {
                groups.append(start..<(i + 1))
                start = i + 1
            }
        }
        if start < sentences.count { groups.append(start..<sentences.count) }
        return groups
    }
}
