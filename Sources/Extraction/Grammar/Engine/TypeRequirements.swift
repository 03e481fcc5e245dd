import NoteGraphCore

/// The stage's rule requirements (`Compiler.requirement`) as bits, and which of them each token
/// type of the vocabulary meets (`TypeMemory.requirements`): a sentence meets the bits its
/// tokens' types meet, and a rule whose bit the sentence misses is not started there. Bits are shared when a stage has more than 63
/// distinct requirements, which only lets more sentences through, never fewer. A rare test
/// (`RequirementKey.test`) is asked once per type, as the word and first character are read.
struct TypeRequirements: @unchecked Sendable {
    /// Per rule: its requirement's bit, 0 when it has none.
    let ruleBits: [UInt64]
    /// Word hashes, and first units (mixed as `FollowTable.unitKey`), → index into `masks`:
    /// open addressing, as everywhere else a token is looked up (a `Dictionary` hashes again).
    private let words: HashIndex
    private let units: HashIndex
    private let masks: [UInt64]
    /// The rare tests a requirement names (`testChecks[i]`), each with the bits a token passing
    /// it meets (`testMasks[i]`).
    private let testChecks: [Int]
    private let testMasks: [UInt64]
    /// First units (as `units`) → which tests (bit i % 64 for test i) a type starting with one
    /// can pass, and the tests asked of every type: a test is asked only of the types its own
    /// keys admit (a glued amount starts with a digit), not of every word of the note.
    private let testUnits: HashIndex
    private let testsAsked: [UInt64]
    private let testsAlways: UInt64
    /// Per token kind: the tests a type of that kind can pass (bit i % 64 for test i), from the
    /// tests' own `kind:` parts. A glued amount is a word: asked of the numbers (most types with
    /// a digit first), each test cost a memo lookup and a call to fail at its first part.
    private let testsOfKind: [UInt64]

    /// Marks a type's entry as worked out (a requirement never uses this bit).
    static let known: UInt64 = 1 << 63

    init(_ requirements: [Set<RequirementKey>?], checks: CheckTable, arena: FilterArena) {
        var bitOf: [Set<RequirementKey>: UInt64] = [:], words: [UInt64: UInt64] = [:], units: [UInt16: UInt64] = [:]
        var tests: [Int: UInt64] = [:]
        var ruleBits: [UInt64] = []
        for requirement in requirements {
            guard let requirement else { ruleBits.append(0); continue }
            let bit = bitOf[requirement] ?? (1 << UInt64(bitOf.count % 63))
            bitOf[requirement] = bit
            ruleBits.append(bit)
            for key in requirement {
                switch key {
                case let .key(.lower(h)): words[h, default: 0] |= bit
                case let .key(.firstUnit(u)): units[u, default: 0] |= bit
                case let .test(c): tests[c, default: 0] |= bit
                default: preconditionFailure("a requirement holds words, first characters and rare tests only")
                }
            }
        }
        self.ruleBits = ruleBits
        var wordPairs: [(UInt64, Int32)] = [], unitPairs: [(UInt64, Int32)] = [], masks: [UInt64] = []
        for (h, m) in words.sorted(by: { $0.key < $1.key }) { wordPairs.append((h, Int32(masks.count))); masks.append(m) }
        for (u, m) in units.sorted(by: { $0.key < $1.key }) { unitPairs.append((FollowTable.unitKey(u), Int32(masks.count))); masks.append(m) }
        self.words = HashIndex(wordPairs, arena: arena)
        self.units = HashIndex(unitPairs, arena: arena)
        self.masks = masks
        testChecks = tests.keys.sorted()
        testMasks = testChecks.map { tests[$0]! }
        var asked: [UInt16: UInt64] = [:], always: UInt64 = 0
        for (i, check) in testChecks.enumerated() {
            let bit: UInt64 = 1 << UInt64(i % 64)
            var first: [UInt16] = []
            for key in checks.keys(check) ?? [] {
                guard case let .firstUnit(u) = key else { first = []; break }
                first.append(u)
            }
            if first.isEmpty { always |= bit }
            for u in first { asked[u, default: 0] |= bit }
        }
        var askedPairs: [(UInt64, Int32)] = [], testsAsked: [UInt64] = []
        for (u, m) in asked.sorted(by: { $0.key < $1.key }) { askedPairs.append((FollowTable.unitKey(u), Int32(testsAsked.count))); testsAsked.append(m) }
        testUnits = HashIndex(askedPairs, arena: arena)
        self.testsAsked = testsAsked
        testsAlways = always
        var ofKind = [UInt64](repeating: 0, count: TokenKind.allCases.count)
        for kind in TokenKind.allCases {
            for (i, check) in testChecks.enumerated() where checks.mayPass(check, kind: kind) { ofKind[Int(kind.rawValue)] |= 1 << UInt64(i % 64) }
        }
        testsOfKind = ofKind
    }

    /// The bits the tokens in `range` meet together, with `known` set; `known[type]` holds
    /// (or receives) each type's bits, 0 until worked out. A call of its own, over buffers:
    /// in the scan's body each token paid bounds and uniqueness checks, and the loop's
    /// locals crowded the scan's registers.
    @inline(never)
    func present(_ range: Range<Int>, types: UnsafePointer<Int32>, features: UnsafePointer<TokenFeatures>, known: UnsafeMutablePointer<UInt64>,
                 run: UnsafeMutablePointer<Run>) -> UInt64 {
        var present: UInt64 = 0
        for t in range {
            let type = Int(types[t])
            if known[type] == 0 { known[type] = bits(features[t], token: t, run: run) }
            present |= known[type]
        }
        return present
    }

    /// The bits token `t`, with features `f`, meets, with `known` set. A rare test is asked
    /// through the run, whose memo per type the matching shares (the glued unit is also the
    /// rule's way in: most types were asked already).
    func bits(_ f: TokenFeatures, token t: Int, run: UnsafeMutablePointer<Run>) -> UInt64 {
        var bits = Self.known
        if let k = words[f.hash] { bits |= masks[Int(k)] }
        if let k = units[FollowTable.unitKey(f.firstUnit)] { bits |= masks[Int(k)] }
        var ask = testsAlways
        if let k = testUnits[FollowTable.unitKey(f.firstUnit)] { ask |= testsAsked[Int(k)] }
        ask &= testsOfKind[Int(f.kind.rawValue)]
        while ask != 0 {
            var i = ask.trailingZeroBitCount
            ask &= ask - 1
            while i < testChecks.count {
                if bits & testMasks[i] != testMasks[i] && run.pointee.passes(testChecks[i], t) { bits |= testMasks[i] }
                i += 64
            }
        }
        return bits
    }
}
