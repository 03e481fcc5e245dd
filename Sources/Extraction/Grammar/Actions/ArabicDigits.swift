/// Reads an Arabic number (`NumberText.arabic`) one character at a time, keeping its digits as
/// an integer and a count of decimals instead of building a string for `Double(_:)`. Why: every
/// number the stages read goes through here, most of them several times, and the array, the
/// string and the parser they fed were most of what reading one cost.
///
/// The value is exact: digits and decimals short enough for the integer to stay below 2^53 and
/// the power of ten to be an exact double give, by one correctly rounded division, the double
/// `Double(_:)` returns for the same text. Longer numbers are `undecided` and the caller reads
/// the text the old way.
struct ArabicDigits {
    enum Result { case number(Double), notANumber, undecided }

    private var mantissa: UInt64 = 0
    private var decimals = 0
    private var tooLong = false
    private var negative = false
    /// Whether a digit, a point or a minus has been read (a + or a comma is not kept).
    private var kept = false
    private var digitsSinceComma = -1      // -1: no comma yet
    private var digitsBeforeFirstComma = 0
    private var sawDot = false, sawDigit = false

    /// Takes one character (a UTF-16 unit or scalar value); false when the text is no number.
    @inline(__always) mutating func add(_ c: UInt32) -> Bool {
        switch c {
        case 0x30...0x39:
            if mantissa < 900_719_925_474_099 { mantissa = mantissa * 10 + UInt64(c - 0x30) } else { tooLong = true }
            if sawDot { decimals += 1 }
            kept = true
            sawDigit = true
            if !sawDot {
                if digitsSinceComma >= 0 { digitsSinceComma += 1 } else { digitsBeforeFirstComma += 1 }
            }
        case 0x2E:
            if sawDot { return false }
            if digitsSinceComma >= 0 && digitsSinceComma != 3 { return false }
            sawDot = true
            kept = true
        case 0x2D, 0x2212:                  // - and U+2212 MINUS SIGN, only first
            if kept { return false }
            negative = true
            kept = true
        case 0x2C:
            if sawDot || !sawDigit { return false }
            if digitsSinceComma >= 0 {
                if digitsSinceComma != 3 { return false }
            } else if digitsBeforeFirstComma > 3 { return false }
            digitsSinceComma = 0
        case 0x2B where !kept: break
        default: return false
        }
        return true
    }

    /// After the last character: the value (not yet checked against `NumberText.limit`).
    func finish() -> Result {
        if !sawDot && digitsSinceComma >= 0 && digitsSinceComma != 3 { return .notANumber }
        guard sawDigit else { return .notANumber }
        guard !tooLong, decimals < Self.powers.count else { return .undecided }
        let v = Double(mantissa) / Self.powers[decimals]
        return .number(negative ? -v : v)
    }

    /// 1e0 … 1e22: the powers of ten a double holds exactly.
    private static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { r, _ in r * 10 } }
}
