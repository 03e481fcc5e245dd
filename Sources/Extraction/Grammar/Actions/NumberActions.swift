import NoteGraphCore

/// Actions of the `number` dimension. Values (the figures stage and conformance read exactly these):
/// - a number: `{"value": n}`, plus `"approx": true` when the text only approximates it (100多亿);
/// - a range or a bound: `{"low": a, "high": b}` without `value`; an open bound is left out
///   (上千: low 1000; "up to 700": high 700); vague amounts (几十万) are approximate ranges;
///   comparatives add `lowInclusive` / `highInclusive`.
/// Every action returns nil (no item) for text it cannot read exactly, and for values beyond
/// ±1e18 or not finite.
enum NumberActions {
    static let all: [GrammarAction] = [
        GrammarAction("number.arabic", dimension: "number",
                      summary: "capture n (or the match) read as an Arabic number: 1,234.5 → 1234.5; +65, −3, .08; not 1,23 or 1..2") { input in
            // Digits right before 万/亿/兆 whose longer reading failed (9999999亿亿亿) are no number.
            let e = Int(input.end)
            if besideChineseNumeral(input) { return input.refuse(mixedScripts) }
            let next = unit(input.view, e)
            if ChineseNumeral.big(next) != nil {
                return input.refuse("digits before \(Character(Unicode.Scalar(next)!)) whose reading with it failed: " + NumberText.problem(input.view.string(input.start, Int32(e + 1))))
            }
            if dotted(input) { return input.refuse("inside a dotted run of digits (1..2, 192.168.1.2)") }
            // 10^400: a base or exponent of power notation is no number of its own.
            if next == caret || unit(input.view, Int(input.start) - 1) == caret { return input.refuse(powerNotation(input)) }
            // Capture n, or the match: read from the document's units, its text built only when
            // that fails (scientific notation, or to say why).
            let n = input.capture("n")
            let (a, b) = n.map { ($0.start, $0.end) } ?? (input.start, input.end)
            if let v = NumberText.arabic(units: input.view.text.utf16[Int(a)..<Int(b)]) { return number(NumberText.Reading(v)) }
            let text = input.view.string(a, b)
            guard let v = NumberText.scientific(text) else { return input.refuse(NumberText.problem(text)) }
            return number(NumberText.Reading(v))
        },
        GrammarAction("number.signed", dimension: "number",
                      summary: "a sign or a leading point and capture n: -3, −3, +65, .08 (not after a letter, digit or point: 1-2 is no negative)") { input in
            let s = Int(input.start)
            if let p = char(input.view, s - 1), p.isLetter || p.isNumber || p == "." || p == "-" || p == "/" {
                return input.refuse("a sign after \"\(p)\" is no sign (1-2 is no negative)")
            }
            let text = input.text.filter { !$0.isWhitespace }
            if dotted(input) { return input.refuse("inside a dotted run of digits (1..2, 192.168.1.2)") }
            guard let v = NumberText.arabic(text) ?? NumberText.scientific(text) else { return input.refuse(NumberText.problem(text)) }
            return number(NumberText.Reading(v))
        },
        GrammarAction("number.chinese", dimension: "number",
                      summary: "capture n (or the match) read as a Chinese numeral, alone or mixed with digits: 一万五千亿 → 1.5e12, 5万4千6百, 一千多万 → 1e7 approx, 五分之一, 三点五") { input in
            let text = input.text("n") ?? input.text
            // A unit right after a numeral is the tail of a run that did not read (五十千): no number.
            let s = Int(input.start)
            if let first = text.first, NumberText.zhSmall(first) != nil || NumberText.zhBig(first) != nil,
               case let p = unit(input.view, s - 1),
               ChineseNumeral.digit(p) != nil || ChineseNumeral.small(p) != nil || ChineseNumeral.big(p) != nil {
                return input.refuse("the tail of a numeral run that did not read (五十千)")
            }
            if besideChineseNumeral(input) { return input.refuse(mixedScripts) }
            guard let r = NumberText.chinese(text) else { return input.refuse(NumberText.problem(text)) }
            return number(r)
        },
        GrammarAction("number.tied", dimension: "number",
                      summary: "capture n: a Chinese numeral run whose last token ICU glued to the classifier after it (三千零五個, 一千八百零三章, 九十二億元): the run read without its last character, the mention (core) ending before it") { input in
            guard let n = input.capture("n") else { return input.refuse("no capture n") }
            let text = input.view.string(n.start, n.end)
            // One classifier, after a numeral: 个个 or 一些 is no tied numeral.
            guard let last = text.last, !NumberText.isChineseNumeral(last), !last.isNumber,
                  let before = text.dropLast().last, NumberText.isChineseNumeral(before) else {
                return input.refuse("not a numeral and one classifier after it (\(text))")
            }
            // The same guard as number.chinese: a run that starts with a unit continues one that did not read.
            let s = Int(input.start)
            if let first = text.first, NumberText.zhSmall(first) != nil || NumberText.zhBig(first) != nil,
               let p = char(input.view, s - 1), NumberText.isChineseNumeral(p), p != "点", p != "點" {
                return input.refuse("the tail of a numeral run that did not read (五十千)")
            }
            if besideChineseNumeral(input) { return input.refuse(mixedScripts) }
            guard let r = NumberText.chinese(String(text.dropLast())) else { return input.refuse(NumberText.problem(String(text.dropLast()))) }
            let end = Double(n.end) - Double(String(last).utf16.count)
            guard case var .object(fields) = number(r) else { return nil }
            fields.append(("core", .array([.number(Double(n.start)), .number(end)])))
            return .object(fields)
        },
        GrammarAction("number.english", dimension: "number",
                      summary: "capture n read as English number words: one hundred and twenty-three, 3 hundred, half a million, two thirds; arguments: words after which a lone `one` is no number (the one, which one)",
                      checkArguments: { args in args.allSatisfy { $0.allSatisfy(\.isLetter) } ? nil : "takes words (the this which …)" }) { input in
            let text = input.text("n") ?? input.text
            guard let r = NumberText.english(text) else { return input.refuse(NumberText.problem(text)) }
            if !input.arguments.isEmpty, text.lowercased() == "one" || text.lowercased() == "one's" {
                // The word right before, at one space: the letters before the head's last
                // Character when that is a space (splitting the whole head at non-letters cost
                // some 10,000 instructions).
                let head = input.view.text.slice(max(0, Int(input.start) - 12)..<Int(input.start)).lowercased()
                if head.last == " " {
                    let body = head.dropLast()
                    var from = body.endIndex
                    while from > body.startIndex, case let before = body.index(before: from), body[before].isLetter { from = before }
                    let p = String(body[from...])
                    if !p.isEmpty, input.arguments.contains(p) { return input.refuse("\"one\" after \"\(p)\" is a pronoun") }
                }
            }
            return number(r)
        },
        GrammarAction("number.scaled", dimension: "number",
                      summary: "capture n (a number) times the factor given as argument: `action number.scaled 1e8` for 亿",
                      checkArguments: { args in args.count == 1 && Double(args[0]) != nil ? nil : "takes one argument, the factor (e.g. 1e8)" }) { input in
            guard let n = input.number("n"), let f = Double(input.arguments[0]) else { return input.refuse(NumberText.problem(input.text("n") ?? input.text)) }
            guard let v = NumberText.checked(n * f) else { return input.refuse("value beyond ±1e18 (\(input.text))") }
            return number(NumberText.Reading(v))
        },
        GrammarAction("number.suffixed", dimension: "number",
                      summary: "a number with a scale letter in the same token (1.29T, 500M, 2bn); arguments map suffixes to factors: k=1e3 bn=1e9 …",
                      checkArguments: suffixTable, prepare: { SuffixTable($0) }) { input in
            let text = input.text("n") ?? input.text
            guard let v = suffixed(text, input.prepared(as: SuffixTable.self) ?? SuffixTable(input.arguments)) else {
                // Why, worked out only when someone asks (`refuse` keeps nothing otherwise).
                guard input.refusal != nil else { return nil }
                let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
                if !digits.isEmpty, NumberText.arabic(String(digits)) != nil, factor(of: String(text.dropFirst(digits.count)), in: input.arguments) != nil {
                    return input.refuse("value beyond ±1e18 (\(text))")
                }
                return input.refuse(digits.isEmpty || NumberText.arabic(String(digits)) != nil ? "\"\(text.dropFirst(digits.count))\" is no scale this rule knows (\(text))" : NumberText.problem(String(digits)))
            }
            return number(NumberText.Reading(v))
        },
        GrammarAction("number.fraction", dimension: "number",
                      summary: "a fraction in digits: 3/4, -3/2, 1 4/3, ½; not inside a run of slashes (5/17/2018) and not 2024/25") { input in
            if chained(input) { return input.refuse("one link of a chain of numbers joined by - or / (5/17/2018, a phone number)") }
            guard let v = NumberText.fraction(input.text) else { return input.refuse("not a fraction of whole numbers below 1000 (\(input.text))") }
            return number(NumberText.Reading(v))
        },
        GrammarAction("number.range", dimension: "number",
                      summary: "captures lo and hi (any number text) as a range {low, high}; a scale on hi alone applies to both (54.6-58B); nil unless low < high") { input in
            if chained(input) { return input.refuse("one link of a chain of numbers joined by - or / (a phone number, a date)") }
            // Most ranges are two runs of digits (5–10, 2024-2026, 20~100): read from the
            // document's units with no text built; such a run has no scale, and reads as `read`
            // reads its text. Anything else, or a run that does not read, takes the steps below.
            if let i = input.index("lo"), let j = input.index("hi"),
               let a = plainDigits(input, i), let b = plainDigits(input, j) {
                guard a < b else { return input.refuse("a range whose low (\(a)) is not below its high (\(b))") }
                return .object([("low", .number(a)), ("high", .number(b))])
            }
            guard let lo = input.text("lo"), let hi = input.text("hi") else { return input.refuse("no captures lo and hi") }
            guard let a = read(lo) else { return input.refuse(NumberText.problem(lo)) }
            guard let b = read(hi) else { return input.refuse(NumberText.problem(hi)) }
            var low = a.value
            let scale = trailingScale(hi)
            if scale > 1, trailingScale(lo) == 1, let scaled = NumberText.checked(low * scale), scaled < b.value { low = scaled }
            guard low < b.value else { return input.refuse("a range whose low (\(low)) is not below its high (\(b.value))") }
            var fields: [(String, JSONValue)] = [("low", .number(low)), ("high", .number(b.value))]
            if a.approx || b.approx { fields.append(("approx", .bool(true))) }
            return .object(fields)
        },
        GrammarAction("number.bound", dimension: "number",
                      summary: "comparatives as bounds: captures named gt, ge (low, exclusive/inclusive), lt, le (high), eq (both); 大于二十 → low 20; argument `open`: only where no number follows (200 or greater, not 200 or greater than 190)",
                      checkArguments: { args in args.isEmpty || args == ["open"] ? nil : "takes no argument or `open`" }) { input in
            if input.arguments == ["open"] {
                let e = Int(input.end), after = input.view.text.slice(e..<min(e + 12, input.view.text.count))
                let next = after.drop { $0.isWhitespace }
                let word = next.prefix { $0.isLetter }.lowercased()
                if next.first.map({ $0.isNumber || $0 == "-" }) == true || NumberText.enSmall[word] != nil || NumberText.enTens[word] != nil || word == "a" {
                    return input.refuse("an open bound followed by a number (200 or greater than 190)")
                }
            }
            // <>30, =>30: no comparison NoteGraph reads.
            let s = Int(input.start)
            if let p = char(input.view, s - 1), "<>=".contains(p) { return input.refuse("a comparison after \"\(p)\" (<>30, =>30) NoteGraph does not read") }
            // more than 1/2 is read whole or not at all.
            let e = Int(input.end)
            if let a = char(input.view, e), "/⁄.".contains(a), isDigit(char(input.view, e + 1)) { return input.refuse("the bound's number goes on after it (more than 1/2)") }
            var low: Double? = nil, high: Double? = nil, lowInc: Bool? = nil, highInc: Bool? = nil
            for c in input.captures {
                guard ["gt", "ge", "lt", "le", "eq"].contains(c.name) else { continue }
                guard let r = read(input.view.string(c.start, c.end)) else { return input.refuse(NumberText.problem(input.view.string(c.start, c.end))) }
                switch c.name {
                case "gt", "ge":
                    guard low == nil else { return nil }
                    low = r.value; lowInc = c.name == "ge"
                case "lt", "le":
                    guard high == nil else { return nil }
                    high = r.value; highInc = c.name == "le"
                default:
                    guard low == nil, high == nil else { return nil }
                    low = r.value; high = r.value; lowInc = true; highInc = true
                }
            }
            guard low != nil || high != nil else { return input.refuse("no bound captured") }
            if let l = low, let h = high, l > h { return input.refuse("a low bound (\(l)) above the high one (\(h))") }
            var fields: [(String, JSONValue)] = []
            if let low { fields.append(("low", .number(low))); fields.append(("lowInclusive", .bool(lowInc ?? true))) }
            if let high { fields.append(("high", .number(high))); fields.append(("highInclusive", .bool(highInc ?? true))) }
            return .object(fields)
        },
        GrammarAction("number.vague", dimension: "number",
                      summary: "vague Chinese amounts as approximate ranges: 几十万 → 2e5…9e5, 小几十万 → 1e5…3e5, 数十亿, 上千 → at least 1000, 百万级 → 1e6…1e7") { input in
            guard let r = vague(input.text.filter { !$0.isWhitespace }) else { return input.refuse("not a vague amount NoteGraph reads (\(input.text)), or beyond ±1e18") }
            var fields: [(String, JSONValue)] = [("low", .number(r.low))]
            if let h = r.high { fields.append(("high", .number(h))) }
            fields.append(("approx", .bool(true)))
            return .object(fields)
        },
    ]

    /// The character at UTF-16 offset `i` of the document when it is in the BMP (the characters
    /// these checks look for all are), else nil; no string is built.
    @inline(__always) static func char(_ view: DocumentView, _ i: Int) -> Character? {
        let u = view.text.utf16
        guard i >= 0, i < u.count, let s = Unicode.Scalar(u[i]) else { return nil }
        return Character(s)
    }

    @inline(__always) static func isDigit(_ c: Character?) -> Bool { c.map { $0.isASCII && $0.isNumber } ?? false }

    /// The UTF-16 unit at offset `i` of the document, 0 outside it. The checks around a match
    /// compare units: building a Character for each (`char`) cost more than reading the number.
    /// A unit compares as its Character does for every character these checks look for (ASCII
    /// and Chinese numerals); a surrogate or 0 is none of them.
    @inline(__always) static func unit(_ view: DocumentView, _ i: Int) -> UInt16 {
        let u = view.text.utf16
        return i >= 0 && i < u.count ? u[i] : 0
    }

    /// Whether a unit is an ASCII digit.
    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u &- 0x30 < 10 }

    static let caret = UInt16(UInt8(ascii: "^")), dot = UInt16(UInt8(ascii: ".")), minus = UInt16(UInt8(ascii: "-")),
               slash = UInt16(UInt8(ascii: "/")), plus = UInt16(UInt8(ascii: "+"))

    static func number(_ r: NumberText.Reading) -> JSONValue {
        r.approx ? .object([("value", .number(r.value)), ("approx", .bool(true))]) : .object([("value", .number(r.value))])
    }

    /// Whether the match's edge is one script of a number written in two (12三4, 二〇二5): Arabic
    /// digits at an edge touching a token made only of Chinese digits, or a Chinese digit at an
    /// edge touching an Arabic digit. Such a number is never read in pieces (4亿 of 12三4亿).
    static func besideChineseNumeral(_ input: ActionInput) -> Bool { besideChineseNumeral(input.view, input.start, input.end) }

    static func besideChineseNumeral(_ v: DocumentView, _ start: Int32, _ end: Int32) -> Bool {
        let s = Int(start), e = Int(end)
        let before = unit(v, s - 1), after = unit(v, e)
        // Most numbers have nothing of the kind beside them: two unit loads say so.
        let zhBefore = ChineseNumeral.digit(before) != nil
        let zhAfter = ChineseNumeral.digit(after) != nil
        if !zhBefore && !zhAfter && !isDigit(before) && !isDigit(after) { return false }
        let first = unit(v, s), last = unit(v, e - 1)
        if isDigit(before), ChineseNumeral.digit(first) != nil { return true }
        if isDigit(after), ChineseNumeral.digit(last) != nil { return true }
        guard zhBefore && isDigit(first) || zhAfter && isDigit(last) else { return false }
        // An Arabic edge: the Chinese neighbour must be a numeral token, not a word ending in one (统一, 三星).
        let units = v.text.utf16
        func chineseDigits(_ t: Token) -> Bool { (Int(t.start)..<Int(t.end)).allSatisfy { ChineseNumeral.digit(units[$0]) != nil } }
        let tokens = v.tokens
        var lo = 0, hi = tokens.count
        while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].start < start { lo = mid + 1 } else { hi = mid } }
        if zhBefore, isDigit(first), lo > 0, tokens[lo - 1].end == start, chineseDigits(tokens[lo - 1]) { return true }
        var k = lo
        while k < tokens.count, tokens[k].start < end { k += 1 }
        if zhAfter, isDigit(last), k < tokens.count, tokens[k].start == end, chineseDigits(tokens[k]) { return true }
        return false
    }

    static let mixedScripts = "Arabic digits and Chinese numerals mixed with no unit between them (12三4)"

    /// Why a base or exponent of power notation gives no number: the whole expression is
    /// calculator notation NoteGraph does not read (2^5), and 10^400 is beyond ±1e18 anyway.
    static func powerNotation(_ input: ActionInput) -> String {
        let text = input.view.text, u = text.utf16
        func part(_ i: Int) -> Bool { char(input.view, i).map { "0123456789.^+-−".contains($0) } ?? false }
        var a = Int(input.start), b = Int(input.end)
        while a > 0, part(a - 1) { a -= 1 }
        while b < u.count, part(b) { b += 1 }
        let expression = text.slice(a..<b)
        if let m = NumberText.magnitude(expression), !m.isFinite || m > NumberText.limit { return "value beyond ±1e18 (\(expression))" }
        return "power notation (\(expression)) is not read: calculator notation, not how notes write numbers"
    }

    /// Whether the match sits inside a dotted run of digits (1..2, 192.168.1.2, 2222.2222.22):
    /// such text is no number the stage can read.
    static func dotted(_ input: ActionInput) -> Bool {
        let v = input.view, s = Int(input.start), e = Int(input.end)
        func digitOrDot(_ u: UInt16) -> Bool { u == dot || isDigit(u) }
        if unit(v, e) == dot, digitOrDot(unit(v, e + 1)) { return true }
        if unit(v, s - 1) == dot, digitOrDot(unit(v, s - 2)) { return true }
        if unit(v, e - 1) == dot, unit(v, e) == dot { return true }
        return false
    }

    /// Whether the match is one link of a chain of numbers joined by - or / (+1-222-2222,
    /// 5/17/2018): a phone number or a date, not a range or a fraction.
    static func chained(_ input: ActionInput) -> Bool {
        let v = input.view, s = Int(input.start), e = Int(input.end)
        let b = unit(v, s - 1)
        if b == minus || b == slash || b == plus || isDigit(b) || (b | 0x20) &- 0x61 < 26 { return true }
        let a = unit(v, e)
        if a == minus || a == slash, isDigit(unit(v, e + 1)) { return true }
        return false
    }

    /// The suffixes every range side and `number.suffixed` know (case ignored).
    static let standardSuffixes = ["k=1e3", "m=1e6", "mn=1e6", "b=1e9", "bn=1e9", "t=1e12", "tn=1e12"]
    static let standardSuffixTable = SuffixTable(standardSuffixes)

    static func suffixed(_ text: String, _ table: SuffixTable) -> Double? {
        if let k = asciiDigitsEnd(text) {
            guard let n = NumberText.arabic(String(text[..<k])), let f = table.factor(of: String(text[k...])) else { return nil }
            return NumberText.checked(n * f)
        }
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let suffix = String(text.dropFirst(digits.count))
        guard let n = NumberText.arabic(String(digits)), let f = table.factor(of: suffix) else { return nil }
        return NumberText.checked(n * f)
    }

    /// In ASCII text, where the leading run of digits, points and commas ends: the same split as
    /// `text.prefix { $0.isNumber || $0 == "." || $0 == "," }` (in ASCII only 0–9 are numbers,
    /// and each of these characters is one byte), without walking Characters. Nil for other text.
    static func asciiDigitsEnd(_ text: String) -> String.Index? {
        let u = text.utf8
        var k = u.startIndex
        var end: String.Index? = nil
        while k < u.endIndex {
            let b = u[k]
            if b >= 0x80 { return nil }
            if end == nil, !(b &- 0x30 < 10 || b == 0x2E || b == 0x2C) { end = k }
            k = u.index(after: k)
        }
        return end ?? u.endIndex
    }

    /// Any number text a range side or a bound can hold: Arabic (with a scale letter or word),
    /// Chinese, English words.
    static func read(_ raw: String) -> NumberText.Reading? {
        let text = String(NumberText.trimmed(raw))
        if let v = NumberText.arabic(text) { return .init(v) }
        if let v = suffixed(text, standardSuffixTable) { return .init(v) }
        if let r = NumberText.chinese(text) { return r }
        if let v = NumberText.fraction(text) { return .init(v) }
        return NumberText.english(text)
    }

    /// The value of capture `i` when it is only digits, points and group commas that read as an
    /// Arabic number (`read` of such text gives the same), else nil.
    static func plainDigits(_ input: ActionInput, _ i: Int) -> Double? {
        let c = input.captures[i]
        let units = input.view.text.utf16[Int(c.start)..<Int(c.end)]
        guard !units.isEmpty, units.allSatisfy({ $0 &- 0x30 < 10 || $0 == 0x2E || $0 == 0x2C }) else { return nil }
        return NumberText.arabic(units: units)
    }

    /// The scale a number text ends with: 58B → 1e9, 8万 → 1e4, 12 billion → 1e9, 1.2万亿 → 1e12; else 1.
    static func trailingScale(_ raw: String) -> Double {
        let text = String(NumberText.trimmed(raw))
        var scale = 1.0
        var rest = Substring(text)
        // Text ending in an ASCII unit (most) ends in no Chinese scale: its last Character is
        // that ASCII character or several units, neither of which `zhBig` knows.
        if let last = text.utf16.last, last >= 0x80 {
            while let c = rest.last, let u = NumberText.zhBig(c) { scale *= u; rest = rest.dropLast() }
        }
        if scale > 1 { return scale }
        // ASCII text (most numbers) contains a space exactly where it has the byte; other text
        // asks Foundation, as before.
        let ascii = asciiDigitsEnd(text)
        if ascii != nil ? text.utf8.contains(0x20) : text.contains(" "),
           let last = text.split(separator: " ").last, let u = NumberText.enScales[last.lowercased()], last.count > 1 { return u }
        if let k = ascii {
            if k > text.startIndex, k < text.endIndex, let f = standardSuffixTable.factor(of: String(text[k...])) { return f }
            return 1
        }
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
        if !digits.isEmpty, digits.count < text.count, let f = standardSuffixTable.factor(of: String(text.dropFirst(digits.count))) { return f }
        return 1
    }

    /// 几十万, 数十亿, 小几十万, 上千, 上百亿, 百万级, 千亿级 → (low, high).
    static func vague(_ s: String) -> (low: Double, high: Double?)? {
        var rest = Substring(s)
        enum Kind { case few, smallFew, atLeast, order }
        var kind: Kind
        if rest.hasPrefix("小几") || rest.hasPrefix("小幾") { kind = .smallFew; rest = rest.dropFirst(2) }
        else if let c = rest.first, "几幾数數".contains(c) { kind = .few; rest = rest.dropFirst() }
        else if rest.first == "上" { kind = .atLeast; rest = rest.dropFirst() }
        else if rest.last == "级" || rest.last == "級" { kind = .order; rest = rest.dropLast() }
        else { return nil }
        guard let first = rest.first, let unit = NumberText.zhSmall(first) ?? NumberText.zhBig(first) else { return nil }
        var scale = unit
        for c in rest.dropFirst() {
            guard let u = NumberText.zhBig(c) ?? NumberText.zhSmall(c), u > 1 else { return nil }
            scale *= u
        }
        guard NumberText.checked(scale * 10) != nil else { return nil }
        switch kind {
        case .few:
            // 几十 = 20…90 (几 is 2…9 of the unit; 十几 after a number is read by number.chinese).
            return (2 * scale, 9 * scale)
        case .smallFew: return (1 * scale, 3 * scale)
        case .atLeast: return (scale, nil)
        case .order: return (scale, 10 * scale)
        }
    }

    /// The factor a `suffix=factor` argument gives (suffixes compared ignoring ASCII case).
    static func factor(of suffix: String, in args: [String]) -> Double? {
        for a in args {
            guard let eq = a.utf8.firstIndex(of: UInt8(ascii: "=")),
                  a.utf8[..<eq].elementsEqual(suffix.utf8, by: { fold($0) == fold($1) }) else { continue }
            return Double(a[a.index(after: eq)...])
        }
        return nil
    }

    private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @Sendable static func suffixTable(_ args: [String]) -> String? {
        if args.isEmpty { return "needs suffix=factor arguments, e.g. k=1e3 m=1e6 bn=1e9" }
        for a in args where a.split(separator: "=").count != 2 || Double(a.split(separator: "=")[1]) == nil {
            return "argument \"\(a)\" is not suffix=factor"
        }
        return nil
    }
}
