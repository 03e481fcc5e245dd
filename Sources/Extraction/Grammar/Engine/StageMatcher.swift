import NoteGraphCore

/// All rules of one stage compiled together. Each sentence is scanned once: at every token the
/// first-token index proposes the few rules that can start there, each proposal is run as a
/// memoised NFA (linear in the window), actions turn matches into values, and overlaps are
/// resolved — longest match (in characters) first, then higher priority, then earlier rule.
public final class StageMatcher: @unchecked Sendable {
    public struct CompiledRule: Sendable {
        public let rule: Rule
        let program: Program
        let action: GrammarAction
        /// Position in the stage: the last tie-breaker.
        let order: Int
    }

    public let stage: String
    public let rules: [CompiledRule]
    let index: [FirstKey: [Int32]]
    let unindexed: [Int32]
    /// No match may span more tokens than this: keeps matching linear in sentence length.
    public static let window = 128

    init(stage: String, rules: [CompiledRule]) {
        self.stage = stage
        self.rules = rules
        var index: [FirstKey: [Int32]] = [:]
        var unindexed: [Int32] = []
        for (i, r) in rules.enumerated() {
            if let keys = r.program.firstKeys {
                for k in keys { index[k, default: []].append(Int32(i)) }
            } else {
                unindexed.append(Int32(i))
            }
        }
        self.index = index
        self.unindexed = unindexed
    }

    /// A match before overlap resolution (kept for `grammar explain`).
    public struct Candidate {
        public var rule: Int
        public var item: Item
        var length: Int32
    }

    /// The winning items of this stage in one sentence, and (if asked) every candidate.
    public func match(_ view: DocumentView, sentence: Sentence, keepCandidates: Bool = false) -> (items: [Item], candidates: [Candidate]) {
        let first = sentence.tokens.lowerBound, limit = sentence.tokens.upperBound
        guard first < limit else { return ([], []) }
        var run = Run(view: view, sentenceStart: first, sentenceEnd: limit)
        var candidates: [Candidate] = []
        var proposed = [Int](repeating: -1, count: rules.count)
        var list: [Int32] = []
        for p in first..<limit {
            list.removeAll(keepingCapacity: true)
            func add(_ key: FirstKey) {
                guard let rs = index[key] else { return }
                for r in rs where proposed[Int(r)] != p { proposed[Int(r)] = p; list.append(r) }
            }
            let token = view.tokens[p]
            add(.lower(view.lowerHash[p]))
            add(.firstUnit(TokenKeys.fold(view.text.utf16[Int(token.start)])))
            add(.kind(token.kind))
            if let c = view.lexiconClass(p) { add(.lexiconClass(c)) }
            if let items = view.itemsAt[Int32(p)] { for i in items { add(.dimension(view.items[Int(i)].dimension)) } }
            for r in unindexed where proposed[Int(r)] != p { proposed[Int(r)] = p; list.append(r) }
            if list.count > 1 { list.sort() }
            for r in list {
                let compiled = rules[Int(r)]
                run.begin(compiled.program, at: p)
                let end = run.best(compiled.program.entry, p)
                guard end > p else { continue }
                let captures = run.captures(compiled.program, end: end)
                let start = view.tokens[p].start, stop = view.tokens[end - 1].end
                let input = ActionInput(text: view.string(start, stop), captures: captures, arguments: compiled.rule.arguments,
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
    let sentenceStart: Int, sentenceEnd: Int
    var start = 0
    var end = 0
    var width = 0
    var generation: UInt32 = 0
    var stamp: [UInt32] = []
    var memo: [Int32] = []
    var instructions: [Instruction] = []

    init(view: DocumentView, sentenceStart: Int, sentenceEnd: Int) {
        self.view = view
        self.sentenceStart = sentenceStart
        self.sentenceEnd = sentenceEnd
    }

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
        case let .jump(a): r = best(a, pos)
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
            case let .jump(a): pc = a
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
