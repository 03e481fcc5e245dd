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
    /// Every token test of the stage's rules.
    let checks: CheckTable
    /// No match may span more tokens than this: keeps matching linear in sentence length.
    public static let window = 128

    init(stage: String, rules: [CompiledRule], checks: CheckTable) {
        self.stage = stage
        self.rules = rules
        self.checks = checks
        ways = WayTable(rules.map(\.program), arena: arena)
        requirements = TypeRequirements(rules.map(\.program.requirement), arena: arena)
        code = StageCode(rules.map(\.program), arena: arena)
    }

    /// Working memory for matching the sentences within `tokens` (default: the whole document).
    public func scratch(for view: DocumentView, tokens: Range<Int>? = nil, profiling: Bool = false) -> Scratch {
        let scratch = Scratch(view: view, ways: ways, checks: checks, code: code, tokens: tokens ?? 0..<view.tokens.count)
        if profiling { scratch.profile = [RuleProfile.Row](repeating: RuleProfile.Row(), count: rules.count) }
        return scratch
    }

    /// Adds a profiling scratch's counts to `profile`.
    public func collect(_ scratch: Scratch, into profile: RuleProfile) {
        guard let rows = scratch.profile else { return }
        profile.add(rows, scan: scratch.profiledScan, sentences: scratch.profiledSentences, nanoseconds: scratch.profiledNanoseconds)
    }

    /// A match before overlap resolution (kept for `grammar explain`).
    public struct Candidate {
        public var rule: Int
        public var item: Item
        var length: Int32
    }

    /// The winning items of this stage in one sentence, and (if asked) every candidate; then
    /// also every refused match, in `scratch.refused` (cleared by the caller).
    public func match(_ view: DocumentView, sentence: Sentence, scratch: Scratch? = nil, keepCandidates: Bool = false) -> (items: [Item], candidates: [Candidate]) {
        let first = sentence.tokens.lowerBound, limit = sentence.tokens.upperBound
        guard first < limit else { return ([], []) }
        let scratch = scratch ?? self.scratch(for: view)
        // Work on locals (moved out of the class and back) so the loop pays no exclusivity checks.
        let proposed = scratch.proposed
        var run = scratch.run.take()!, candidates = scratch.candidates
        let list = scratch.list
        let mask = scratch.mask
        var typeWays = scratch.typeWays.take()!, typeRequirements = scratch.typeRequirements
        scratch.typeRequirements = []
        var profile = scratch.profile
        let began = profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
        scratch.candidates = []; scratch.profile = nil
        candidates.removeAll(keepingCapacity: true)
        // Plain counters (a register each): copied into the scratch only when profiling.
        var admitted = 0, asked = 0, proposing = 0, skipped = 0
        run.sentenceStart = first
        run.sentenceEnd = limit
        // Everything the loop reads, in locals: a property read inside it would be retained and
        // released (and access-checked) at every token.
        let features = view.features, links = view.itemLinks, types = view.types.types
        let table = self.ways, words = table.words, tokens = view.tokens, rules = self.rules, checks = self.checks
        let requirements = self.requirements, ruleBits = requirements.ruleBits
        // The requirement bits the sentence meets, worked out when a rule that has one is first
        // about to start (most sentences start none).
        var present: UInt64 = 0
        for p in first..<limit {
            let f = features[p]
            let type = Int(types[p])
            var ways = typeWays.ways(type, f, at: p, table: table, checks: checks, run: &run, scratch: list, proposed: proposed)
            if table.index.mayProposeToken(f) {
                // The token's class or items may propose more: listed once each, after its type's.
                var listed = ways.count
                for k in 0..<listed {
                    list[k] = ways[k]
                    proposed[Int(ways[k])] = p
                }
                table.index.proposeToken(f, at: p, view: view, into: list, count: &listed, proposed: proposed)
                ways = UnsafeBufferPointer(start: list, count: listed)
            }
            if ways.isEmpty { continue }
            admitted += 1
            asked += ways.count
            var any = false
            let masks = table.masks
            for w in ways {
                WayIn.masks(table.ways.baseAddress! + Int(w), number: Int(w), at: p, limit: limit, features: features, links: links, view: view, run: &run) { m in
                    any = true
                    let from = masks + Int(m) * words
                    for k in 0..<words { mask[k] |= from[k] }
                }
            }
            if !any { continue }
            proposing += 1
            for k in 0..<words {
                var bits = mask[k]
                mask[k] = 0
                while bits != 0 {
                    let r = k * 64 + bits.trailingZeroBitCount
                    bits &= bits - 1
                    let need = ruleBits[r]
                    if need != 0 {
                        if present == 0 {
                            for t in first..<limit {
                                let type = Int(types[t])
                                if typeRequirements[type] == 0 { typeRequirements[type] = requirements.bits(features[t]) }
                                present |= typeRequirements[type]
                            }
                        }
                        if present & need == 0 { skipped += 1; continue }
                    }
                    let compiled = rules[r]
                    let t0 = profile == nil ? 0 : DispatchTime.now().uptimeNanoseconds
                    let steps0 = run.steps
                    var matched = false
                    defer {
                        if profile != nil {
                            profile![r].starts += 1
                            profile![r].steps += run.steps - steps0
                            if matched { profile![r].matches += 1 }
                            profile![r].nanoseconds += DispatchTime.now().uptimeNanoseconds - t0
                        }
                    }
                    let end: Int
                    let captures: [Capture]
                    let start = tokens[p].start
                    if let single = compiled.single {
                        guard run.passes(single.check, p) else { continue }
                        end = p + 1
                        captures = single.capture.map {
                            [Capture(name: compiled.captureNames[$0], firstToken: Int32(p), endToken: Int32(p + 1),
                                     start: start, end: tokens[p].end, value: nil)]
                        } ?? []
                    } else {
                        let entry = run.begin(rule: r, at: p)
                        end = run.best(entry, p)
                        guard end > p else { continue }
                        captures = run.captures(compiled.captureNames, entry: entry, end: end)
                    }
                    let stop = tokens[end - 1].end
                    // Why an action refused a match is asked only while explaining (`keepCandidates`).
                    let refusal = keepCandidates ? Refusal() : nil
                    let input = ActionInput(start: start, end: stop, captures: captures, view: view, rule: compiled, refusal: refusal)
                    guard let value = compiled.perform(input) else {
                        if let refusal {
                            scratch.refused.append(Refused(rule: r, firstToken: Int32(p), endToken: Int32(end), start: start, end: stop,
                                                           reason: refusal.reason ?? "\(compiled.action.name) gave no value (it names no reason)"))
                        }
                        continue
                    }
                    let item = Item(dimension: compiled.dimension, firstToken: Int32(p), endToken: Int32(end),
                                    start: start, end: stop, value: value, rule: compiled.id)
                    candidates.append(Candidate(rule: r, item: item, length: stop - start))
                    matched = true
                }
            }
        }
        let winners = resolve(candidates, tokens: first..<limit), kept = keepCandidates ? candidates : []
        // Back into the scratch by move, not copy: a `Run` holds a dozen references, and a
        // copy per sentence retained and released each of them (the loop above only `continue`s,
        // so this is the one way out).
        scratch.run = consume run
        scratch.candidates = consume candidates; scratch.typeWays = consume typeWays
        scratch.typeRequirements = consume typeRequirements
        if profile != nil {
            scratch.profile = profile
            scratch.profiledSentences += 1
            scratch.profiledScan.tokens += limit - first
            scratch.profiledScan.admitted += admitted
            scratch.profiledScan.ways += asked
            scratch.profiledScan.proposing += proposing
            scratch.profiledScan.skipped += skipped
            scratch.profiledNanoseconds += DispatchTime.now().uptimeNanoseconds - began
        }
        return (winners, kept)
    }

    /// Longest first, then priority, then rule order; a token belongs to one winner at most.
    /// Sorted by plain keys, not by the candidates: moving candidates (each an item with its
    /// strings and value) and reading each rule's priority through its `Rule` per comparison
    /// cost more than the matching of short sentences.
    func resolve(_ candidates: [Candidate], tokens: Range<Int>) -> [Item] {
        if candidates.isEmpty { return [] }
        if candidates.count == 1 { return [candidates[0].item] }
        struct Key { var length: Int32; var priority: Int; var order: Int; var first: Int32; var index: Int }
        var keys = candidates.indices.map { i in
            let c = candidates[i]
            return Key(length: c.length, priority: rules[c.rule].priority, order: rules[c.rule].order, first: c.item.firstToken, index: i)
        }
        keys.sort { a, b in
            if a.length != b.length { return a.length > b.length }
            if a.priority != b.priority { return a.priority > b.priority }
            if a.order != b.order { return a.order < b.order }
            return a.first < b.first
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var won: [Int] = []
        for key in keys {
            let item = candidates[key.index].item
            let range = (Int(item.firstToken) - tokens.lowerBound)..<(Int(item.endToken) - tokens.lowerBound)
            if range.contains(where: { taken[$0] }) { continue }
            for k in range { taken[k] = true }
            won.append(key.index)
        }
        won.sort { candidates[$0].item.firstToken < candidates[$1].item.firstToken }
        return won.map { candidates[$0].item }
    }
}
