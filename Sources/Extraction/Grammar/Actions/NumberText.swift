/// Reading the digits and words of numbers. The patterns that find numbers are in the grammars;
/// this is only the arithmetic of turning their text into a value. Every reader returns nil for
/// text that is not a well-formed number, and for values that are not finite or whose magnitude
/// exceeds `limit`: a number the stage cannot read exactly is no number, never a wrong one.
public enum NumberText {
    /// Values beyond this magnitude are refused (10^400, 99999999999999999999亿).
    public static let limit = 1e18

    /// A value and whether the text only approximates it (100多亿, 300余, 十几万).
    public struct Reading: Equatable, Sendable {
        public var value: Double
        public var approx: Bool
        public init(_ value: Double, approx: Bool = false) { self.value = value; self.approx = approx }
    }

    /// The text without surrounding whitespace (no Foundation: this runs for every number).
    static func trimmed(_ text: some StringProtocol) -> Substring {
        let s = Substring(text)
        // Text that begins and ends with printable ASCII other than a space (most numbers) has
        // nothing to trim: its first and last Characters are those bytes, or begin with a
        // character that prepends to the last, never with whitespace.
        if let a = s.utf8.first, let b = s.utf8.last, a > 0x20, a < 0x7F, b > 0x20, b < 0x7F { return s }
        guard let a = s.firstIndex(where: { !$0.isWhitespace }), let b = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return s[a...b]
    }

    static func checked(_ v: Double?) -> Double? {
        guard let v, v.isFinite, abs(v) <= limit else { return nil }
        return v
    }

    /// "1,234.5", "4310", "+65", "−3", ".08" → value; nil if the text is not an Arabic number.
    /// Group commas must be well placed (1,234 and 1,234,567.8; not 1,23 or 1,2,3,4).
    public static func arabic(_ s: String) -> Double? {
        var reader = ArabicDigits()
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            if b < 0x80 {
                guard reader.add(UInt32(b)) else { return nil }
            } else {
                // U+2212 MINUS SIGN is E2 88 92; any other non-ASCII character is no digit.
                guard b == 0xE2, it.next() == 0x88, it.next() == 0x92, reader.add(0x2212) else { return nil }
            }
        }
        switch reader.finish() {
        case let .number(v): return checked(v)
        case .notANumber: return nil
        case .undecided: return arabicText(s)
        }
    }

    /// `arabic` of document text, read from its UTF-16 units without building a string.
    static func arabic(units: ArraySlice<UInt16>) -> Double? {
        var reader = ArabicDigits()
        for u in units { guard reader.add(UInt32(u)) else { return nil } }
        switch reader.finish() {
        case let .number(v): return checked(v)
        case .notANumber: return nil
        case .undecided: return arabicText(String(decoding: units, as: UTF16.self))
        }
    }

    /// `arabic` through `Double(_:)`, for numbers too long for `ArabicDigits` to read exactly.
    /// Whether the text is a number at all is still `ArabicDigits`' to say (one reading of group
    /// commas, signs and points); only the value goes through the string parser.
    static func arabicText(_ s: String) -> Double? {
        var reader = ArabicDigits()
        var ascii: [UInt8] = []
        ascii.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            guard reader.add(scalar.value) else { return nil }
            switch scalar.value {
            case 0x30...0x39, 0x2E: ascii.append(UInt8(scalar.value))
            case 0x2D, 0x2212: ascii.append(0x2D)
            default: break      // group commas and a leading +
            }
        }
        if case .notANumber = reader.finish() { return nil }
        if ascii.first == 0x2E { ascii.insert(0x30, at: 0) }
        if ascii.count > 1 && ascii[0] == 0x2D && ascii[1] == 0x2E { ascii.insert(0x30, at: 1) }
        return checked(Double(String(decoding: ascii, as: UTF8.self)))
    }

    /// "2e5", "-127.32e13", "12.32e+14": digits, an `e`, a signed exponent.
    public static func scientific(_ s: String) -> Double? {
        let lower = s.lowercased()
        guard let e = lower.firstIndex(of: "e"), let m = arabic(String(lower[..<e])) else { return nil }
        var exp = Substring(lower[lower.index(after: e)...])
        var sign = 1.0
        if exp.first == "+" || exp.first == "-" { sign = exp.first == "-" ? -1 : 1; exp = exp.dropFirst() }
        guard !exp.isEmpty, exp.count <= 3, exp.allSatisfy({ $0.isASCII && $0.isNumber }), let x = Double(exp) else { return nil }
        return checked(m * pow10(sign * x))
    }

    static func pow10(_ x: Double) -> Double {
        var r = 1.0
        let n = Int(abs(x))
        if n > 400 { return x > 0 ? .infinity : 0 }
        for _ in 0..<n { r *= 10 }
        return x < 0 ? 1 / r : r
    }

    /// "3/4", "-3/2", "1 4/3" (a whole number, a space, a fraction), "1⁄2" (NFKC of ½). Numerator
    /// and denominator are whole numbers below 1000 (2024/25 is a fiscal year, not 80.96).
    public static func fraction(_ text: String) -> Double? {
        guard text.utf8.contains(0x2F) || text.unicodeScalars.contains("\u{2044}") else { return nil }
        var s = trimmed(text)
        var negative = false
        if s.first == "-" || s.first == "−" { negative = true; s = s.dropFirst() }
        let parts = s.split(whereSeparator: \.isWhitespace)
        guard parts.count == 1 || parts.count == 2 else { return nil }
        var whole = 0.0
        if parts.count == 2 {
            guard parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let w = Double(parts[0]) else { return nil }
            whole = w
        }
        let nd = parts[parts.count - 1].split(whereSeparator: { $0 == "/" || $0 == "\u{2044}" })
        guard nd.count == 2, nd.allSatisfy({ $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let n = Double(nd[0]), let d = Double(nd[1]), d != 0 else { return nil }
        let v = whole + n / d
        return checked(negative ? -v : v)
    }

    // MARK: Chinese

    /// The value of a Chinese digit (零 〇 一 … 九, 两, and the financial 壹 贰 … 玖), a small unit
    /// (十 百 千, 拾 佰 仟) or a big one (万 亿 兆); the characters are listed in ChineseNumeral,
    /// which answers from the character's UTF-16 unit instead of hashing it.
    static func zhDigit(_ c: Character) -> Double? { ChineseNumeral.unit(c).flatMap(ChineseNumeral.digit) }
    static func zhSmall(_ c: Character) -> Double? { ChineseNumeral.unit(c).flatMap(ChineseNumeral.small) }
    static func zhBig(_ c: Character) -> Double? { ChineseNumeral.unit(c).flatMap(ChineseNumeral.big) }
    /// Whether `c` can be part of a Chinese numeral (a digit, a unit, 点).
    static func isChineseNumeral(_ c: Character) -> Bool { ChineseNumeral.unit(c).map(ChineseNumeral.isNumeral) ?? false }
    static let zhApprox: Set<Character> = ["多", "余", "餘", "几", "幾"]
    static let loneWords: Set<Character> = ["壹", "伍", "陆", "陸", "拾", "肆", "佰", "仟", "柒", "捌", "玖"]
    static let zhMinus: Set<Character> = ["负", "負", "-", "−"]

    /// Chinese numerals, alone or mixed with Arabic digits: 三百五十二 = 352, 两千四百五 = 2450,
    /// 一万五千亿 = 1.5e12, 二十万亿 = 2e13, 5万4千6百 = 54600, 1.29万亿, 四万万 = 4e8,
    /// 二〇二五 = 2025 (digit by digit when there is no unit), 肆佰陸拾 = 460, 负三十二 = −32,
    /// 十五点七 = 15.7, 五分之一 = 0.2, 三又三分之一, 一千多万 = 1e7 approx, 五十打 = 600.
    /// Spaces between the pieces are ignored. Nil for anything not well formed (万, 两两, 五十千).
    public static func chinese(_ text: String) -> Reading? {
        if let plain = chinesePlain(text) { return plain }
        return chineseText(text)
    }

    /// `chinese` by Characters: every text, the general steps `chinesePlain` must agree with.
    static func chineseText(_ text: String) -> Reading? {
        // A Character is whitespace when its first scalar is: text without a whitespace scalar
        // (most) has nothing to drop.
        let s = text.unicodeScalars.contains(where: \.properties.isWhitespace) ? String(text.filter { !$0.isWhitespace }) : text
        // Alone, these are words first: 伍 (队伍), 陆 (陆地), 拾 (收拾), 肆 (放肆), 壹 (壹切).
        if s.count == 1, let c = s.first, loneWords.contains(c) { return nil }
        guard !s.isEmpty, let r = zhSigned(Substring(s)) else { return nil }
        guard let v = checked(r.value) else { return nil }
        return Reading(v, approx: r.approx)
    }

    static func zhSigned(_ s: Substring) -> Reading? {
        var s = s, negative = false
        if let c = s.first, zhMinus.contains(c) { negative = true; s = s.dropFirst() }
        guard !s.isEmpty, let r = zhMixedFraction(s) else { return nil }
        return Reading(negative ? -r.value : r.value, approx: r.approx)
    }

    /// A 又 B分之C.
    static func zhMixedFraction(_ s: Substring) -> Reading? {
        // Looking for the scalar first is cheaper than comparing every Character, and finds the
        // same: no other character is canonically 又, 分, 点 or 點.
        if s.unicodeScalars.contains("又"), let you = s.firstIndex(of: "又") {
            guard let whole = zhDecimal(s[..<you]), let frac = zhFraction(s[s.index(after: you)...]),
                  s[..<you].firstIndex(of: "分") == nil, frac.value >= 0 else { return nil }
            return Reading(whole.value + frac.value, approx: whole.approx || frac.approx)
        }
        return zhFraction(s)
    }

    /// B分之C = C / B (百分之 and 千分之 alone are percent and per mille: not read here).
    static func zhFraction(_ s: Substring) -> Reading? {
        guard s.unicodeScalars.contains("分"), let fen = s.firstIndex(of: "分") else { return zhDecimal(s) }
        let after = s[s.index(after: fen)...]
        guard after.first == "之" else { return nil }
        let denText = s[..<fen], numText = after.dropFirst()
        guard !numText.isEmpty, !["百", "千", "万", "萬"].contains(String(denText)),
              let den = zhDecimal(denText), let num = zhSigned(numText), den.value != 0 else { return nil }
        return Reading(num.value / den.value, approx: den.approx || num.approx)
    }

    /// I点DDD.
    static func zhDecimal(_ s: Substring) -> Reading? {
        guard s.unicodeScalars.contains(where: { $0 == "点" || $0 == "點" }), let dot = s.firstIndex(where: { $0 == "点" || $0 == "點" }) else { return zhInteger(s) }
        guard let whole = zhInteger(s[..<dot]), !whole.approx else { return nil }
        var digits = ""
        for c in s[s.index(after: dot)...] {
            if c.isASCII && c.isNumber { digits.append(c); continue }
            // 两 is never a decimal digit (一点两小时 is 1 and 2, not 1.2).
            guard let d = zhDigit(c), c != "两", c != "兩", c != "倆" else { return nil }
            digits.append(Character(String(Int(d))))
        }
        guard !digits.isEmpty, let f = Double("0." + digits) else { return nil }
        return Reading(whole.value + (whole.value < 0 ? -f : f))
    }

    /// The integer part: digits, units and Arabic numbers (`ZhIntegerReader`), and 打 (a dozen).
    static func zhInteger(_ s: Substring) -> Reading? {
        guard !s.isEmpty else { return nil }
        if s == "半百" { return Reading(50) }
        var s = s, dozen = false
        if s.last == "打" { dozen = true; s = s.dropLast() }
        guard !s.isEmpty else { return nil }
        var reader = ZhIntegerReader()
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c.isASCII && (c.isNumber || c == ".") || c == "," {
                var j = i
                while j < s.endIndex, s[j].isASCII && (s[j].isNumber || s[j] == "." || s[j] == ",") { j = s.index(after: j) }
                reader.add(arabic(String(s[i..<j])).map { .arabic($0) })
                i = j
                continue
            }
            i = s.index(after: i)
            if let d = zhDigit(c) {
                reader.add(.digit(d, liang: c == "两" || c == "兩" || c == "倆"))
            } else if let u = zhSmall(c) {
                reader.add(.small(u))
            } else if let u = zhBig(c) {
                reader.add(.big(u))
            } else {
                reader.add(zhApprox.contains(c) ? .approx : nil)
            }
        }
        guard let r = reader.reading else { return nil }
        return Reading(dozen ? r.value * 12 : r.value, approx: r.approx)
    }

    // MARK: English

    static let enSmall: [String: Double] = [
        "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let enTens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let enScales: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9, "bln": 1e9,
        "trillion": 1e12, "tn": 1e12, "tln": 1e12, "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12, "g": 1e9,
        "lakh": 1e5, "crore": 1e7,
    ]
    static let enDenominators: [String: Double] = [
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5,
        "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
        "quarter": 4, "quarters": 4, "tenth": 10, "tenths": 10, "twentieth": 20, "twentieths": 20,
        "thirtieth": 30, "thirtieths": 30, "fortieth": 40, "fortieths": 40, "fiftieth": 50, "fiftieths": 50, "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    ]

    /// English number words and Arabic numbers with scale words: "one hundred and twenty-three",
    /// "fifty - two", "3 hundred and 21", "1.5 million", "a dozen", "half a million",
    /// "two thirds", "five and a half million", "minus five point five", "twenty one".
    public static func english(_ text: String) -> Reading? {
        // One word of ASCII letters (one, seven, Twenty: most number words a note writes) is
        // its value by one lookup; `englishWords` reads it the same, after splitting and more.
        let u = text.utf8
        if u.count <= 9, !u.isEmpty, u.allSatisfy({ $0 | 0x20 &- 0x61 < 26 }) {
            let w = text.lowercased()
            if let n = enSmall[w] ?? enTens[w] { return Reading(n) }
        }
        // A number and one scale word at one space (1.5 million, 10 bln: the `scaled` rules'
        // usual match) is the product of the two; a zero (whose scale counts as one) and
        // anything else go word by word.
        if u.count <= 32, let space = u.firstIndex(of: 0x20), space > u.startIndex {
            let after = u.index(after: space)
            if after < u.endIndex, u.allSatisfy({ $0 < 0x80 && $0 != 0x2D && !($0 &- 0x09 < 5) }),
               !u[after...].contains(0x20), let a = arabic(String(text[..<space])), a != 0,
               let scale = enScales[String(text[after...]).lowercased()] {
                return checked(a * scale).map { Reading($0) }
            }
        }
        return englishWords(text)
    }

    /// `english` word by word: the general reading.
    static func englishWords(_ text: String) -> Reading? {
        // Words at spaces and hyphens (twenty-one, fifty - two). ASCII text is split by byte: the
        // same words (its whitespace is tab to carriage return and space; CR LF, one Character,
        // is two separators next to each other, which leave no empty word either).
        let words = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.utf8.split(whereSeparator: { $0 == 0x2D || $0 == 0x20 || $0 &- 0x09 < 5 }).map { Substring($0) }
            : text.split(whereSeparator: { $0 == "-" || $0 == "\u{2011}" || $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        var negative = false
        var k = 0
        let first = words[0].lowercased()
        if first == "minus" || first == "negative" { negative = true; k = 1 }
        var total = 0.0, group = 0.0, andMark = 0.0, lastScale = Double.infinity
        var sawNumber = false, lastWasTens = false, lastWasSmall = false, hundredInGroup = false
        var fraction = false, dozen = false, half = false
        var decimals: String? = nil
        // "3 million and a half": a fraction right after "scale and" is a fraction of that scale
        // (of the next scale word if one follows: "one billion and a half million").
        var andAfterScale = false, scaleFraction: Double? = nil
        while k < words.count {
            let w = words[k].lowercased()
            k += 1
            if var d = decimals {
                if let n = enSmall[w], n < 10 { d += String(Int(n)) }
                else if let n = enSmall[w] ?? enTens[w] {
                    d += String(Int(n))
                    if enTens[w] != nil, k < words.count, let o = enSmall[words[k].lowercased()], o < 10, o > 0 {
                        d.removeLast(); d += String(Int(o)); k += 1
                    }
                } else { return nil }
                decimals = d
                continue
            }
            if w == "and" {
                guard sawNumber, k < words.count else { return nil }
                andMark = group; lastWasTens = false; lastWasSmall = false
                andAfterScale = group == 0 && total > 0
                continue
            }
            if w == "a" || w == "an" {
                // "a hundred", "a dozen", "a half", "half a million".
                guard k < words.count else { return nil }
                let next = words[k].lowercased()
                guard next == "hundred" || next == "dozen" || enScales[next] != nil || enDenominators[next] != nil else { return nil }
                if !half { group += 1 }
                sawNumber = true; lastWasSmall = true; lastWasTens = false
                continue
            }
            if w == "point" {
                guard sawNumber, !fraction, !dozen else { return nil }
                decimals = ""
                continue
            }
            if w == "half" && !sawNumber {
                // half a million, half million
                half = true; sawNumber = true
                continue
            }
            if let n = enSmall[w] {
                if lastWasSmall || (lastWasTens && (n >= 10 || n == 0)) || fraction || dozen { return nil }
                group += n; sawNumber = true
                lastWasSmall = true; lastWasTens = false
            } else if let n = enTens[w] {
                if lastWasSmall || lastWasTens || fraction || dozen { return nil }
                group += n; sawNumber = true
                lastWasTens = true; lastWasSmall = false
            } else if let a = arabic(String(words[k - 1])) {
                if lastWasSmall || lastWasTens || fraction || dozen || group - andMark != 0 { return nil }
                // Digits after the first: 4 thousand 3 hundred (a scale follows) or 3 hundred and 21;
                // never "4.7 billion and 65" (two numbers) or "2 million 300".
                if total != 0 || group != 0 {
                    let next = k < words.count ? words[k].lowercased() : ""
                    let scaleFollows = next == "hundred" || enScales[next] != nil
                    if !scaleFollows {
                        guard k >= 2, words[k - 2].lowercased() == "and", hundredInGroup, a < 100, a == a.rounded() else { return nil }
                    }
                }
                group += a; sawNumber = true
                lastWasSmall = true; lastWasTens = false
            } else if w == "hundred" || w == "hundreds" {
                if hundredInGroup || fraction || dozen { return nil }
                let base = group == 0 ? 1 : group
                guard base < 1000 else { return nil }
                group = base * 100; andMark = 0
                hundredInGroup = true; sawNumber = true; lastWasSmall = false; lastWasTens = false
            } else if let u = enScales[w], sawNumber || half {
                if let f = scaleFraction {
                    guard u < lastScale else { return nil }
                    total += f * u; scaleFraction = nil; lastScale = u
                    continue
                }
                guard u < lastScale, !dozen else { return nil }
                var base = group == 0 ? 1 : group
                if half { base = 0.5; half = false }
                total += base * u
                lastScale = u; group = 0; andMark = 0; hundredInGroup = false
                lastWasSmall = false; lastWasTens = false; fraction = false
            } else if w.hasPrefix("quarter"), !sawNumber, k < words.count, let u = enScales[words[k].lowercased()], u >= 1e3 {
                // quarter million
                total += 0.25 * u; lastScale = u; k += 1; sawNumber = true
            } else if let den = enDenominators[w], sawNumber, !fraction, !dozen {
                // "three quarters" are fiscal quarters in notes: a quarter is a fraction only
                // after "and" (five and a quarter) or before a scale word (three quarters million).
                if w.hasPrefix("quarter") {
                    let afterAnd = k >= 3 && words[k - 3].lowercased() == "and"
                    let beforeScale = k < words.count && enScales[words[k].lowercased()] != nil
                    guard afterAnd || beforeScale else { return nil }
                }
                let num = group - andMark
                guard num > 0 || w == "half" else { return nil }
                if andAfterScale {
                    scaleFraction = (num == 0 ? 1 : num) / den
                    group = 0
                } else {
                    group = andMark + (num == 0 ? 1 : num) / den
                }
                fraction = true; lastWasSmall = false; lastWasTens = false
            } else if w == "dozen" || w == "dozens" || w == "doz" || w == "dozs" || w == "dzs" || w == "dz", !dozen, !fraction {
                // three hundred and two dozens = 300 + 24: a dozen multiplies what follows "and".
                let part = group - andMark
                let base = half ? 0.5 : (part == 0 ? 1 : part)
                group = andMark + base * 12; half = false; sawNumber = true
                dozen = true; lastWasSmall = false; lastWasTens = false
            } else {
                return nil
            }
        }
        guard sawNumber, !half else { return nil }
        if let f = scaleFraction { total += f * lastScale }
        var v = total + group
        if let d = decimals {
            guard !d.isEmpty, let f = Double("0." + d), v == v.rounded() else { return nil }
            v += f
        }
        guard let r = checked(negative ? -v : v) else { return nil }
        return Reading(r)
    }
}
