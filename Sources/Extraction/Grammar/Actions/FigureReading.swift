import Foundation
import NoteGraphCore

/// A figure as its rule read it, before context: a value or the bounds of a range in base units,
/// whether it is approximate, and the comparison it states. Rules say what each part of a match
/// means by naming captures; this type only does the arithmetic those names ask for:
///
/// - `n`: the amount (a `<number>` item — plain, approximate or a range — or number text);
///   `lo` with `n`: a range written with the amount twice (`5%到8%`, `2-3x`).
/// - `approx`: ~, about, 约, 左右 … → approximate.
/// - `over`: more than, at least, 超过, 逾, 以上, `$2T+` → approximate, the amount is the low bound.
/// - `under`: up to, nearly, 近, 不到, 以内 → approximate, the amount is the high bound.
/// - `down`: fell, down, 下降 … directly before the amount → the amount is negative.
/// - `yoy`, `qoq`, `mom`: the comparison (`change`).
/// - `ctx`: a word that says what the figure is without being part of it (打 in 打八折, "a year
///   earlier" after "$1.2 billion"): kept out of the mention's span, no effect on the value.
/// - `half`: 半 after the unit (一吨半, 两米半) → the amount plus one half.
struct FigureReading {
    var value: Double?
    var low: Double?
    var high: Double?
    var approx = false
    var change: String?
    /// UTF-16 bounds of the figure itself: the match without the modifiers at its edges
    /// ("about $5B" → "$5B"; "同比增长65%" → "65%"), which is what a mention points at.
    var core: (start: Int32, end: Int32)
    var whole: (start: Int32, end: Int32)

    /// Values beyond this are not figures a note states but misreadings (10^400, 99999999999999999999亿).
    static let limit = 1e18

    /// Reads the amount captured as `n` (and `lo`) times `factor`, then the modifiers; nil when
    /// there is no amount or it is absurd.
    init?(_ input: ActionInput, factor: Double = 1, amount: (value: Double?, low: Double?, high: Double?, approx: Bool)? = nil) {
        let roles = FigureCaptures(input.captures)
        guard var n = amount ?? Self.amount(input, roles.n(input.captures)) else { return nil }
        if roles.has(.half) {
            guard let v = n.value, v >= 0, n.low == nil, n.high == nil else { return nil }
            n.value = v + 0.5
        }
        core = roles.hasModifiers ? Self.core(input) : (input.start, input.end)
        whole = (input.start, input.end)
        value = n.value.map { Self.scaled($0, factor) }
        low = n.low.map { Self.scaled($0, factor) }
        high = n.high.map { Self.scaled($0, factor) }
        approx = n.approx
        let loCapture = roles.lo(input.captures)
        if let lo = Self.amount(input, loCapture) {
            // 5%-8%: the numbers stage may have read "-8" as a signed number.
            if let v = value, v < 0, (lo.value ?? 0) >= 0 { value = -v }
            // 5%到8%: the range's bounds are two amounts.
            guard let a = lo.value ?? lo.low, let b = value ?? high else { return nil }
            // 300到500亿: a scale written once, after the second amount, applies to both.
            low = Self.scaled(a, factor) * (Self.scale(input, loCapture) == 1 ? Self.scale(input, roles.n(input.captures)) ?? 1 : 1)
            high = b
            value = nil
            approx = approx || lo.approx
        }
        if roles.has(.approx) { approx = true }
        if roles.has(.over), let v = value {
            approx = true
            low = v
            high = nil
        }
        if roles.has(.under), let v = value {
            approx = true
            high = v
            low = nil
        }
        if roles.has(.down) { negate() }
        change = roles.has(.mom) ? "mom" : roles.has(.qoq) ? "qoq" : roles.has(.yoy) ? "yoy" : nil
        func absurd(_ x: Double?) -> Bool {
            guard let x, !(x.isFinite && abs(x) < Self.limit) else { return false }
            _ = input.refuse("value beyond ±1e18 (\(x))")
            return true
        }
        if absurd(value) || absurd(low) || absurd(high) { return nil }
        (value, low, high) = (value.map(Self.tidy), low.map(Self.tidy), high.map(Self.tidy))
    }

    static func core(_ input: ActionInput) -> (start: Int32, end: Int32) {
        var start = input.start, end = input.end
        // Peel modifiers off the edges, repeatedly (同比 增长 65%: 同比 then 增长 is not a capture,
        // so only the captured words at the very edge go).
        var changed = true
        while changed {
            changed = false
            for i in input.captures.indices where FigureCaptures.role(input.captures[i].name)?.isModifier == true {
                let (first, last) = (input.captures[i].firstToken, input.captures[i].endToken)
                if input.captures[i].start == start, last < Int32(input.view.tokens.count) {
                    start = input.view.tokens[Int(last)].start
                    changed = true
                } else if input.captures[i].end == end, first > 0 {
                    end = input.view.tokens[Int(first) - 1].end
                    changed = true
                }
            }
        }
        return start < end ? (start, end) : (input.start, input.end)
    }

    /// A captured amount: an item's value, low, high and approx fields, or its text as a number.
    static func amount(_ input: ActionInput, _ name: String) -> (value: Double?, low: Double?, high: Double?, approx: Bool)? {
        amount(input, input.capture(name))
    }

    static func amount(_ input: ActionInput, _ c: Capture?) -> (value: Double?, low: Double?, high: Double?, approx: Bool)? {
        guard let c else { return nil }
        if let v = c.value {
            let fields = NumberFields(v)
            var value = fields.value
            let low = fields.low, high = fields.high
            guard value != nil || low != nil || high != nil else { return nil }
            // An open bound from the numbers stage (超过1000亿, more than 20) is the figure stated,
            // approximately: value and the bound it gives.
            if value == nil, (low == nil) != (high == nil) { value = low ?? high; return (value, low, high, true) }
            return (value, low, high, fields.approx)
        }
        // Text the numbers stage left alone: ICU glues the classifier 个 or the currency 元 to a
        // numeral (六個, 七十五万个, 一千元, 億元), so it is dropped before the text is read.
        let text = input.view.string(c.start, c.end)
        // 4亿元 of 12三4亿元: a number in two scripts is read whole or not at all.
        if NumberActions.besideChineseNumeral(input.view, c.start, c.end) { _ = input.refuse(NumberActions.mixedScripts); return nil }
        if let v = NumberText.arabic(text) { return (v, nil, nil, false) }
        var zh = Substring(text.filter { !$0.isWhitespace })
        if let last = zh.last, last == "个" || last == "個" || last == "元" { zh = zh.dropLast() }
        guard let r = NumberText.chinese(String(zh)) else { _ = input.refuse(NumberText.problem(String(zh))); return nil }
        return (r.value, nil, nil, r.approx)
    }

    /// x × factor, dividing by the inverse of a small factor so that 3 × 1e-9 is 3e-9 and not
    /// 3.0000000000000004e-9.
    static func scaled(_ x: Double, _ factor: Double) -> Double {
        if factor < 1 {
            let inverse = (1 / factor).rounded()
            if abs(inverse * factor - 1) < 1e-12 { return x / inverse }
        }
        return x * factor
    }

    /// x rounded to 15 significant digits: 8.2 × 1e9 is 8200000000, not 8199999999.999999, and
    /// 3 × 1e-9 is 3e-9. Powers of ten up to 1e22 are exact doubles; beyond (values under 1e-7)
    /// scaling is itself inexact (3e-9 × 1e23 / 1e23 = 2.9999999999999996e-9), so those few go
    /// through their decimal text, which is slower.
    static func tidy(_ x: Double) -> Double {
        guard x != 0, x.isFinite else { return x }
        // A whole number below 1e15 (most figures in base units: 8200000000) is its own
        // rounding: x × 10^k below 2^53 is exact, and so is dividing it back. Without log10 and pow.
        if abs(x) < 1e15, x == x.rounded() { return x }
        let k = 15 - (log10(abs(x))).rounded(.up)
        guard k > 22 else {
            let p = pow(10, k)
            let y = (x * p).rounded() / p
            return y.isFinite ? y : x
        }
        // Text of at most 15 significant digits that reads back as x (its shortest, which
        // Swift prints without Foundation) is what "%.15g" prints: x is nearer to it than to
        // any point where 15-digit rounding changes, those lying whole 15-digit steps apart,
        // far more than x's spacing. So x is its own rounding then (3e-9, 1.5e-8).
        if Self.significantDigits(x.description) <= 15 { return x }
        return Double(String(format: "%.15g", x)) ?? x
    }

    /// The significant digits of a number's text (3e-09 → 1, 0.00120 → 2, 3.0000000000000004e-09 → 17).
    static func significantDigits(_ text: String) -> Int {
        var count = 0, zeros = 0, started = false
        for b in text.utf8 {
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") { break }
            guard b &- 0x30 < 10 else { continue }
            if b == UInt8(ascii: "0") {
                if started { zeros += 1 }
            } else {
                started = true
                count += zeros + 1
                zeros = 0
            }
        }
        return count
    }

    /// How much a captured number's scale word multiplies its digits (500亿 → 1e8, 58B → 1e9;
    /// 1 when the text is digits only), or nil when its text does not start with digits.
    static func scale(_ input: ActionInput, _ c: Capture?) -> Double? {
        guard let c, let v = c.value?["value"]?.doubleValue else { return nil }
        let text = input.view.string(c.start, c.end)
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        guard let d = NumberText.arabic(String(digits)), d != 0 else { return nil }
        return digits.count == text.count ? 1 : v / d
    }

    mutating func negate() {
        value = value.map { -$0 }
        (low, high) = (high.map { -$0 }, low.map { -$0 })
    }

    /// The item value: every field present so later stages and records read one shape.
    func json(unit: String) -> JSONValue {
        func num(_ d: Double?) -> JSONValue { d.map(JSONValue.number) ?? .null }
        var fields: [(String, JSONValue)] = [("value", num(value)), ("unit", .string(unit)), ("approx", .bool(approx)),
                                             ("low", num(low)), ("high", num(high)), ("change", change.map(JSONValue.string) ?? .null)]
        if core != whole { fields.append(("core", .array([.int(Int(core.start)), .int(Int(core.end))]))) }
        return .object(fields)
    }
}
