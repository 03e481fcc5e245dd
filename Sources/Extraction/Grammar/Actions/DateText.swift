/// Reading the parts of a date from the text a rule captured: a year, month, day, quarter or
/// half written with Arabic digits, Chinese numerals or English words. The rules decide where a
/// part is; this only turns its text into a number (nil when it is not one, so the rule fails).
public enum DateText {
    /// Characters a captured part may carry around its number: the unit (年 月 日 号 季度), 第,
    /// ordinal suffixes, dots and spaces. They are dropped before the number is read.
    static let noise: Set<Character> = ["年", "月", "日", "号", "號", "第", "季", "度", "份", " ", ".", ",", "'", "’"]

    static let monthNames: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
        "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    ]

    static let unitWords: [String: Int] = [
        "one": 1, "first": 1, "two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4, "five": 5, "fifth": 5,
        "six": 6, "sixth": 6, "seven": 7, "seventh": 7, "eight": 8, "eighth": 8, "nine": 9, "ninth": 9,
    ]
    static let tenWords: [String: Int] = [
        "ten": 10, "tenth": 10, "eleven": 11, "eleventh": 11, "twelve": 12, "twelfth": 12, "thirteen": 13, "thirteenth": 13,
        "fourteen": 14, "fourteenth": 14, "fifteen": 15, "fifteenth": 15, "sixteen": 16, "sixteenth": 16,
        "seventeen": 17, "seventeenth": 17, "eighteen": 18, "eighteenth": 18, "nineteen": 19, "nineteenth": 19,
        "twenty": 20, "twentieth": 20, "thirty": 30, "thirtieth": 30,
    ]

    /// A day-sized number in English words, spaces and hyphens already dropped: "tenth",
    /// "twentysecond" (twenty-second), "thirtyone" → 10, 22, 31.
    static func words(_ s: String) -> Int? {
        if let n = unitWords[s] ?? tenWords[s] { return n }
        for (tens, n) in [("twenty", 20), ("thirty", 30)] where s.hasPrefix(tens) {
            return unitWords[String(s.dropFirst(tens.count))].map { n + $0 }
        }
        return nil
    }

    /// The number in a part: Arabic digits (with an ordinal suffix: 10th) or Chinese numerals.
    public static func integer(_ text: String) -> Int? {
        if let plain = digitsAndNoise(text) { return plain.count > 0 && plain.count <= 4 ? plain.value : nil }
        var s = Substring(text.lowercased()).filter { !noise.contains($0) }
        if s.isEmpty { return nil }
        if let w = ordinalWords[String(s)] { return w }
        if s.allSatisfy({ $0.isLetter && $0.isASCII || $0 == "-" }), let w = words(String(s.filter { $0 != "-" })) { return w }
        for suffix in ["st", "nd", "rd", "th"] where s.hasSuffix(suffix) && s.count > 2 {
            s.removeLast(2)
            break
        }
        if s.allSatisfy({ $0.isASCII && $0.isNumber }) { return s.count <= 4 ? Int(s) : nil }
        guard let v = NumberText.chinese(String(s))?.value, v.rounded() == v, v < 10000 else { return nil }
        return Int(v)
    }

    /// Text made only of ASCII digits and `noise` (2025年, 05, 3月, 15日), the most common part by
    /// far: how many digits and, up to four, their value, read from the scalars without
    /// building Characters, lowercasing or filtering. Nil for any other text, which the general
    /// steps read. Each of these scalars is a Character of its own (none combines), so the
    /// general steps come to the same number.
    static func digitsAndNoise(_ text: String) -> (count: Int, value: Int)? {
        var count = 0, value = 0
        for c in text.unicodeScalars {
            switch c.value {
            case 0x30...0x39:
                count += 1
                if count <= 4 { value = value * 10 + Int(c.value - 0x30) }
            case 0x20, 0x2E, 0x2C, 0x27, 0x2019,                    // space . , ' ’
                 0x5E74, 0x6708, 0x65E5, 0x53F7, 0x865F, 0x7B2C, 0x5B63, 0x5EA6, 0x4EFD:   // 年 月 日 号 號 第 季 度 份
                continue
            default:
                return nil
            }
        }
        return (count, value)
    }

    /// A year: four digits (2025, 二〇二五), or two (25 in 3Q25, 18年) read as 20xx below 70
    /// and 19xx from 70. Nil outside `CalendarDate.years`.
    /// A Chinese year is written digit by digit (二〇二五年, 零八年) or as a number of thousands
    /// (两千零四年); 二十年 and 五年 are durations, not years.
    public static func year(_ text: String) -> Int? {
        if let plain = digitsAndNoise(text) {
            // What the steps below make of digits and noise: no FY, nothing counted, a 4-digit
            // year, or two digits.
            guard plain.count > 0, plain.count <= 4 else { return nil }
            if plain.value >= 1000 { return CalendarDate.years.contains(plain.value) ? plain.value : nil }
            guard plain.count == 2 else { return nil }
            return plain.value < 70 ? 2000 + plain.value : 1900 + plain.value
        }
        // FY26 / CY2025 as a year part: the rule says whether it is fiscal.
        let text = text.count > 2 && "fFcC".contains(text.first!) && "yY".contains(text[text.index(after: text.startIndex)])
            ? String(text.dropFirst(2)) : text
        let digits = text.filter { !noise.contains($0) }
        guard let v = integer(text) else { return nil }
        let counted = digits.contains { "十百千".contains($0) }
        if v >= 1000 { return CalendarDate.years.contains(v) ? v : nil }
        // Two Chinese digits are a year only with a leading zero (零八年); 三五年 is "three to five years".
        guard !counted, digits.count == 2, digits.first!.isASCII || "零〇".contains(digits.first!) else { return nil }
        return v < 70 ? 2000 + v : 1900 + v
    }

    /// A month: a number 1–12 (5, 05, 十二) or an English name or abbreviation (Sept, May).
    public static func month(_ text: String) -> Int? {
        // Digits and noise (05, 3月: most months) have no letter to look up.
        if digitsAndNoise(text) == nil {
            let key = monthKey(text)
            if !key.isEmpty, let m = monthNames[key] { return m }
        }
        guard let m = integer(text), (1...12).contains(m) else { return nil }
        return m
    }

    /// The ASCII letters of a text, lowercased (the empty key names no month). ASCII text is
    /// folded byte by byte: lowercasing it changes only A–Z, and its letters are a–z, A–Z.
    static func monthKey(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased().filter { $0.isLetter && $0.isASCII } }
        return String(unsafeUninitializedCapacity: text.utf8.count) { key in
            var n = 0
            for b in text.utf8 where (b | 0x20) &- 0x61 < 26 { key[n] = b | 0x20; n += 1 }
            return n
        }
    }

    /// A day of the month as written (1–31); whether that month has it is CalendarDate's call.
    public static func day(_ text: String) -> Int? {
        guard let d = integer(text), (1...31).contains(d) else { return nil }
        return d
    }

    static let weekdays: [String: Int] = [
        "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2, "thursday": 3, "thu": 3,
        "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5, "sunday": 6, "sun": 6,
        "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    ]

    /// A weekday 0 (Monday) … 6 (Sunday): an English name or abbreviation (Fri, fridays), or the
    /// numeral closing 周五, 星期一, 礼拜天.
    public static func weekday(_ text: String) -> Int? {
        var key = text.lowercased().filter { $0 != "." }
        if let w = weekdays[key] { return w }
        if key.hasSuffix("s") { key.removeLast(); if let w = weekdays[key] { return w } }
        return text.last.flatMap { weekdays[String($0)] }
    }

    /// A count written in digits, Chinese numerals or a small English word (a, two, twelve),
    /// with unit characters (天 年 周 个 月) dropped: 三天 → 3, 十年 → 10, "a" → 1.
    public static func count(_ text: String) -> Int? {
        // "a few", "a couple": the last word counts.
        let last = text.split(separator: " ").last.map(String.init) ?? text
        let t = last.lowercased().filter { !"天年周个月日星期 ".contains($0) }
        if let w = countWords[t] { return w }
        return integer(t)
    }

    static let countWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3,
        "several": 3, "couple": 2, "两": 2,
    ]

    static let decadeWords: [String: Int] = [
        "noughties": 0, "aughts": 0, "thousands": 0, "tens": 10, "twenties": 20, "thirties": 30, "forties": 40,
        "fifties": 50, "sixties": 60, "seventies": 70, "eighties": 80, "nineties": 90,
    ]

    /// A decade's two digits from its word (seventies → 70, noughties → 0), else nil.
    public static func decade(_ text: String) -> Int? { decadeWords[text.lowercased()] }

    /// A quarter 1–4: 3, 三, third, 3rd (Q and 季度 already outside the capture or dropped).
    public static func quarter(_ text: String) -> Int? {
        let t = text.lowercased().filter { $0 != "q" }
        guard let q = integer(t), (1...4).contains(q) else { return nil }
        return q
    }

    /// A half 1–2: 上 / first / 1 → 1, 下 / second / 2 → 2.
    public static func half(_ text: String) -> Int? {
        let t = text.lowercased().filter { $0 != "h" && $0 != " " }
        if t.first == "上" || t.first == "前" { return 1 }
        if t.first == "下" || t.first == "后" { return 2 }
        switch t {
        case "上", "1", "first", "1st": return 1
        case "下", "2", "second", "2nd": return 2
        default: return nil
        }
    }
}
