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
    /// First UTF-16 unit (folded) → index into `unitLists` + 1 (0 = no rule).
    let unitSlot: [Int32]
    let unitLists: [[Int32]]
    let byLower: [UInt64: [Int32]]
    let byClass: [String: [Int32]]
    let byDimension: [String: [Int32]]
    let unindexed: [Int32]
    /// No match may span more tokens than this: keeps matching linear in sentence length.
    public static let window = 128

    init(stage: String, rules: [CompiledRule]) {
        self.stage = stage
        self.rules = rules
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
        self.byLower = byLower
        self.byClass = byClass
        self.byDimension = byDimension
        self.unindexed = unindexed
    }

    /// Per-document working memory, reused across sentences (no allocation per sentence).
    public final class Scratch {
        var proposed: [Int]
        var list: [Int32] = []
        var run: Run
        init(view: DocumentView, rules: Int) {
            proposed = [Int](repeating: -1, count: rules)
            run = Run(view: view)
        }
    }

    public func scratch(for view: DocumentView) -> Scratch { Scratch(view: view, rules: rules.count) }

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
        var proposed = scratch.proposed, list = scratch.list, run = scratch.run
        scratch.proposed = []; scratch.list = []
        defer { scratch.proposed = proposed; scratch.list = list; scratch.run = run }
        run.sentenceStart = first
        run.sentenceEnd = limit
        var candidates: [Candidate] = []
        let units = view.text.utf16
        for p in first..<limit {
            list.removeAll(keepingCapacity: true)
            func add(_ rs: [Int32]?) {
                guard let rs else { return }
                for r in rs where proposed[Int(r)] != p { proposed[Int(r)] = p; list.append(r) }
            }
            let token = view.tokens[p]
            add(byKind[Int(token.kind.rawValue)])
            add(byScript[Int(token.script.rawValue)])
            let slot = unitSlot[Int(TokenKeys.fold(units[Int(token.start)]))]
            if slot > 0 { add(unitLists[Int(slot) - 1]) }
            if !byLower.isEmpty { add(byLower[view.lowerHash[p]]) }
            if !byClass.isEmpty, let c = view.lexiconClass(p) { add(byClass[c]) }
            if !byDimension.isEmpty, let items = view.itemsAt[Int32(p)] {
                for i in items { add(byDimension[view.items[Int(i)].dimension]) }
            }
            add(unindexed)
            if list.isEmpty { continue }
            if list.count > 1 { list.sort() }
            for r in list {
                let compiled = rules[Int(r)]
                run.begin(compiled.program, at: p)
                let end = run.best(compiled.program.entry, p)
                guard end > p else { continue }
                let captures = run.captures(compiled.program, end: end)
                let start = view.tokens[p].start, stop = view.tokens[end - 1].end
                let input = ActionInput(start: start, end: stop, captures: captures, arguments: compiled.rule.arguments,
                                        referenceDate: view.referenceDate, view: view)
                guard let value = compiled.action.run(input) else { continue }
                let item = Item(dimension: compiled.action.dimension, firstToken: Int32(p), endToken: Int32(end),
                                start: start, end: stop, value: value, rule: compiled.rule.id, captures: captures)
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

/// The memo of one (rule, start) attempt: `best(pc, pos)` is the furthest token a match can end
/// at from there (−1 if none). Each (pc, pos) pair is computed once per attempt, so an attempt
/// costs at most program size × window steps however the pattern nests.
struct Run {
    let view: DocumentView
    var sentenceStart = 0, sentenceEnd = 0
    var start = 0
    var end = 0
    var width = 0
    var generation: UInt32 = 0
    var stamp: [UInt32] = []
    var memo: [Int32] = []
    var instructions: [Instruction] = []

    init(view: DocumentView) { self.view = view }

    mutating func begin(_ program: Program, at p: Int) {
        start = p
        end = min(sentenceEnd, p + StageMatcher.window)
        width = end - start + 1
        instructions = program.instructions
        let need = program.instructions.count * width
        if stamp.count < need {
            stamp = [UInt32](repeating: 0, count: need)
            memo = [Int32](repeating: -1, count: need)
            generation = 0
        }
        generation &+= 1
        if generation == 0 {
            for i in stamp.indices { stamp[i] = 0 }
            generation = 1
        }
    }

    mutating func best(_ pc: Int, _ pos: Int) -> Int {
        let key = pc * width + (pos - start)
        if stamp[key] == generation { return Int(memo[key]) }
        var r = -1
        switch instructions[pc] {
        case .match: r = pos
        case let .token(test, next):
            if pos < end, view.passes(test, pos) { r = best(next, pos + 1) }
        case let .literal(lit, next):
            if pos < end, let k = view.literal(lit, from: pos, limit: end) { r = best(next, k) }
        case let .dimension(d, next):
            if pos < end, let items = view.itemsAt[Int32(pos)] {
                for i in items {
                    let item = view.items[Int(i)]
                    if item.dimension == d, Int(item.endToken) <= end { r = max(r, best(next, Int(item.endToken))) }
                }
            }
        case let .split(a, b): r = max(best(a, pos), best(b, pos))
        case let .save(_, next): r = best(next, pos)
        case let .assertStart(next): if pos == sentenceStart { r = best(next, pos) }
        case let .assertEnd(next): if pos == sentenceEnd { r = best(next, pos) }
        }
        stamp[key] = generation
        memo[key] = Int32(r)
        return r
    }

    /// Follows one path to `target` (the first alternative that reaches it, so quantifiers are
    /// greedy) and reads the capture slots on the way.
    mutating func captures(_ program: Program, end target: Int) -> [String: Capture] {
        if program.captureNames.isEmpty { return [:] }
        var slots = [Int](repeating: -1, count: program.captureNames.count * 2)
        var consumedItem: [Int: Int32] = [:]   // start token → item used there
        var pc = program.entry, pos = start
        loop: while true {
            switch instructions[pc] {
            case .match: break loop
            case let .token(_, next): pc = next; pos += 1
            case let .literal(lit, next): pos = view.literal(lit, from: pos, limit: end) ?? pos; pc = next
            case let .dimension(d, next):
                for i in view.itemsAt[Int32(pos)] ?? [] {
                    let item = view.items[Int(i)]
                    if item.dimension == d, Int(item.endToken) <= end, best(next, Int(item.endToken)) == target {
                        consumedItem[pos] = i
                        pos = Int(item.endToken)
                        break
                    }
                }
                pc = next
            case let .split(a, b): pc = best(a, pos) == target ? a : b
            case let .save(slot, next): slots[slot] = pos; pc = next
            case let .assertStart(next), let .assertEnd(next): pc = next
            }
        }
        var out: [String: Capture] = [:]
        for (k, name) in program.captureNames.enumerated() {
            let a = slots[2 * k], b = slots[2 * k + 1]
            guard a >= 0, b > a else { continue }
            let s = view.tokens[a].start, e = view.tokens[b - 1].end
            var value: JSONValue?
            if let i = consumedItem[a], Int(view.items[Int(i)].endToken) == b { value = view.items[Int(i)].value }
            out[name] = Capture(firstToken: Int32(a), endToken: Int32(b), start: s, end: e, text: view.string(s, e), value: value)
        }
        return out
    }
}
