import NoteGraphCore

/// The programs of all rules of a stage as `Step`s in one pool, with the stage's literals,
/// dimensions and pruning filters, all in buffers the stage's arena owns: `Run` reads them at
/// every step, and plain pointers cost no reference counting or exclusivity checks there.
struct StageCode: @unchecked Sendable {
    let steps: UnsafeBufferPointer<Step>
    /// Rule r's steps are `base[r] ..< base[r] + count[r]`; its first step is `entry[r]`.
    let base: UnsafeBufferPointer<Int32>
    let count: UnsafeBufferPointer<Int32>
    let entry: UnsafeBufferPointer<Int32>
    /// Literal k: `literalUnits[literalStart[k] ..< literalStart[k + 1]]` (folded UTF-16).
    let literalStart: UnsafeBufferPointer<Int32>
    let literalUnits: UnsafeBufferPointer<UInt16>
    /// The dimensions named by `<dimension>` steps.
    let dimensions: [String]
    let filters: UnsafeBufferPointer<KeyFilter>

    init(_ programs: [Program], arena: FilterArena) {
        var steps: [Step] = [], base: [Int32] = [], count: [Int32] = [], entry: [Int32] = []
        var literalStart: [Int32] = [0], units: [UInt16] = [], literalIDs: [[UInt16]: Int32] = [:]
        var dimensions: [String] = [], filterIDs: [Set<FirstKey>: Int32] = [:], filters: [KeyFilter] = []
        for program in programs {
            let offset = Int32(steps.count)
            base.append(offset)
            count.append(Int32(program.instructions.count))
            entry.append(offset + Int32(program.entry))
            // A split reached as another split's second alternative continues a chain
            // (a | b | c): the chain's first split already asked for the keys of all of it.
            var chained = Set<Int>()
            for i in program.instructions { if case let .split(_, b) = i { chained.insert(b) } }
            for (pc, instruction) in program.instructions.enumerated() {
                var filter: Int32 = -1
                if let keys = program.stepKeys[pc] {
                    var worth = false
                    switch instruction {
                    case .token, .literal: worth = true
                    case .split: worth = !chained.contains(pc)
                    default: break
                    }
                    if worth {
                        if let known = filterIDs[keys] { filter = known } else {
                            filter = Int32(filters.count)
                            filterIDs[keys] = filter
                            filters.append(arena.filter(keys))
                        }
                    }
                }
                var step = Step(op: .match, next: -1, arg: 0, filter: filter)
                switch instruction {
                case let .token(check, next): step.op = .token; step.next = offset + Int32(next); step.arg = Int32(check)
                case let .literal(lit, next):
                    step.op = .literal; step.next = offset + Int32(next)
                    if let known = literalIDs[lit] { step.arg = known } else {
                        step.arg = Int32(literalStart.count - 1)
                        literalIDs[lit] = step.arg
                        units += lit
                        literalStart.append(Int32(units.count))
                    }
                case let .dimension(d, next):
                    step.op = .dimension; step.next = offset + Int32(next)
                    if let k = dimensions.firstIndex(of: d) { step.arg = Int32(k) } else { step.arg = Int32(dimensions.count); dimensions.append(d) }
                case let .split(a, b): step.op = .split; step.next = offset + Int32(a); step.arg = offset + Int32(b)
                case let .save(slot, next): step.op = .save; step.next = offset + Int32(next); step.arg = Int32(slot)
                case let .assertStart(next): step.op = .assertStart; step.next = offset + Int32(next)
                case let .assertEnd(next): step.op = .assertEnd; step.next = offset + Int32(next)
                case .match: break
                }
                steps.append(step)
            }
        }
        // Saves skipped, for `Run.best` (a save never loops back to itself: the compiler
        // refuses patterns that can match nothing, so every loop consumes a token).
        func skipSaves(_ pc: Int32) -> Int32 {
            var pc = pc
            while pc >= 0, steps[Int(pc)].op == .save { pc = steps[Int(pc)].next }
            return pc
        }
        for i in steps.indices {
            steps[i].reach = skipSaves(steps[i].next)
            if steps[i].op == .split { steps[i].reachArg = skipSaves(steps[i].arg) }
        }
        // Links (`Step.link`): splits referred to by one split's second alternative alone (as
        // `arg` and `reachArg` both), not a rule's entry, and without a filter of their own.
        var references = [Int](repeating: 0, count: steps.count)
        for step in steps {
            for pc in [step.next, step.reach] where pc >= 0 { references[Int(pc)] += 1 }
            if step.op == .split { for pc in [step.arg, step.reachArg] where pc >= 0 { references[Int(pc)] += 1 } }
        }
        for e in entry { references[Int(e)] += 2 }
        for step in steps where step.op == .split && step.arg == step.reachArg && step.arg != step.next {
            let b = Int(step.arg)
            if steps[b].op == .split, steps[b].filter < 0, references[b] == 2 { steps[b].link = true }
        }
        func copy<T: BitwiseCopyable>(_ values: [T], _ sample: T) -> UnsafeBufferPointer<T> {
            let buffer = arena.buffer(max(1, values.count), of: T.self, initial: values.first ?? sample)
            buffer.update(from: values, count: values.count)
            return UnsafeBufferPointer(start: buffer, count: values.count)
        }
        self.steps = copy(steps, Step(op: .match, next: -1, arg: 0, filter: -1))
        self.base = copy(base, 0)
        self.count = copy(count, 0)
        self.entry = copy(entry, 0)
        self.literalStart = copy(literalStart, 0)
        literalUnits = copy(units, 0)
        self.dimensions = dimensions
        self.filters = copy(filters, KeyFilter())
    }

    /// Literal number `k`.
    @inline(__always) func literal(_ k: Int) -> UnsafeBufferPointer<UInt16> {
        UnsafeBufferPointer(rebasing: literalUnits[Int(literalStart[k])..<Int(literalStart[k + 1])])
    }
}
