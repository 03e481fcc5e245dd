import NoteGraphCore

/// All rules of one stage compiled together. Each sentence is scanned once: at every token the
/// first-token index proposes the few rules that can start there, each proposal is run as a
/// memoised NFA (linear in the window), actions turn matches into values, and overlaps are
/// resolved — longest match (in characters) first, then higher priority, then earlier rule.
public final class StageMatcher: @unchecked Sendable {
    /// A class so that handing one to the matcher loop costs one reference count, not one per field.
    public final class CompiledRule: Sendable {
        public let rule: Rule
        let program: Program
        let action: GrammarAction
        /// Position in the stage: the last tie-breaker.
        let order: Int

        init(rule: Rule, program: Program, action: GrammarAction, order: Int) {
            self.rule = rule
            self.program = program
            self.action = action
            self.order = order
        }
    }

    public let stage: String
    public let rules: [CompiledRule]
    // The first-token index, split by key type so a token costs a few array reads.
    let byKind: [[Int32]]
    let byScript: [[Int32]]
    /// First UTF-16 unit → index into `unitLists` + 1 (0 = no rule).
    let unitSlot: [Int32]
    let unitLists: [[Int32]]
    let byLower: HashIndex
    let lowerLists: [[Int32]]
    let byClass: [String: [Int32]]
    let byDimension: [String: [Int32]]
    let unindexed: [Int32]
    /// The union of all rules' first keys (nil if a rule has none): most tokens start nothing,
    /// and this says so in a few loads.
    let startFilter: KeyFilter?
    /// Every token test of the stage's rules.
    let checks: CheckTable
    /// No match may span more tokens than this: keeps matching linear in sentence length.
    public static let window = 128

    init(stage: String, rules: [CompiledRule], checks: CheckTable) {
        self.stage = stage
        self.rules = rules
        self.checks = checks
        var byKind = [[Int32]](repeating: [], count: TokenKind.allCases.count)
        var byScript = [[Int32]](repeating: [], count: Script.allCases.count)
        var byUnit: [UInt16: [Int32]] = [:], byLower: [UInt64: [Int32]] = [:]
        var byClass: [String: [Int32]] = [:], byDimension: [String: [Int32]] = [:]
        var unindexed: [Int32] = []
        for (i, r) in rules.enumerated() {
            guard let keys = r.program.firstKeys else { unindexed.append(Int32(i)); continue }
            for k in keys {
                switch k {
                case let .kind(x): byKind[Int(x.rawValue)].append(Int32(i))
                case let .script(x): byScript[Int(x.rawValue)].append(Int32(i))
                case let .firstUnit(u): byUnit[u, default: []].append(Int32(i))
                case let .lower(h): byLower[h, default: []].append(Int32(i))
                case let .lexiconClass(c): byClass[c, default: []].append(Int32(i))
                case let .dimension(d): byDimension[d, default: []].append(Int32(i))
                }
            }
        }
        self.byKind = byKind
        self.byScript = byScript
        var slot = [Int32](repeating: 0, count: 65536)
        var lists: [[Int32]] = []
        for (u, rs) in byUnit { lists.append(rs); slot[Int(u)] = Int32(lists.count) }
        unitSlot = slot
        unitLists = lists
        let lowerPairs = Array(byLower)
        self.byLower = HashIndex(lowerPairs.enumerated().map { ($0.element.key, Int32($0.offset)) })
        lowerLists = lowerPairs.map(\.value)
        startFilter = unindexed.isEmpty ? KeyFilter(Set(rules.flatMap { $0.program.firstKeys ?? [] })) : nil
        self.byClass = byClass
        self.byDimension = byDimension
        self.unindexed = unindexed
    }

    /// Per-document working memory, reused across sentences (no allocation per sentence).
    public final class Scratch {
        var proposed: [Int]
        var list: [Int32] = []
        /// Optional so that `match` can move it out and back: a copy would share and then
        /// duplicate its buffers on the first write.
        var run: Run?
        init(view: DocumentView, rules: Int, checks: CheckTable, tokens: Range<Int>) {
            proposed = [Int](repeating: -1, count: rules)
            run = Run(view: view, checks: checks, tokens: tokens)
        }
    }

    /// Working memory for matching the sentences within `tokens` (default: the whole document).
    public func scratch(for view: DocumentView, tokens: Range<Int>? = nil) -> Scratch {
        Scratch(view: view, rules: rules.count, checks: checks, tokens: tokens ?? 0..<view.tokens.count)
    }

    /// A match before overlap resolution (kept for `grammar explain`).
    public struct Candidate {
        public var rule: Int
        public var item: Item
        var length: Int32
    }

    /// The winning items of this stage in one sentence, and (if asked) every candidate.
    public func match(_ view: DocumentView, sentence: Sentence, scratch: Scratch? = nil, keepCandidates: Bool = false) -> (items: [Item], candidates: [Candidate]) {
        let first = sentence.tokens.lowerBound, limit = sentence.tokens.upperBound
        guard first < limit else { return ([], []) }
        let scratch = scratch ?? self.scratch(for: view)
        // Work on locals (moved out of the class and back) so the loop pays no exclusivity checks.
        var proposed = scratch.proposed, list = scratch.list, run = scratch.run.take()!
        scratch.proposed = []; scratch.list = []
        defer { scratch.proposed = proposed; scratch.list = list; scratch.run = run }
        run.sentenceStart = first
        run.sentenceEnd = limit
        var candidates: [Candidate] = []
        let features = view.features
        for p in first..<limit {
            let f = features[p]
            if let startFilter, !startFilter.admits(f) { continue }
            list.removeAll(keepingCapacity: true)
            func add(_ rs: [Int32]?) {
                guard let rs else { return }
                for r in rs where proposed[Int(r)] != p { proposed[Int(r)] = p; list.append(r) }
            }
            add(byKind[Int(f.kind.rawValue)])
            add(byScript[Int(f.script.rawValue)])
            let slot = unitSlot[Int(f.firstUnit)]
            if slot > 0 { add(unitLists[Int(slot) - 1]) }
            if !byLower.isEmpty, let k = byLower[f.hash] { add(lowerLists[Int(k)]) }
            if !byClass.isEmpty, f.classBit != 0, let c = view.lexiconClass(p) { add(byClass[c]) }
            if !byDimension.isEmpty, f.dimensionBits != 0 {
                var i = view.firstItem[p]
                while i >= 0 { add(byDimension[view.items[Int(i)].dimension]); i = view.nextItem[Int(i)] }
            }
            add(unindexed)
            if list.isEmpty { continue }
            if list.count > 1 { list.sort() }
            for r in list {
                let compiled = rules[Int(r)]
                if let lookahead = compiled.program.lookahead, !lookahead.allows(view, features, at: p, limit: limit) { continue }
                run.begin(compiled.program, at: p)
                let end = run.best(compiled.program.entry, p)
                guard end > p else { continue }
                let captures = run.captures(compiled.program, end: end)
                let start = view.tokens[p].start, stop = view.tokens[end - 1].end
                let input = ActionInput(start: start, end: stop, captures: captures, arguments: compiled.rule.arguments,
                                        referenceDate: view.referenceDate, view: view)
                guard let value = compiled.action.run(input) else { continue }
                let item = Item(dimension: compiled.action.dimension, firstToken: Int32(p), endToken: Int32(end),
                                start: start, end: stop, value: value, rule: compiled.rule.id)
                candidates.append(Candidate(rule: Int(r), item: item, length: stop - start))
            }
        }
        return (resolve(candidates, tokens: first..<limit), keepCandidates ? candidates : [])
    }

    /// Longest first, then priority, then rule order; a token belongs to one winner at most.
    func resolve(_ candidates: [Candidate], tokens: Range<Int>) -> [Item] {
        if candidates.isEmpty { return [] }
        let ordered = candidates.sorted { a, b in
            if a.length != b.length { return a.length > b.length }
            let pa = rules[a.rule].rule.priority, pb = rules[b.rule].rule.priority
            if pa != pb { return pa > pb }
            if a.rule != b.rule { return rules[a.rule].order < rules[b.rule].order }
            return a.item.firstToken < b.item.firstToken
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var winners: [Item] = []
        for c in ordered {
            let range = (Int(c.item.firstToken) - tokens.lowerBound)..<(Int(c.item.endToken) - tokens.lowerBound)
            if range.contains(where: { taken[$0] }) { continue }
            for k in range { taken[k] = true }
            winners.append(c.item)
        }
        return winners.sorted { $0.firstToken < $1.firstToken }
    }
}
