import NoteGraphCore

/// The stage's rule requirements (`Compiler.requirement`) as bits, and which of them each token
/// type of a document meets: a sentence meets the bits its tokens' types meet, and a rule whose
/// bit the sentence misses is not started there. Bits are shared when a stage has more than 63
/// distinct requirements, which only lets more sentences through, never fewer.
struct TypeRequirements: Sendable {
    /// Per rule: its requirement's bit, 0 when it has none.
    let ruleBits: [UInt64]
    private let words: [UInt64: UInt64]
    private let units: [UInt16: UInt64]

    /// Marks a type's entry as worked out (a requirement never uses this bit).
    static let known: UInt64 = 1 << 63

    init(_ requirements: [Set<FirstKey>?]) {
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
        self.words = words
        self.units = units
    }

    var isEmpty: Bool { words.isEmpty && units.isEmpty }

    /// The bits a token with features `f` meets, with `known` set.
    func bits(_ f: TokenFeatures) -> UInt64 {
        (words[f.hash] ?? 0) | (units[f.firstUnit] ?? 0) | Self.known
    }
}
