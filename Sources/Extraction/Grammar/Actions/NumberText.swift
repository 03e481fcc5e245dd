/// Reading the digits of numbers. The patterns that find numbers are in the grammars; this is
/// only the arithmetic of turning their text into a value.
public enum NumberText {
    /// "1,234.5", "4310", "+65", "−3" → value; nil if the text is not an Arabic number.
    public static func arabic(_ s: String) -> Double? {
        // One pass over the UTF-8: drop group commas and a leading +, turn U+2212 into -.
        var ascii: [UInt8] = []
        ascii.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case 0x30...0x39, 0x2E, 0x2D: ascii.append(b)
            case 0x2C: continue
            case 0x2B where ascii.isEmpty: continue
            case 0xE2:   // U+2212 MINUS SIGN is E2 88 92
                guard it.next() == 0x88, it.next() == 0x92 else { return nil }
                ascii.append(0x2D)
            default: return nil
            }
        }
        guard !ascii.isEmpty else { return nil }
        return Double(String(decoding: ascii, as: UTF8.self))
    }

    static let digits: [Character: Double] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    static let smallUnits: [Character: Double] = ["十": 10, "百": 100, "千": 1000]
    static let bigUnits: [Character: Double] = ["万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12]

    /// Chinese numerals: 三百五十二 = 352, 两千 = 2000, 十二 = 12, 一万五千亿 = 1.5e12,
    /// 二十万亿 = 2e13, 二〇二五 = 2025 (digit by digit when there is no unit).
    /// 万 and 亿 multiply everything before them, so 万亿 = 1e12.
    public static func chinese(_ s: String) -> Double? {
        guard !s.isEmpty else { return nil }
        if s.allSatisfy({ digits[$0] != nil }) {
            return s.reduce(0.0) { $0 * 10 + digits[$1]! }
        }
        var total = 0.0      // completed groups above the current big unit
        var section = 0.0    // below the current big unit
        var digit: Double? = nil
        for c in s {
            if let d = digits[c] {
                digit = d
            } else if let u = smallUnits[c] {
                section += (digit ?? 1) * u
                digit = nil
            } else if let u = bigUnits[c] {
                section += digit ?? 0
                digit = nil
                if section == 0 && total == 0 { return nil }
                // 万亿: a bigger unit multiplies what came before it too.
                if total > 0 && (section == 0 || u > 1e4 && total < u) {
                    total = (total + section) * u
                } else {
                    total += section * u
                }
                section = 0
            } else {
                return nil
            }
        }
        return total + section + (digit ?? 0)
    }
}
