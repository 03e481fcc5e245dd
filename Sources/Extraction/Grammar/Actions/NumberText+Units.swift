/// `chinese(_:)` read from UTF-16 units for the text most numerals are: Chinese digits and units,
/// approximation marks (多 余 几) and ASCII digits, points and commas, nothing else. Why: the
/// Character steps paid for building, comparing and hashing Characters at every piece (ten
/// thousand instructions for 三千五百万), more than the rest of the number actions.
///
/// The same steps as `zhInteger` after `chinese` found no space, sign, 又, 分, 点 or 打 (none
/// of which such text has): each of these units is a Character of its own (none combines with
/// its neighbours), and `ChineseNumeral` answers for a unit as for its Character.
extension NumberText {
    /// nil when the text has a unit outside those above (the Character steps read it then);
    /// .some(nil) when it is no number.
    static func chinesePlain(_ text: String) -> Reading?? {
        let units = Array(text.utf16)
        guard !units.isEmpty, units.allSatisfy(isPlain) else { return nil }
        // Alone, these are words first: 伍 (队伍), 陆 (陆地), 拾 (收拾), 肆 (放肆), 壹 (壹切).
        if units.count == 1, isLoneWord(units[0]) { return .some(nil) }
        guard let r = zhIntegerUnits(units[...]) else { return .some(nil) }
        guard let v = checked(r.value) else { return .some(nil) }
        return .some(Reading(v, approx: r.approx))
    }

    private static func isASCIINumber(_ u: UInt16) -> Bool { u &- 0x30 < 10 || u == 0x2E || u == 0x2C }

    /// 多 余 餘 几 幾 (`zhApprox`; none has a compatibility ideograph).
    private static func isApprox(_ u: UInt16) -> Bool { u == 0x591A || u == 0x4F59 || u == 0x9918 || u == 0x51E0 || u == 0x5E7E }

    /// 两 兩 倆 and the compatibility 兩: never a digit of a number read digit by digit.
    private static func isLiang(_ u: UInt16) -> Bool { u == 0x4E24 || u == 0x5169 || u == 0x5006 || u == 0xF978 }

    /// `loneWords`: 壹 伍 陆 陸 拾 肆 佰 仟 柒 捌 玖, with the compatibility 陸 and 拾.
    private static func isLoneWord(_ u: UInt16) -> Bool {
        switch u {
        case 0x58F9, 0x4F0D, 0x9646, 0x9678, 0xF9D3, 0x62FE, 0xF973, 0x8086, 0x4F70, 0x4EDF, 0x67D2, 0x634C, 0x7396: return true
        default: return false
        }
    }

    private static func isPlain(_ u: UInt16) -> Bool {
        isASCIINumber(u) || ChineseNumeral.digit(u) != nil || ChineseNumeral.small(u) != nil || ChineseNumeral.big(u) != nil || isApprox(u)
    }

    private enum UnitPiece { case none, digit, arabic, small, big, zero, approx }

    /// `zhInteger` on plain units (see above), step for step.
    private static func zhIntegerUnits(_ s: ArraySlice<UInt16>) -> Reading? {
        // Digit by digit: 二〇二五 (two or more digits, none of them 两).
        if s.count >= 2, s.allSatisfy({ ChineseNumeral.digit($0) != nil && !isLiang($0) }) {
            return Reading(s.reduce(0.0) { $0 * 10 + ChineseNumeral.digit($1)! })
        }
        var total = 0.0, section = 0.0, pending: Double? = nil, pendingArabic = false
        var unitBefore: Double? = nil
        var lastSmall = 0.0, lastBig = 0.0, approx = false, sawNumber = false
        var prev = UnitPiece.none
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if isASCIINumber(c) {
                var j = i
                while j < s.endIndex, isASCIINumber(s[j]) { j += 1 }
                guard prev != .digit && prev != .arabic, let a = arabic(units: s[i..<j]) else { return nil }
                pending = a; pendingArabic = true; unitBefore = nil; sawNumber = true
                prev = .arabic
                i = j
                continue
            }
            i += 1
            if let d = ChineseNumeral.digit(c) {
                if d == 0 {
                    if pending != nil { return nil }
                    unitBefore = nil; sawNumber = true
                    prev = .zero
                    continue
                }
                guard prev != .digit && prev != .arabic && prev != .approx else { return nil }
                pending = d; pendingArabic = false; sawNumber = true
                unitBefore = (prev == .small || prev == .big) ? unitBefore : nil
                prev = .digit
            } else if let u = ChineseNumeral.small(c) {
                guard prev != .small, lastSmall == 0 || u < lastSmall else { return nil }
                section += (pending ?? 1) * u
                pending = nil; sawNumber = true
                lastSmall = u; unitBefore = u
                prev = .small
            } else if let u = ChineseNumeral.big(c) {
                let sec = section + (pending ?? 0)
                if sec == 0 {
                    guard total > 0 else { return nil }
                    total *= u
                } else if lastBig != 0 && u > lastBig {
                    total = (total + sec) * u
                } else {
                    total += sec * u
                }
                lastBig = u; section = 0; pending = nil; lastSmall = 0; unitBefore = u
                prev = .big
            } else {
                // An approximation mark (the only other plain unit).
                guard sawNumber else { return nil }
                approx = true
                unitBefore = nil
                prev = .approx
            }
        }
        guard sawNumber else { return nil }
        if let p = pending {
            if !pendingArabic, let u = unitBefore, u >= 100, prev == .digit { section += p * u / 10 } else { section += p }
        }
        return Reading(total + section, approx: approx)
    }
}
