import Dispatch
import NoteGraphCore

/// All rules of one stage compiled together. Each sentence is scanned once: at every token the
/// stage's ways in (`WayTable`) name the few rules that can start there, each is run as a
/// memoised NFA (linear in the window), actions turn matches into values, and overlaps are
/// resolved — longest match (in characters) first, then higher priority, then earlier rule.
public final class StageMatcher: @unchecked Sendable {
    public let stage: String
    public let rules: [CompiledRule]
    /// The ways into the rules, which propose the rules worth running at a token.
    let ways: WayTable
    /// What a sentence must hold for each rule to be worth starting in it.
    let requirements: TypeRequirements
    /// The rules' programs as the matcher runs them.
    let code: StageCode
    /// Owns the filters' buffers.
    let arena = FilterArena()
    /// The runs' memo buffers, handed from one document's scratch to the next.
    let memories = RunMemory.Pool()
    /// Every token test of the stage's rules.
    let checks: CheckTable
    /// The grammar's index of its stages' first keys (up to `QuietIndex.maxStages` an index),
    /// and this stage's bit there (set by `Grammar` once all its stages are built, before any
    /// matching).
    var quiet: (index: QuietIndex, bit: UInt32)?
    /// The vocabulary the notes this stage reads are numbered in: the grammar's, shared by all
    /// its stages (set by `Grammar` before any matching), as a note's view is built by its first.
    /// Nil: each note is numbered alone.
    var vocabulary: SharedVocabulary?
    /// No match may span more tokens than this: keeps matching linear in sentence length.
    public static let window = 128

    init(stage: String, rules: [CompiledRule], checks: CheckTable) {
        self.stage = stage
        self.rules = rules
        self.checks = checks
        ways = WayTable(rules.map(\.program), arena: arena)
        requirements = TypeRequirements(rules.map(\.program.requirement), checks: checks, arena: arena)
        code = StageCode(rules.map(\.program), arena: arena)
    }

    /// Working memory for matching the sentences within `tokens` (default: the whole document).
    public func scratch(for view: DocumentView, tokens: Range<Int>? = nil, profiling: Bool = false) -> Scratch {
        let scratch = Scratch(view: view, ways: ways, checks: checks, code: code, tokens: tokens ?? 0..<view.tokens.count, memories: memories,
                              quiet: quiet)
        if profiling { scratch.profile = [RuleProfile.Row](repeating: RuleProfile.Row(), count: rules.count) }
        return scratch
    }

    /// Adds a profiling scratch's counts to `profile`.
    public func collect(_ scratch: Scratch, into profile: RuleProfile) {
        guard let rows = scratch.profile else { return }
        profile.add(rows, scan: scratch.profiledScan, sentences: scratch.profiledSentences, nanoseconds: scratch.profiledNanoseconds)
    }

    /// A match before overlap resolution (kept for `grammar explain`). Holds the value and
    /// bounds, not an `Item`: the item (two strings more to retain, copy and release) is made
    /// only for the winners, and for every candidate only when explaining.
    public struct Candidate {
        public var rule: Int
        /// Not retained: the matcher's `rules` own it, and a candidate is read only while its
        /// matcher lives (resolving, explaining); a retain and release per candidate were a
        /// tenth of a candidate's cost.
        unowned(unsafe) let compiled: CompiledRule
        var firstToken: Int32
        var endToken: Int32
        var start: Int32
        var end: Int32
        var value: JSONValue

        public var item: Item {
            Item(dimension: compiled.dimension, firstToken: firstToken, endToken: endToken, start: start, end: end,
                 value: value, rule: compiled.id)
        }
    }

    /// The winning items of this stage in one sentence, and (if asked) every candidate; then
    /// also every refused match, in `scratch.refused` (cleared by the caller).
    public func match(_ view: DocumentView, sentence: Sentence, scratch: Scratch? = nil, keepCandidates: Bool = false) -> (items: [Item], candidates: [Candidate]) {
        var items: [Item] = []
        var candidates: [Candidate] = []
        match(view, sentences: [sentence], 0..<1, scratch: scratch, keepCandidates: keepCandidates, into: &items) { _, found in
            candidates = found
        }
        return (items, candidates)
    }

    /// Matches `sentences[indices]` one after the other and appends every sentence's winning
    /// items to `items`, in sentence order (numbered with their sentence's index); `each` is
    /// given every sentence's index and (if asked) candidates. One call per run of sentences,
    /// not per sentence: the setup retains the view's arrays and the stage's tables, objects
    /// both cores share, and reference counts on shared objects made the cores wait on each
    /// other. One list for the run, not one per sentence: an array per sentence was allocated,
    /// filled, copied into the document's items and freed.
    public func match(_ view: DocumentView, sentences: [Sentence], _ indices: Range<Int>, scratch: Scratch? = nil, keepCandidates: Bool = false,
                      into items: inout [Item], _ each: ((Int, [Candidate]) -> Void)? = nil) {
        let scratch = scratch ?? self.scratch(for: view)
        // Work on locals (moved out of the class and back) so the loop pays no exclusivity checks.
        let proposed = scratch.proposed, run = scratch.run
        var candidates = scratch.candidates
        let list = scratch.list
        let mask = scratch.mask
        var typeWays = scratch.typeWays.take()!
        let typeRequirements = scratch.typeRequirements
        var profile = scratch.profile
        scratch.candidates = []; scratch.profile = nil
        // Everything the loop reads, in locals: a property read inside it would be retained and
        // released (and access-checked) at every token.
        let features = UnsafePointer(view.features), links = view.itemLinks, types = view.typeOf, marks = UnsafePointer(view.marks)
        let table = self.ways, words = table.words, tokens = view.tokens, rules = self.rules, checks = self.checks
        let requirements = self.requirements, ruleBits = requirements.ruleBits
        // The class and dimension bits some way starts with (`FirstTokenIndex.tokenBits`),
        // asked of `marks`, where a class's bit may stand for a dimension's: `proposeToken` tells.
        let tokenMarks = table.index.tokenBits.classes | table.index.tokenBits.dimensions
        // The captures of every match, in one array lent to each action's input: the input's
        // copy is gone when the action returns, so the next match refills the same buffer
        // (an array per match was allocated, filled and freed).
        var captures: [Capture] = []
        captures.reserveCapacity(8)
        for i in indices {
            let first = sentences[i].tokens.lowerBound, limit = sentences[i].tokens.upperBound
            let began = profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
            // One by one from the end: `removeAll(keepingCapacity:)` went through the generic
            // `replaceSubrange` and its destroy by metadata, at every sentence.
            while !candidates.isEmpty { candidates.removeLast() }
            // Plain counters (a register each): copied into the scratch only when profiling.
            var admitted = 0, asked = 0, proposing = 0, skipped = 0
            run.pointee.sentenceStart = first
            run.pointee.sentenceEnd = limit
            // The requirement bits the sentence meets, worked out when a rule that has one is first
            // about to start (most sentences start none).
            var present: UInt64 = 0
            var next = first
            while true {
                let p = typeWays.nextBusy(from: next, limit: limit, types: types, marks: marks, index: table.index)
                guard p < limit else { break }
                next = p + 1
                // The token's features are read only where needed (its type not worked out, its
                // class or items proposing): the scan reaches a token by its type and marks, and
                // reading its features here missed the cache at nearly every stop.
                let type = Int(types[p])
                var ways = typeWays.ways(type, features, at: p, table: table, checks: checks, run: &run.pointee, scratch: list, proposed: proposed)
                if marks[p] & tokenMarks != 0 {
                    // The token's class or items may propose more: listed once each, after its type's.
                    var listed = ways.count
                    for k in 0..<listed {
                        list[k] = ways[k]
                        proposed[Int(ways[k])] = p
                    }
                    table.index.proposeToken(features[p], at: p, view: view, into: list, count: &listed, proposed: proposed)
                    ways = UnsafeBufferPointer(start: list, count: listed)
                }
                if ways.isEmpty { continue }
                admitted += 1
                asked += ways.count
                var any = false
                let masks = table.masks
                for w in ways {
                    WayIn.masks(table.ways.baseAddress! + Int(w), number: Int(w), at: p, limit: limit, features: features, links: links, view: view, run: &run.pointee) { m in
                        any = true
                        let from = masks + Int(m) * words
                        for k in 0..<words { mask[k] |= from[k] }
                    }
                }
                if !any { continue }
                proposing += 1
                startRules(at: p, first: first, limit: limit, mask: mask, words: words, ruleBits: ruleBits, rules: rules, requirements: requirements, present: &present,
                           skipped: &skipped, view: view, tokens: tokens, types: types, features: features, typeRequirements: typeRequirements,
                           run: run, captures: &captures, candidates: &candidates, profile: &profile, keepCandidates: keepCandidates, scratch: scratch)
            }
            if profile != nil {
                scratch.profiledSentences += 1
                scratch.profiledScan.tokens += limit - first
                scratch.profiledScan.admitted += admitted
                scratch.profiledScan.ways += asked
                scratch.profiledScan.proposing += proposing
                scratch.profiledScan.skipped += skipped
                scratch.profiledNanoseconds += DispatchTime.now().uptimeNanoseconds - began
            }
            resolve(&candidates, tokens: first..<limit, sentence: i, keep: keepCandidates, into: &items)
            if let each { each(i, keepCandidates ? candidates : []) }
        }
        // Back into the scratch by move, not copy.
        scratch.candidates = consume candidates; scratch.typeWays = consume typeWays
        scratch.profile = profile
    }

    /// Runs the rules `mask` names (clearing it) from token `p` of the sentence `first..<limit`,
    /// adding each match an action gives a value to `candidates`. A call of its own, made at the
    /// few tokens that propose rules: inlined in the scan, its locals crowded the scan's
    /// registers (spills at every token) and its code the scan's cache lines.
    @inline(never)
    private func startRules(at p: Int, first: Int, limit: Int, mask: UnsafeMutablePointer<UInt64>, words: Int, ruleBits: [UInt64],
                            rules: [CompiledRule], requirements: borrowing TypeRequirements, present: inout UInt64, skipped: inout Int, view: DocumentView, tokens: [Token],
                            types: UnsafePointer<Int32>, features: UnsafePointer<TokenFeatures>, typeRequirements: UnsafeMutablePointer<UInt64>,
                            run: UnsafeMutablePointer<Run>, captures: inout [Capture], candidates: inout [Candidate],
                            profile: inout [RuleProfile.Row]?, keepCandidates: Bool, scratch: Scratch) {
        for k in 0..<words {
            var bits = mask[k]
            mask[k] = 0
            while bits != 0 {
                let r = k * 64 + bits.trailingZeroBitCount
                bits &= bits - 1
                let need = ruleBits[r]
                if need != 0 {
                    if present == 0 {
                        present = requirements.present(first..<limit, types: types, features: features, known: typeRequirements, run: run)
                    }
                    if present & need == 0 { skipped += 1; continue }
                }
                // Not retained: `rules` holds it, and a count on an object both cores
                // read at every start made them wait on each other.
                unowned(unsafe) let compiled = rules[r]
                let t0 = profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
                let steps0 = run.pointee.steps
                var matched = false
                defer {
                    if profile != nil {
                        profile![r].starts += 1
                        profile![r].steps += run.pointee.steps - steps0
                        if matched { profile![r].matches += 1 }
                        profile![r].nanoseconds += DispatchTime.now().uptimeNanoseconds - t0
                    }
                }
                let end: Int
                let start = tokens[p].start
                if let single = compiled.single {
                    guard run.pointee.passes(single.check, p) else { continue }
                    end = p + 1
                    while !captures.isEmpty { captures.removeLast() }
                    if let c = single.capture {
                        captures.append(Capture(name: compiled.captureNames[c], firstToken: Int32(p), endToken: Int32(p + 1),
                                                start: start, end: tokens[p].end, value: nil))
                    }
                } else {
                    let entry = run.pointee.begin(rule: r, at: p)
                    end = run.pointee.best(entry, p)
                    guard end > p else { continue }
                    run.pointee.captures(compiled.captureNames, entry: entry, end: end, into: &captures)
                }
                let stop = tokens[end - 1].end
                // Why an action refused a match is asked only while explaining (`keepCandidates`).
                let refusal = keepCandidates ? Refusal() : nil
                // The input made in the call, not in a local: a local was copied for the call
                // and both copies destroyed.
                guard let value = compiled.perform(ActionInput(start: start, end: stop, captures: captures, view: view,
                                                               rule: compiled, refusal: refusal)) else {
                    if let refusal {
                        scratch.refused.append(Refused(rule: r, firstToken: Int32(p), endToken: Int32(end), start: start, end: stop,
                                                       reason: refusal.reason ?? "\(compiled.action.name) gave no value (it names no reason)"))
                    }
                    continue
                }
                candidates.append(Candidate(rule: r, compiled: compiled, firstToken: Int32(p), endToken: Int32(end),
                                            start: start, end: stop, value: value))
                matched = true
            }
        }
    }

    /// Longest first (in characters), then priority, then rule order, then first token; a
    /// token belongs to one winner at most; the winners are appended to `items`. Most sentences
    /// have none or one candidate, and most others two, so those are settled directly; the rest
    /// works in temporary (stack) buffers: sorting keys, not candidates, and marking the
    /// winners, whose items come out in token order because candidates are found in token order
    /// (and winners never share a first token). Unless the candidates are kept (`keep`, for
    /// `grammar explain`), a winner's value is moved out of its candidate, not copied (a retain
    /// now and a release when the candidate was destroyed).
    func resolve(_ candidates: inout [Candidate], tokens: Range<Int>, sentence: Int, keep: Bool, into items: inout [Item]) {
        func item(_ k: Int) {
            var value = JSONValue.null
            if keep { value = candidates[k].value } else { swap(&value, &candidates[k].value) }
            unowned(unsafe) let compiled = candidates[k].compiled
            var item = Item(dimension: compiled.dimension, firstToken: candidates[k].firstToken, endToken: candidates[k].endToken,
                            start: candidates[k].start, end: candidates[k].end, value: consume value, rule: compiled.id)
            item.sentence = Int32(sentence)
            // Consumed: appended as a plain argument, the item was copied in and then destroyed.
            items.append(consume item)
        }
        let n = candidates.count
        if n == 0 { return }
        if n == 1 { item(0); return }
        struct Key { var length: Int32; var priority: Int; var order: Int; var first: Int32; var index: Int }
        func key(_ i: Int) -> Key {
            let rule = candidates[i].compiled
            return Key(length: candidates[i].end - candidates[i].start, priority: rule.priority, order: rule.order,
                       first: candidates[i].firstToken, index: i)
        }
        func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.length != b.length { return a.length > b.length }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.order != b.order { return a.order < b.order }
            return a.first < b.first
        }
        if n == 2 {
            // The second starts no earlier than the first: they overlap iff it starts inside it.
            if candidates[1].firstToken >= candidates[0].endToken { item(0); item(1); return }
            item(precedes(key(0), key(1)) ? 0 : 1)
            return
        }
        withUnsafeTemporaryAllocation(of: Key.self, capacity: n) { buffer in
            var keys = buffer
            for i in 0..<n { keys.initializeElement(at: i, to: key(i)) }
            keys.sort(by: precedes)
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: tokens.count + n) { marks in
                // Tokens taken first, then which candidates won.
                marks.initialize(repeating: false)
                for key in keys {
                    let range = (Int(candidates[key.index].firstToken) - tokens.lowerBound)..<(Int(candidates[key.index].endToken) - tokens.lowerBound)
                    if range.contains(where: { marks[$0] }) { continue }
                    for k in range { marks[k] = true }
                    marks[tokens.count + key.index] = true
                }
                for i in 0..<n where marks[tokens.count + i] { item(i) }
            }
        }
    }
}
