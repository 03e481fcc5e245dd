import Foundation

/// Chinese ratios written against a whole, read as percentages: tenths (三成 = 30%), discounts
/// (八折 = 80% of the price) and shares of a power of ten (千分之二 = 0.2%). ICU cuts these words
/// anywhere (八|点|五成, 三|八折, 百万|万分|之|七), so the rules capture the whole run and
/// these functions read its text, spaces ignored.
enum Tenths {
    /// `mark` 成: tenths (三成七 = 37, 9.5成 = 95, 半成 = 5); `mark` 折: the price paid as a
    /// share of the full one, in tenths up to ten and as written from ten (八折 = 80, 8.5折 = 85,
    /// 八五折 = 75折 = 75/85, 对折 = 半折 = 50). Nil when it is no such ratio (十一成, 120折).
    static func percent(_ text: String, mark: Character) -> Double? {
        var s = Substring(text.filter { !$0.isWhitespace })
        if s.first == "打" { s = s.dropFirst() }
        guard let at = s.lastIndex(of: mark) else { return nil }
        let before = s[..<at], after = s[s.index(after: at)...]
        var whole: Double
        switch before {
        case "半": whole = mark == "折" ? 5 : 0.5
        case "对", "對": guard mark == "折" else { return nil }; whole = 5
        default:
            guard let v = number(before), v > 0 else { return nil }
            whole = v
        }
        // 七成六 = 76, 三成半 = 35: a digit or 半 after the mark is the next tenth.
        var next = 0.0
        if after == "半" {
            next = 0.5
        } else if !after.isEmpty {
            guard let d = number(after), d >= 1, d <= 9, d == d.rounded() else { return nil }
            next = d / 10
        }
        if mark == "折", whole >= 10 {
            // 75折, 八五折: the percentage itself, two digits (十折 is no discount).
            guard whole > 10, whole < 100, whole == whole.rounded(), next == 0 else { return nil }
            return whole
        }
        guard whole + next <= 10 else { return nil }
        return ((whole + next) * 10 * 1e9).rounded() / 1e9
    }

    /// B分之C with B a power of ten from 百: C / B as a percentage (百分之三十 = 30, 千分之一 =
    /// 0.1, 百万分之五 = 0.0005, 百分之百 = 100).
    static func parts(_ text: String) -> Double? {
        let s = text.filter { !$0.isWhitespace }
        guard let r = s.range(of: "分之") else { return nil }
        let denText = String(s[..<r.lowerBound]), numText = String(s[r.upperBound...])
        guard !denText.isEmpty, !numText.isEmpty, denText.allSatisfy({ "百佰千仟万萬亿億".contains($0) }),
              let den = NumberText.chinese("一" + denText)?.value, den >= 100,
              abs(log10(den) - log10(den).rounded()) < 1e-9,
              let num = numText == "百" || numText == "佰" ? 100 : number(Substring(numText)), num >= 0 else { return nil }
        return NumberText.checked(num * 100 / den)
    }

    /// Digits (7.2, １０) or a Chinese numeral (八点五, 三八).
    static func number(_ s: Substring) -> Double? {
        // A lone financial digit (肆) is a word to NumberText.chinese; here it can only be a digit.
        if s.count == 1, let d = NumberText.zhDigit(s.first!) { return d }
        return NumberText.arabic(String(s)) ?? NumberText.chinese(String(s))?.value
    }
}
