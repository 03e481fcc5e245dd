/// The Chinese numeral characters (`NumberText.zhDigit`, `zhSmall`, `zhBig`) by their UTF-16
/// unit. Why: the actions ask about the characters around nearly every number (is the next one
/// 亿? is the one before a Chinese digit?), and a `Dictionary<Character, …>` lookup builds a
/// Character and hashes it each time, which cost more than reading the number itself.
///
/// The same answers as comparing Characters: each table also lists the CJK compatibility
/// ideographs whose canonical form is one of its characters (U+F9D1 is 六), which a Character
/// compares equal; no other character, and no sequence of several, is canonically one of these.
enum ChineseNumeral {
    /// 零 〇 一 … 九 and their financial forms: the digit's value.
    static func digit(_ u: UInt16) -> Double? {
        switch u {
        case 0x96F6, 0x3007, 0xF9B2: return 0                       // 零 〇 (零)
        case 0x4E00, 0x58F9: return 1                               // 一 壹
        case 0x4E8C, 0x8D30, 0x8CB3, 0x4E24, 0x5169, 0x5006, 0xF978: return 2   // 二 贰 貳 两 兩 倆 (兩)
        case 0x4E09, 0x53C1, 0x53C3, 0xF96B: return 3               // 三 叁 參 (參)
        case 0x56DB, 0x8086: return 4                               // 四 肆
        case 0x4E94, 0x4F0D: return 5                               // 五 伍
        case 0x516D, 0x9646, 0x9678, 0xF9D1, 0xF9D3: return 6       // 六 陆 陸 (六) (陸)
        case 0x4E03, 0x67D2: return 7                               // 七 柒
        case 0x516B, 0x634C: return 8                               // 八 捌
        case 0x4E5D, 0x7396: return 9                               // 九 玖
        default: return nil
        }
    }

    /// 十 百 千 (and 拾 佰 仟): the unit's value.
    static func small(_ u: UInt16) -> Double? {
        switch u {
        case 0x5341, 0x62FE, 0xF973: return 10                      // 十 拾 (拾)
        case 0x767E, 0x4F70: return 100                             // 百 佰
        case 0x5343, 0x4EDF: return 1000                            // 千 仟
        default: return nil
        }
    }

    /// 万 亿 兆: the unit's value.
    static func big(_ u: UInt16) -> Double? {
        switch u {
        case 0x4E07, 0x842C: return 1e4                             // 万 萬
        case 0x4EBF, 0x5104: return 1e8                             // 亿 億
        case 0x5146: return 1e12                                    // 兆
        default: return nil
        }
    }

    /// 点 點: the decimal point of a Chinese numeral.
    static func isPoint(_ u: UInt16) -> Bool { u == 0x70B9 || u == 0x9EDE }

    /// Whether `u` can be part of a Chinese numeral (`NumberText.isChineseNumeral`).
    static func isNumeral(_ u: UInt16) -> Bool { digit(u) != nil || small(u) != nil || big(u) != nil || isPoint(u) }

    /// The one UTF-16 unit a Character is made of, else nil: a Character of more than one
    /// scalar, or of one outside the BMP, is none of the characters above.
    @inline(__always) static func unit(_ c: Character) -> UInt16? {
        var it = c.utf16.makeIterator()
        guard let u = it.next(), it.next() == nil else { return nil }
        return u
    }
}
