import NoteGraphCore

/// The memo of one (rule, start) attempt: `best(pc, pos)` is the furthest token a match can end
/// at from there (−1 if none). Each (pc, pos) pair is computed once per attempt, so an attempt
/// costs at most program size × window steps however the pattern nests.
struct Run {
    let view: DocumentView
    let checks: CheckTable
    /// Results of the stage's dear checks per token of `base…`: 0 = not yet asked, 1 = fails,
    /// 2 = passes.
    var tested: [UInt8]
    let base: Int
    var sentenceStart = 0, sentenceEnd = 0
    var start = 0
    var end = 0
    var width = 0
    var generation: UInt32 = 0
    var stamp: [UInt32] = []
    var memo: [Int32] = []
    var instructions: [Instruction] = []

    /// A run over the sentences within `tokens` (matches never leave their sentence).
    init(view: DocumentView, checks: CheckTable, tokens: Range<Int>) {
        self.view = view
        self.checks = checks
        base = tokens.lowerBound
        tested = [UInt8](repeating: 0, count: tokens.count * checks.memoColumns)
    }

    /// Whether token `t` passes check `c`, each dear check computed once per token.
    mutating func passes(_ c: Int, _ t: Int) -> Bool {
        let column = checks.memoColumn[c]
        if column < 0 { return checks.passes(c, t, view) }
        let k = (t - base) * checks.memoColumns + column
        if tested[k] != 0 { return tested[k] == 2 }
        let r = checks.passes(c, t, view)
        tested[k] = r ? 2 : 1
        return r
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
            if pos < end, passes(test, pos) { r = best(next, pos + 1) }
        case let .literal(lit, next):
            if pos < end, let k = view.literal(lit, from: pos, limit: end) { r = best(next, k) }
        case let .dimension(d, next):
            if pos < end {
                var i = view.firstItem[pos]
                while i >= 0 {
                    let item = view.items[Int(i)]
                    if item.dimension == d, Int(item.endToken) <= end { r = max(r, best(next, Int(item.endToken))) }
                    i = view.nextItem[Int(i)]
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
    mutating func captures(_ program: Program, end target: Int) -> [Capture] {
        if program.captureNames.isEmpty { return [] }
        var slots = [Int](repeating: -1, count: program.captureNames.count * 2)
        var consumed: [(token: Int, item: Int32)] = []   // items used on the path, by start token
        var pc = program.entry, pos = start
        loop: while true {
            switch instructions[pc] {
            case .match: break loop
            case let .token(_, next): pc = next; pos += 1
            case let .literal(lit, next): pos = view.literal(lit, from: pos, limit: end) ?? pos; pc = next
            case let .dimension(d, next):
                var i = view.firstItem[pos]
                while i >= 0 {
                    let item = view.items[Int(i)]
                    if item.dimension == d, Int(item.endToken) <= end, best(next, Int(item.endToken)) == target {
                        consumed.append((pos, i))
                        pos = Int(item.endToken)
                        break
                    }
                    i = view.nextItem[Int(i)]
                }
                pc = next
            case let .split(a, b): pc = best(a, pos) == target ? a : b
            case let .save(slot, next): slots[slot] = pos; pc = next
            case let .assertStart(next), let .assertEnd(next): pc = next
            }
        }
        var out: [Capture] = []
        for (k, name) in program.captureNames.enumerated() {
            let a = slots[2 * k], b = slots[2 * k + 1]
            guard a >= 0, b > a else { continue }
            var value: JSONValue?
            if let used = consumed.first(where: { $0.token == a }), Int(view.items[Int(used.item)].endToken) == b {
                value = view.items[Int(used.item)].value
            }
            out.append(Capture(name: name, firstToken: Int32(a), endToken: Int32(b),
                               start: view.tokens[a].start, end: view.tokens[b - 1].end, value: value))
        }
        return out
    }
}
