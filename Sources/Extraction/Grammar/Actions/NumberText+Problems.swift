/// Why a text is no number the stage reads: the reason `grammar explain` shows for a refused
/// match. Worked out only when explaining (the readers themselves just return nil, at no cost),
/// by checking again, in the order a reader meets them, what makes such text unreadable.
extension NumberText {
    public static func problem(_ raw: String) -> String {
        let text = String(trimmed(raw))
        if let m = magnitude(text), !m.isFinite || m > limit { return "value beyond ±1e18 (\(text))" }
        if text.filter({ $0 == "." || $0 == "点" || $0 == "點" }).count > 1 { return "more than one decimal point (\(text))" }
        if text.contains(","), text.contains(where: isArabicDigit) { return "commas that do not separate groups of three digits (\(text))" }
        if mixesScripts(text) { return "Arabic digits and Chinese numerals mixed with no unit between them (\(text))" }
        if text.contains(where: { zhSmall($0) != nil || zhBig($0) != nil }) { return "Chinese numeral units out of order or with no number (\(text))" }
        return "not a number the stage reads (\(text))"
    }

    static func isArabicDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// Whether an Arabic digit and a Chinese digit stand side by side (12三4, 二〇二5): one
    /// number written in two scripts, which no reading makes sense of.
    static func mixesScripts(_ text: String) -> Bool {
        var previous: Character?
        for c in text {
            if let p = previous, isArabicDigit(p) && zhDigit(c) != nil || zhDigit(p) != nil && isArabicDigit(c) { return true }
            previous = c
        }
        return false
    }

    /// The size of `text` with no limit applied, where it can be told: a Chinese numeral's
    /// reading, or Arabic digits (group commas ignored) with an exponent (1e400, 10^400) and then
    /// every 万, 亿 or 兆 after them (99999999999999999999亿); nil otherwise.
    static func magnitude(_ text: String) -> Double? {
        let s = Substring(text.filter { $0 != "," && $0 != "+" && !$0.isWhitespace }).drop { $0 == "-" || $0 == "−" }
        let mantissa = s.prefix { isArabicDigit($0) || $0 == "." }
        if mantissa.isEmpty { return zhSigned(s).map { abs($0.value) } }
        guard var v = Double(mantissa) else { return nil }
        var rest = s.dropFirst(mantissa.count)
        if let mark = rest.first, mark == "e" || mark == "E" || mark == "^" {
            let exponent = rest.dropFirst().prefix { isArabicDigit($0) }
            guard let x = Int(exponent.prefix(5)) else { return v }
            let base = mark == "^" ? v : 10
            var power = 1.0
            for _ in 0..<min(x, 5000) where power.isFinite { power *= base }
            v = mark == "^" ? power : v * power
            rest = rest.dropFirst(1 + exponent.count)
        }
        for c in rest { if let u = zhBig(c) { v *= u } }
        return v
    }
}
