import CICU
import Dispatch
import Foundation
import NoteGraphCore

/// Splits a document into paragraphs ▸ sentences ▸ tokens with ICU.
///
/// Words: ICU's word iterator, whose dictionary segments Han text; its rule status tells
/// numbers, letters and ideographs from the rest, which are punctuation or symbols (spaces are
/// dropped). Sentences: ICU's sentence iterator with the `ss=standard` suppressions (no break
/// after "U.S.", "Mr."; none inside 1.29), plus a break after a semicolon in Chinese context
/// (NFKC has turned ； into ;). Paragraphs: lines. Sentences longer than `maxSentenceLength`
/// UTF-16 units are cut at a token boundary, so later matching is never quadratic in a
/// paragraph that has no sentence punctuation.
///
/// Both ICU rule sets break unconditionally after a line feed (UAX #29 WB3a, SB4), so a text cut
/// at a line break segments exactly as the whole does. Texts of `parallelThreshold` units or more
/// are cut at blank lines into one chunk per core and the chunks run at once; a test checks the
/// result equals the single pass on every corpus note and fixture.
public struct Segmenter: Sendable {
    static let locale = "en_US@ss=standard"
    public var maxSentenceLength: Int
    /// Texts shorter than this are segmented on one thread (a thread hop costs more than it saves).
    public var parallelThreshold = 32_768
    /// How many chunks a long text is cut into at most.
    public var maxChunks = Parallel.cores

    public init(maxSentenceLength: Int = 2000) { self.maxSentenceLength = maxSentenceLength }

    public struct Output: Sendable {
        public var segments: SegmentedText
        public var language: Language
        /// How many over-long sentences were cut.
        public var cutSentences: Int
    }

    public func segment(_ text: DocumentText) throws -> Output {
        let units = text.utf16
        let chunks = Self.chunks(units, count: units.count >= parallelThreshold ? min(maxChunks, Parallel.cores) : 1)
        var tokens: [Token] = []
        var rawSentences: [(Int32, Int32)] = []
        if chunks.count == 1 {
            tokens = try Self.tokens(units, in: 0..<units.count)
            rawSentences = try Self.sentenceBreaks(units, in: 0..<units.count)
        } else {
            let results = try Parallel.map(chunks.count) { i in
                (try Self.tokens(units, in: chunks[i]), try Self.sentenceBreaks(units, in: chunks[i]))
            }
            for (t, r) in results {
                tokens += t
                rawSentences += r
            }
        }
        let sentenceSpans = sentences(units, raw: rawSentences, tokens: tokens)
        var out = SegmentedText()
        out.tokens = tokens
        out.sentences = sentenceSpans.spans.map { Sentence(start: $0.0, end: $0.1, tokens: 0..<0) }
        out.attachTokensToSentences()
        // Paragraphs: lines, each with the sentences inside it.
        var s = 0
        var lineStart = 0
        for i in 0...units.count where i == units.count || units[i] == 0x0A {
            if i > lineStart {
                while s < out.sentences.count, out.sentences[s].end <= Int32(lineStart) { s += 1 }
                let first = s
                while s < out.sentences.count, out.sentences[s].start < Int32(i) { s += 1 }
                let counts = Self.letters(out, sentences: first..<s)
                out.paragraphs.append(Paragraph(start: Int32(lineStart), end: Int32(i),
                                                language: Self.language(han: counts.han, latin: counts.latin),
                                                sentences: first..<s))
            }
            lineStart = i + 1
        }
        return Output(segments: out, language: Self.documentLanguage(out.paragraphs), cutSentences: sentenceSpans.cut)
    }

    /// Cuts `units` into at most `count` ranges of similar length that end just after a blank
    /// line (or, failing that, a line feed not preceded by '.', which an abbreviation exception
    /// could otherwise join to the next line).
    static func chunks(_ units: [UInt16], count: Int) -> [Range<Int>] {
        guard count > 1 else { return [0..<units.count] }
        var ranges: [Range<Int>] = []
        var start = 0
        for k in 1..<count {
            let target = units.count * k / count
            guard target > start else { continue }
            var cut = -1, fallback = -1
            var i = target
            let limit = min(units.count - 1, target + units.count / (2 * count))
            while i < limit {
                if units[i] == 0x0A {
                    if i > 0, units[i - 1] == 0x0A { cut = i + 1; break }
                    if fallback < 0, i > 0, units[i - 1] != 0x2E { fallback = i + 1 }
                }
                i += 1
            }
            if cut < 0 { cut = fallback }
            if cut <= start || cut >= units.count { continue }
            ranges.append(start..<cut)
            start = cut
        }
        ranges.append(start..<units.count)
        return ranges
    }

    static func tokens(_ units: [UInt16], in range: Range<Int>) throws -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 3)
        var prev = Int32(range.lowerBound)
        try ICUBreaker.forEachBoundary(.word, locale: locale, text: units, in: range) { b, status in
            defer { prev = b }
            let first = units[Int(prev)]
            let kind: TokenKind
            let script: Script
            switch status {
            case Int32(CICU_WORD_NUMBER)..<Int32(CICU_WORD_LETTER):
                kind = .number
                script = .common
            case Int32(CICU_WORD_LETTER)..<Int32(CICU_WORD_IDEO_LIMIT):
                kind = .word
                script = Self.script(units, at: Int(prev))
            default:
                if first == 0x20 || first == 0x0A || first == 0x09 { return }
                kind = Self.isPunctuation(units, at: Int(prev)) ? .punctuation : .symbol
                script = .common
            }
            tokens.append(Token(start: prev, end: b, kind: kind, script: script))
        }
        return tokens
    }

    /// ICU's sentence spans in `range`, untrimmed.
    static func sentenceBreaks(_ units: [UInt16], in range: Range<Int>) throws -> [(Int32, Int32)] {
        var raw: [(Int32, Int32)] = []
        var prev = Int32(range.lowerBound)
        try ICUBreaker.forEachBoundary(.sentence, locale: Self.locale, text: units, in: range) { b, _ in
            raw.append((prev, b))
            prev = b
        }
        return raw
    }

    /// Sentence spans (trimmed of trailing spaces and line breaks), cut where too long.
    func sentences(_ units: [UInt16], raw: [(Int32, Int32)], tokens: [Token]) -> (spans: [(Int32, Int32)], cut: Int) {
        // Chinese semicolons (now ';' after NFKC) end a clause-sentence too.
        // ICU ends a sentence at "Oct. " before a digit; "Oct. 2" is one date, not two sentences.
        // (A sentence ending in a month name before one starting with a digit is rarer than that.)
        var joined: [(Int32, Int32)] = []
        for span in raw {
            if let last = joined.last, last.1 == span.0, Int(span.0) < units.count, (0x30...0x39).contains(units[Int(span.0)]),
               Self.endsWithMonthAbbreviation(units, at: Int(span.0)) {
                joined[joined.count - 1].1 = span.1
            } else {
                joined.append(span)
            }
        }
        var split: [(Int32, Int32)] = []
        for (a, b) in joined {
            var start = a
            var i = a
            while i < b - 1 {
                if units[Int(i)] == 0x3B, i > 0, Self.isCJK(units[Int(i) - 1]) || (i + 1 < units.count && Self.isCJK(units[Int(i) + 1])) {
                    split.append((start, i + 1))
                    start = i + 1
                }
                i += 1
            }
            split.append((start, b))
        }
        var spans: [(Int32, Int32)] = []
        var cut = 0
        var t = 0
        for (a0, b0) in split {
            var a = a0, b = b0
            while a < b, units[Int(a)] == 0x20 || units[Int(a)] == 0x0A { a += 1 }
            while b > a, units[Int(b) - 1] == 0x20 || units[Int(b) - 1] == 0x0A { b -= 1 }
            if a >= b { continue }
            // Cut over-long sentences at the last token end that fits.
            while Int(b - a) > maxSentenceLength {
                while t < tokens.count, tokens[t].end <= a { t += 1 }
                var best: Int32 = -1
                var k = t
                while k < tokens.count, tokens[k].end <= a + Int32(maxSentenceLength) {
                    if tokens[k].kind == .punctuation || k + 1 < tokens.count && tokens[k + 1].start > tokens[k].end || best < 0 { best = tokens[k].end }
                    k += 1
                }
                if best <= a { best = a + Int32(maxSentenceLength) }
                spans.append((a, best))
                cut += 1
                a = best
                while a < b, units[Int(a)] == 0x20 { a += 1 }
            }
            if a < b { spans.append((a, b)) }
        }
        return (spans, cut)
    }

    static let monthAbbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    ]

    /// Whether the text before `end` is a month's name or abbreviation, a full stop and spaces
    /// ("Oct. ", "October. ").
    static func endsWithMonthAbbreviation(_ units: [UInt16], at end: Int) -> Bool {
        var i = end - 1
        while i >= 0, units[i] == 0x20 { i -= 1 }
        guard i > 0, units[i] == 0x2E else { return false }
        var word = ""
        i -= 1
        while i >= 0, let c = Unicode.Scalar(units[i]), c.isASCII, c.properties.isAlphabetic, word.count < 10 {
            word = String(Character(c)).lowercased() + word
            i -= 1
        }
        if i >= 0, let c = Unicode.Scalar(units[i]), c.isASCII, c.properties.isAlphabetic { return false }
        return monthAbbreviations.contains(word)
    }

    @inline(__always) static func isCJK(_ u: UInt16) -> Bool {
        (0x3400...0x9FFF).contains(u) || (0x3000...0x303F).contains(u) || (0xF900...0xFAFF).contains(u)
    }

    static func script(_ units: [UInt16], at i: Int) -> Script {
        var cp = UInt32(units[i])
        if cp & 0xFC00 == 0xD800, i + 1 < units.count { cp = 0x10000 + ((cp - 0xD800) << 10) + (UInt32(units[i + 1]) - 0xDC00) }
        if cp < 0x80 { return (cp >= 0x41 && cp <= 0x5A) || (cp >= 0x61 && cp <= 0x7A) ? .latin : .common }
        switch Int(cicu_script(cp)) {
        case Int(CICU_SCRIPT_HAN): return .han
        case Int(CICU_SCRIPT_LATIN): return .latin
        case Int(CICU_SCRIPT_HIRAGANA), Int(CICU_SCRIPT_KATAKANA): return .kana
        case Int(CICU_SCRIPT_HANGUL): return .hangul
        case Int(CICU_SCRIPT_CYRILLIC): return .cyrillic
        case Int(CICU_SCRIPT_GREEK): return .greek
        case Int(CICU_SCRIPT_ARABIC): return .arabic
        case Int(CICU_SCRIPT_COMMON), Int(CICU_SCRIPT_INHERITED): return .common
        default: return .other
        }
    }

    static func isPunctuation(_ units: [UInt16], at i: Int) -> Bool {
        let u = units[i]
        // ASCII: !"#%&'()*,-./:;?@[\]_{} are punctuation; $+<=>^`|~ are symbols.
        if u < 0x80 {
            switch u {
            case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
            default: return false
            }
        }
        guard let scalar = Unicode.Scalar(u) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// Han characters and Latin letters in a range of sentences.
    static func letters(_ seg: SegmentedText, sentences: Range<Int>) -> (han: Int, latin: Int) {
        guard let first = sentences.first, let last = sentences.last else { return (0, 0) }
        var han = 0, latin = 0
        for t in seg.sentences[first].tokens.lowerBound..<seg.sentences[last].tokens.upperBound {
            let token = seg.tokens[t]
            if token.script == .han { han += token.length } else if token.script == .latin { latin += token.length }
        }
        return (han, latin)
    }

    /// zh, en or mixed. A Han character carries about as much as three Latin letters (an English
    /// word is ~5 letters, a Chinese word ~1.5 characters), so letters are weighed that way.
    static func language(han: Int, latin: Int) -> Language {
        let h = Double(han), l = Double(latin) / 3
        if h + l == 0 { return .none }
        let share = h / (h + l)
        return share >= 0.7 ? .zh : share <= 0.3 ? .en : .mixed
    }

    /// A document is mixed when both languages hold at least a fifth of its paragraph text.
    static func documentLanguage(_ paragraphs: [Paragraph]) -> Language {
        var zh = 0, en = 0, mixed = 0
        for p in paragraphs {
            switch p.language {
            case .zh: zh += p.range.count
            case .en: en += p.range.count * 1
            case .mixed: mixed += p.range.count
            case .none: break
            }
        }
        let total = zh + en + mixed
        if total == 0 { return .none }
        if zh * 5 >= total && en * 5 >= total || mixed * 2 >= total { return .mixed }
        return zh > en ? .zh : .en
    }
}

extension Segmenter {
    /// ICU's word iterator alone over `text`: the ceiling the bench compares with.
    public static func wordScan(_ text: [UInt16]) -> Int { ICUBreaker.wordScan(text) }
}
