import NoteGraphCore

/// The memo of one (rule, start) attempt: `best(pc, pos)` is the furthest token a match can end
/// at from there (−1 if none). Each (pc, pos) pair is computed once per attempt, so an attempt
/// costs at most program size × window steps however the pattern nests; and a step whose
/// first-token filter turns the token down (most alternatives of a long word list) costs one
/// filter ask. Memo and check results live in buffers (the run's own arena, the stage's
/// `RunMemory`), so the recursion pays no copy-on-write checks.
struct Run {
    let view: DocumentView
    let checks: CheckTable
    let code: StageCode
    let features: UnsafePointer<TokenFeatures>
    let links: DocumentView.ItemLinks
    /// The view's number for each of the code's dimensions.
    let dimensionNumbers: [Int32]
    /// Results of the stage's dear checks: per token type for tests of the text alone (kept
    /// across notes: `TypeMemory`), per token (of `base…`) for the others.
    let byType: BitMemo
    let byToken: BitMemo
    /// Per token type: whether each step filter of the code (`StageCode.filters`) lets the type
    /// through, and (`follows`) whether each way in's follow table has keys for it. Both were
    /// hash probes into many small tables at every step and way asked: cache misses more than
    /// work.
    let filtered: BitMemo
    let follows: BitMemo
    /// Each token's type (`DocumentView.typeOf`): read at every step with a filter and at
    /// every test, where an array paid a bounds check each time.
    let types: UnsafePointer<Int32>
    let base: Int
    var sentenceStart = 0, sentenceEnd = 0
    var start = 0
    var end = 0
    var width = 0
    /// The running rule's first step in the pool.
    var first = 0
    var generation: UInt32
    /// Steps `best` was asked, counted for `grammar profile` (one add per step otherwise).
    var steps = 0
    /// The memo's buffers (from `memory`, copied here because the recursion reads them at
    /// every step; `keep()` hands them back).
    var capacity: Int
    /// Stamps `0 ..< cleared` hold generations (zero or earlier ones); the rest is unset.
    var cleared: Int
    var stamp: UnsafeMutablePointer<UInt32>
    var memo: UnsafeMutablePointer<Int32>
    /// `captures`' working memory: capture slots, and the items a path used.
    var slots: UnsafeMutablePointer<Int>
    var slotCapacity: Int
    var usedItems: UnsafeMutablePointer<(token: Int32, item: Int32)>
    var usedCapacity: Int
    let tokens: [Token]
    /// Owns the per-token check memo.
    let arena = FilterArena()
    /// Owns `stamp`, `memo`, `slots` and `usedItems`, lent by the stage for the run.
    let memory: RunMemory

    /// A run over the sentences within `tokens` (matches never leave their sentence).
    /// `learnt`: the memory's answers per type, for the view's vocabulary (caught up with it).
    init(view: DocumentView, checks: CheckTable, code: StageCode, tokens: Range<Int>, memory: RunMemory, types learnt: TypeMemory) {
        self.view = view
        self.checks = checks
        self.code = code
        features = UnsafePointer(view.features)
        links = view.itemLinks
        dimensionNumbers = code.dimensions.map(view.dimensionNumber)
        base = tokens.lowerBound
        types = view.typeOf
        byType = learnt.byType
        byToken = BitMemo(rows: tokens.count, columns: checks.tokenColumns, arena: arena)
        byToken.add(0..<tokens.count)
        filtered = learnt.filtered
        follows = learnt.follows
        self.memory = memory
        capacity = memory.capacity
        cleared = memory.cleared
        generation = memory.generation
        stamp = memory.stamp
        memo = memory.memo
        slotCapacity = memory.slotCapacity
        slots = memory.slots
        usedCapacity = memory.usedCapacity
        usedItems = memory.usedItems
        self.tokens = view.tokens
    }

    /// Hands the buffers, grown or not, back to `memory` for the next run.
    func keep() {
        memory.capacity = capacity
        memory.cleared = cleared
        memory.generation = generation
        memory.stamp = stamp
        memory.memo = memo
        memory.slotCapacity = slotCapacity
        memory.slots = slots
        memory.usedCapacity = usedCapacity
        memory.usedItems = usedItems
    }

    /// Whether token `t` passes check `c`, each dear check computed once per token type or token.
    /// A test of the type already answered is read inline; the rest is a call.
    @inline(__always) mutating func passes(_ c: Int, _ t: Int) -> Bool {
        let column = checks.typeColumn[c]
        if column >= 0, let known = byType.known(Int(types[t]), column) { return known }
        return passesFirst(c, t)
    }

    /// `passes` where the answer is not remembered per type. Mutating though it only reads:
    /// a call then takes the run by address instead of a copy.
    @inline(never) private mutating func passesFirst(_ c: Int, _ t: Int) -> Bool {
        let column = checks.typeColumn[c]
        if column >= 0 { return byType.answer(Int(types[t]), column) { checks.passes(c, t, view) } }
        let byToken = checks.tokenColumn[c]
        if byToken < 0 { return checks.passes(c, t, view) }
        return self.byToken.answer(t - base, byToken) { checks.passes(c, t, view) }
    }

    /// Starts an attempt of rule `rule` at token `p`; returns its first step.
    mutating func begin(rule: Int, at p: Int) -> Int {
        start = p
        end = min(sentenceEnd, p + StageMatcher.window)
        width = end - start + 1
        first = Int(code.base[rule])
        let need = Int(code.count[rule]) * width
        if capacity < need {
            // Earlier buffers stay in the memory's arena: they only ever double. The memo is
            // read only where the stamp says it was written.
            capacity = max(need, 2 * capacity)
            stamp = memory.arena.uninitialized(capacity, of: UInt32.self)
            memo = memory.arena.uninitialized(capacity, of: Int32.self)
            generation = 0
            cleared = 0
        }
        // Stamps are cleared as far as an attempt reaches, not the whole buffer when it grows
        // (it doubles past what any attempt needs).
        if cleared < need {
            (stamp + cleared).initialize(repeating: 0, count: need - cleared)
            cleared = need
        }
        generation &+= 1
        if generation == 0 {
            stamp.update(repeating: 0, count: cleared)
            generation = 1
        }
        return Int(code.entry[rule])
    }

    /// Whether step filter `k` lets token `t` through: by its type, remembered, else by its
    /// class or items. Inlined where the type's answer is known (nearly always): the call
    /// that works it out once per type and filter cost more in entry and exit than the ask.
    @inline(__always) mutating func admits(_ k: Int, _ t: Int) -> Bool {
        switch filtered.known(Int(types[t]), k) {
        case true?: return true
        case false?: return code.filters[k].admitsToken(features[t])
        case nil: return admitsFirst(k, t)
        }
    }

    /// `admits` the first time filter `k` meets token `t`'s type. Mutating though it only reads:
    /// a call then takes the run by address, where a plain method copied all of it (memcpy).
    @inline(never) private mutating func admitsFirst(_ k: Int, _ t: Int) -> Bool {
        filtered.answer(Int(types[t]), k) { code.filters[k].admitsType(features[t]) } || code.filters[k].admitsToken(features[t])
    }

    /// The furthest token a match can end at from step `pc` at token `pos` (−1: none). The
    /// step's filter is asked here, inlined at every call, before the memoised step: a third
    /// of the steps asked end at their filter, and a call's entry and exit cost more than it.
    @inline(__always) mutating func best(_ pc: Int, _ pos: Int) -> Int {
        steps &+= 1
        let filter = Int(code.steps[pc].filter)
        if filter >= 0, pos >= end || !admits(filter, pos) { return -1 }
        return reached(pc, pos)
    }

    /// `best` once the step's filter let the token through: remembered, else worked out.
    /// Positions and steps are small, so the key is computed without overflow checks.
    private mutating func reached(_ pc: Int, _ pos: Int) -> Int {
        let step = code.steps[pc]
        let key = (pc &- first) &* width &+ (pos &- start)
        if stamp[key] == generation { return Int(memo[key]) }
        var r = -1
        let next = Int(step.reach)
        switch step.op {
        case .match: r = pos
        case .token:
            if pos < end, passes(Int(step.arg), pos) { r = best(next, pos &+ 1) }
        case .literal:
            if pos < end, let k = view.literal(code.literal(Int(step.arg)), from: pos, limit: end) { r = best(next, k) }
        case .dimension:
            if pos < end {
                let d = dimensionNumbers[Int(step.arg)]
                var i = links.first[pos]
                while i >= 0 {
                    let stop = Int(links.end[Int(i)])
                    if links.dimension[Int(i)] == d, stop <= end { r = max(r, best(next, stop)) }
                    i = links.next[Int(i)]
                }
            }
        case .split:
            r = best(next, pos)
            // The chain's links, each counted as a step as if it were asked.
            var alternative = Int(step.reachArg)
            while code.steps[alternative].link {
                steps &+= 1
                let link = code.steps[alternative]
                r = max(r, best(Int(link.reach), pos))
                alternative = Int(link.reachArg)
            }
            r = max(r, best(alternative, pos))
        case .save: r = best(next, pos)
        case .assertStart: if pos == sentenceStart { r = best(next, pos) }
        case .assertEnd: if pos == sentenceEnd { r = best(next, pos) }
        }
        stamp[key] = generation
        memo[key] = Int32(truncatingIfNeeded: r)   // a token position or −1
        return r
    }

    /// Follows one path from `entry` to `target` (the first alternative that reaches it, so
    /// quantifiers are greedy) and reads the capture slots on the way. Slots and the items the
    /// path used live in the run's buffers: two arrays per match were a tenth of the cost of
    /// capturing. The captures go into `out`, emptied first: the matcher lends the same array
    /// to every match (its buffer is reused, not allocated and freed per match).
    mutating func captures(_ captureNames: UnsafeBufferPointer<String>, entry: Int, end target: Int, into out: inout [Capture]) {
        while !out.isEmpty { out.removeLast() }
        if captureNames.isEmpty { return }
        let slotCount = captureNames.count * 2
        if slotCapacity < slotCount {
            slotCapacity = max(slotCount, 2 * slotCapacity)
            slots = memory.arena.uninitialized(slotCapacity, of: Int.self)
        }
        slots.update(repeating: -1, count: slotCount)
        // Items used on the path, as (start token, item): a path uses at most one per token.
        var used = 0
        if usedCapacity < end - start + 1 {
            usedCapacity = max(end - start + 1, 2 * usedCapacity)
            usedItems = memory.arena.uninitialized(usedCapacity, of: (token: Int32, item: Int32).self)
        }
        var pc = entry, pos = start
        loop: while true {
            let step = code.steps[pc], next = Int(step.next)
            switch step.op {
            case .match: break loop
            case .token: pos += 1
            case .literal: pos = view.literal(code.literal(Int(step.arg)), from: pos, limit: end) ?? pos
            case .dimension:
                let d = dimensionNumbers[Int(step.arg)]
                var i = links.first[pos]
                while i >= 0 {
                    let stop = Int(links.end[Int(i)])
                    if links.dimension[Int(i)] == d, stop <= end, best(next, stop) == target {
                        usedItems[used] = (Int32(pos), i)
                        used += 1
                        pos = stop
                        break
                    }
                    i = links.next[Int(i)]
                }
            case .split: if best(next, pos) != target { pc = Int(step.arg); continue loop }
            case .save: slots[Int(step.arg)] = pos
            case .assertStart, .assertEnd: break
            }
            pc = next
        }
        for (k, name) in captureNames.enumerated() {
            let a = slots[2 * k], b = slots[2 * k + 1]
            guard a >= 0, b > a else { continue }
            var value: JSONValue?
            for u in 0..<used where Int(usedItems[u].token) == a {
                let item = Int(usedItems[u].item)
                if Int(links.end[item]) == b { value = view.items[item].value }
                break
            }
            out.append(Capture(name: name, firstToken: Int32(a), endToken: Int32(b),
                               start: tokens[a].start, end: tokens[b - 1].end, value: value))
        }
    }
}
