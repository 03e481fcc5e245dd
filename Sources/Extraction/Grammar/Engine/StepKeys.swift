import NoteGraphCore

/// For every instruction of a program, the keys that the first token of any match continuing
/// from it has one of (nil when unknown, or when the rest can match without a token). Worked
/// out once per instruction: the first-token index, the lookahead (one set per way in and one
/// for what follows) and the matcher's pruning (`StageCode`) all ask, and walking the program
/// afresh each time made compiling quadratic in its size.
struct StepKeys {
    private let instructions: [Instruction]
    private let checks: CheckTable
    /// Per instruction: nil not yet known, .some(keys) once worked out.
    private var known: [Set<FirstKey>??]
    private var active: [Bool]

    init(_ instructions: [Instruction], checks: CheckTable) {
        self.instructions = instructions
        self.checks = checks
        known = Array(repeating: nil, count: instructions.count)
        active = Array(repeating: false, count: instructions.count)
    }

    /// A literal covers whole tokens, so its first token spells one of its prefixes that ends
    /// before a gap: "us $" starts with a token "u", "us" (or "us" + "$").
    static func literal(_ units: [UInt16]) -> Set<FirstKey> {
        var prefixes: Set<FirstKey> = []
        for k in 1...units.count {
            if units[k - 1] == 0x20 { break }
            prefixes.insert(.lower(TokenKeys.hash(units[0..<k])))
        }
        return prefixes
    }

    /// The keys of every instruction.
    mutating func all() -> [Set<FirstKey>?] {
        (0..<instructions.count).map { self[$0] }
    }

    subscript(pc: Int) -> Set<FirstKey>? {
        mutating get {
            if let k = known[pc] { return k }
            // A way back to an instruction being worked out consumed nothing (the compiler
            // refuses such loops); answer "unknown", which is always safe.
            if active[pc] { return nil }
            active[pc] = true
            defer { active[pc] = false }
            let keys: Set<FirstKey>?
            switch instructions[pc] {
            case let .token(test, _): keys = checks.keys(test)
            case let .literal(units, _): keys = Self.literal(units)
            case let .dimension(d, _): keys = [.dimension(d)]
            case let .split(a, b):
                if let x = self[a], let y = self[b] { keys = x.union(y) } else { keys = nil }
            case let .save(_, next), let .assertStart(next), let .assertEnd(next): keys = self[next]
            case .match: keys = nil
            }
            known[pc] = .some(keys)
            return keys
        }
    }
}
