/// The first UTF-16 units a token of a given shape can start with, so that a rule starting with
/// `shape:Xx` is proposed only at tokens starting with a capital letter instead of at every
/// token (where it ran the whole rule: "CEO Jensen Huang said" made the cues stage ten times
/// slower than all the others together). Exact, not a guess: `TokenShape` classes a
/// token's first scalar by the same Unicode properties used here, and every high surrogate is
/// included, so a token starting outside the BMP is still proposed.
enum ShapeKeys {
    /// Nil when the shape's first symbol is not a letter or digit class (a literal character:
    /// few rules start so, and the set would be one unit anyway).
    static func firstUnits(of shape: String) -> UnitSet? {
        switch shape.unicodeScalars.first {
        case "X": return upper
        case "x": return lower
        case "d": return digit
        default: return nil
        }
    }

    private static let upper = units { $0.isUppercase }
    private static let lower = units { !$0.isUppercase && $0.isLowercase }
    private static let digit = units { !$0.isUppercase && !$0.isLowercase && $0.numericType == .decimal }

    private static func units(_ test: (Unicode.Scalar.Properties) -> Bool) -> UnitSet {
        UnitSet((0...0xFFFF).compactMap { (u: Int) -> UInt16? in
            if (0xD800...0xDBFF).contains(u) { return UInt16(u) }
            guard let scalar = Unicode.Scalar(u), test(scalar.properties) else { return nil }
            return UInt16(u)
        })
    }
}
