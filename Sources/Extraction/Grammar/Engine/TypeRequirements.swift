import NoteGraphCore

/// The stage's rule requirements (`Compiler.requirement`) as bits, and which of them each token
/// type of a document meets: a sentence meets the bits its tokens' types meet, and a rule whose
/// bit the sentence misses is not started there. Bits are shared when a stage has more than 63
/// distinct requirements, which only lets more sentences through, never fewer.
struct TypeRequirements: @unchecked Sendable {
    /// Per rule: its requirement's bit, 0 when it has none.
    let ruleBits: [UInt64]
    /// Word hashes, and first units (mixed as `FollowTable.unitKey`), → index into `masks`:
    /// open addressing, as everywhere else a token is looked up (a `Dictionary` hashes again).
    private let words: HashIndex
    private let units: HashIndex
    private let masks: [UInt64]

    /// Marks a type's entry as worked out (a requirement never uses this bit).
    static let known: UInt64 = 1 << 63

    init(_ requirements: [Set<FirstKey>?], arena: FilterArena) {
        var bitOf: [Set<FirstKey>: UInt64] = [:], words: [UInt64: UInt64] = [:], units: [UInt16: UInt64] = [:]
        var ruleBits: [UInt64] = []
        for requirement in requirements {
            guard let requirement else { ruleBits.append(0); continue }
            let bit = bitOf[requirement] ?? (1 << UInt64(bitOf.count % 63))
            bitOf[requirement] = bit
            ruleBits.append(bit)
            for key in requirement {
                switch key {
                case let .lower(h): words[h, default: 0] |= bit
                case let .firstUnit(u): units[u, default: 0] |= bit
                default: preconditionFailure("a requirement holds words and first characters only")
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
    }

    /// The bits the tokens in `range` meet together, with `known` set; `known[type]` holds
    /// (or receives) each type's bits, 0 until worked out. A call of its own, over buffers:
    /// in the scan's body each token paid bounds and uniqueness checks, and the loop's
    /// locals crowded the scan's registers.
    @inline(never)
    func present(_ range: Range<Int>, types: UnsafePointer<Int32>, features: UnsafePointer<TokenFeatures>, known: UnsafeMutablePointer<UInt64>) -> UInt64 {
        var present: UInt64 = 0
        for t in range {
            let type = Int(types[t])
            if known[type] == 0 { known[type] = bits(features[t]) }
            present |= known[type]
        }
        return present
    }

    /// The bits a token with features `f` meets, with `known` set.
    func bits(_ f: TokenFeatures) -> UInt64 {
        var bits = Self.known
        if let k = words[f.hash] { bits |= masks[Int(k)] }
        if let k = units[FollowTable.unitKey(f.firstUnit)] { bits |= masks[Int(k)] }
        return bits
    }
}
