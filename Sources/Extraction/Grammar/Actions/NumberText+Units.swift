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

    /// `zhInteger` on plain units (see above): the same reader, fed units.
    private static func zhIntegerUnits(_ s: ArraySlice<UInt16>) -> Reading? {
        var reader = ZhIntegerReader()
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if isASCIINumber(c) {
                var j = i
                while j < s.endIndex, isASCIINumber(s[j]) { j += 1 }
                reader.add(arabic(units: s[i..<j]).map { .arabic($0) })
                i = j
                continue
            }
            i += 1
            if let d = ChineseNumeral.digit(c) {
                reader.add(.digit(d, liang: isLiang(c)))
            } else if let u = ChineseNumeral.small(c) {
                reader.add(.small(u))
            } else if let u = ChineseNumeral.big(c) {
                reader.add(.big(u))
            } else {
                reader.add(.approx)   // the only other plain unit
            }
        }
        return reader.reading
    }
}
