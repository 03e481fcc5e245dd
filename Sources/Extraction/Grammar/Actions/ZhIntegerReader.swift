/// The integer part of a Chinese numeral (三千五百万, 两千三, 一万五千亿, 1.2万, 二〇二五, 一千多),
/// read piece by piece. The steps live here once; `NumberText.zhInteger` feeds it Characters and
/// `NumberText.chinesePlain` UTF-16 units, each classifying its own pieces, so the two readings
/// cannot drift apart.
struct ZhIntegerReader {
    enum Piece {
        /// A digit; `liang` for 两/兩/倆, never read digit by digit (两两 is no number).
        case digit(Double, liang: Bool)
        /// A run of Arabic digits, points and commas, already read.
        case arabic(Double)
        /// 十 百 千.
        case small(Double)
        /// 万 亿 兆.
        case big(Double)
        /// 多 余 几.
        case approx
    }

    private enum Last { case none, digit, arabic, small, big, zero, approx }

    private var total = 0.0, section = 0.0, pending: Double? = nil, pendingArabic = false
    /// The unit right before the pending digit (两千三 → 千).
    private var unitBefore: Double? = nil
    private var lastSmall = 0.0, lastBig = 0.0, approx = false, sawNumber = false
    private var last = Last.none
    private var failed = false
    /// Digit by digit (二〇二五): every piece a digit other than 两, read as decimal places.
    private var count = 0, allDigits = true, digits = 0.0

    /// Adds the next piece; nil (a piece that is none) makes the text no number.
    mutating func add(_ piece: Piece?) {
        count += 1
        if case let .digit(d, liang)? = piece, !liang { digits = digits * 10 + d } else { allDigits = false }
        guard !failed else { return }
        guard let piece else { failed = true; return }
        switch piece {
        case let .arabic(a):
            guard last != .digit && last != .arabic else { failed = true; return }
            pending = a; pendingArabic = true; unitBefore = nil; sawNumber = true
            last = .arabic
        case let .digit(d, _):
            if d == 0 {
                if pending != nil { failed = true; return }
                unitBefore = nil; sawNumber = true
                last = .zero
                return
            }
            guard last != .digit && last != .arabic && last != .approx else { failed = true; return }
            pending = d; pendingArabic = false; sawNumber = true
            unitBefore = (last == .small || last == .big) ? unitBefore : nil
            last = .digit
        case let .small(u):
            guard last != .small, lastSmall == 0 || u < lastSmall else { failed = true; return }
            section += (pending ?? 1) * u
            pending = nil; sawNumber = true
            lastSmall = u; unitBefore = u
            last = .small
        case let .big(u):
            let sec = section + (pending ?? 0)
            if sec == 0 {
                guard total > 0 else { failed = true; return }
                total *= u                       // 四万万, 二十万亿
            } else if lastBig != 0 && u > lastBig {
                total = (total + sec) * u        // 一万五千亿: a bigger unit multiplies what came before
            } else {
                total += sec * u
            }
            lastBig = u; section = 0; pending = nil; lastSmall = 0; unitBefore = u
            last = .big
        case .approx:
            guard sawNumber else { failed = true; return }
            approx = true
            unitBefore = nil
            last = .approx
        }
    }

    /// The value read, nil when the pieces make no number.
    var reading: NumberText.Reading? {
        if count >= 2 && allDigits { return NumberText.Reading(digits) }
        guard !failed, sawNumber else { return nil }
        var section = self.section
        if let p = pending {
            // 两千三 = 2300, 一万三 = 13000: a single digit right after a unit of 100 or more.
            if !pendingArabic, let u = unitBefore, u >= 100, last == .digit { section += p * u / 10 } else { section += p }
        }
        return NumberText.Reading(total + section, approx: approx)
    }
}
