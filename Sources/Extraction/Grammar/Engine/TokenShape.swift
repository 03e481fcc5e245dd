/// Word shape as rules test it (`shape:Xx`): X for an upper-case letter, x lower-case, d a
/// decimal digit, H a Han character, any other character as itself; runs of one symbol collapse
/// (`Nvidia` → `Xx`, `2330.TW` → `d.X`). Worked out on UTF-16 units without building a String:
/// building one (and `Character`s) cost about ten thousand instructions a token, and shape tests
/// are asked wherever a rule starts with a capitalised word.
enum TokenShape {
    static let upper: UInt32 = 0x58, lower: UInt32 = 0x78, digit: UInt32 = 0x64, han: UInt32 = 0x48

    /// The symbol of one scalar (U+FFFD for a lone surrogate, as decoding would give).
    @inline(__always) static func symbol(_ v: UInt32) -> UInt32 {
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return upper }
            if v >= 0x61 && v <= 0x7A { return lower }
            if v >= 0x30 && v <= 0x39 { return digit }
            return v
        }
        // Han first: no character of these blocks is cased or a decimal digit, and Chinese
        // notes are mostly Han.
        if (0x3400...0x9FFF).contains(v) || (0x20000...0x2FFFF).contains(v) { return han }
        guard let s = Unicode.Scalar(v) else { return 0xFFFD }
        let p = s.properties
        if p.isUppercase { return upper }
        if p.isLowercase { return lower }
        if p.numericType == .decimal { return digit }
        return v
    }

    /// Calls `take` with each symbol of the shape of `units` in order, runs collapsed; stops
    /// when `take` returns false.
    @inline(__always) static func symbols<Units: RandomAccessCollection<UInt16>>(_ units: Units, _ take: (UInt32) -> Bool) where Units.Index == Int {
        var last: UInt32 = 0xFFFF_FFFF
        var i = units.startIndex
        while i < units.endIndex {
            var v = UInt32(units[i])
            i += 1
            if v & 0xFC00 == 0xD800 {
                if i < units.endIndex, units[i] & 0xFC00 == 0xDC00 {
                    v = 0x10000 + ((v - 0xD800) << 10) + (UInt32(units[i]) - 0xDC00)
                    i += 1
                } else {
                    v = 0xFFFD
                }
            } else if v & 0xFC00 == 0xDC00 {
                v = 0xFFFD
            }
            let s = symbol(v)
            if s != last {
                last = s
                if !take(s) { return }
            }
        }
    }

    /// Whether `units` have the shape whose symbols are `expected`.
    static func matches<Units: RandomAccessCollection<UInt16>>(_ units: Units, _ expected: [UInt32]) -> Bool where Units.Index == Int {
        var k = 0
        var ok = true
        symbols(units) { s in
            guard k < expected.count, expected[k] == s else { ok = false; return false }
            k += 1
            return true
        }
        return ok && k == expected.count
    }
}
