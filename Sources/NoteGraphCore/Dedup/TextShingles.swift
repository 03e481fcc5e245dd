import Foundation

/// The features a sentence's SimHash is made of. The text is normalised first — NFKC, case
/// folded, punctuation and symbols dropped — so "Revenue will double." and "revenue will
/// double" are the same text. Words (the pipeline's own word and number tokens where the
/// caller has them) give word shingles of one and two words, so a reordering still counts;
/// Han text has no spaces to trust, so it gives character bigrams (a bigram is about a word).
public enum TextShingles {
    /// Features of the words in order (each a token's text; Han tokens are joined into runs).
    public static func features(words: [String]) -> [String] {
        var out: [String] = []
        shingles(words) { first, second, spaced in out.append(second.map { first + (spaced ? " " : "") + $0 } ?? first) }
        return out
    }

    /// The FNV-1a hashes of `features(words:)`, in its order, without building a String for
    /// each bigram: FNV-1a runs over the bytes in order, so a bigram's hash goes on from
    /// its first part's.
    public static func featureHashes(words: [String]) -> [UInt64] {
        var out: [UInt64] = []
        shingles(words) { first, second, spaced in
            var h = FNV1a.hash(first.utf8)
            if let second {
                if spaced { h = FNV1a.hash(CollectionOfOne(0x20), from: h) }
                h = FNV1a.hash(second.utf8, from: h)
            }
            out.append(h)
        }
        return out
    }

    /// Calls `feature` with each feature in order, a bigram as its two parts and whether a
    /// space joins them (Latin words) or not (Han characters).
    static func shingles(_ words: [String], _ feature: (String, String?, Bool) -> Void) {
        var latin: [String] = []
        // Scalars, not Characters: a run of Han scalars has no marks to cluster, so each
        // scalar is a Character, and grapheme breaking was most of the cost of a bigram.
        var han: [Unicode.Scalar] = []
        func flushHan() {
            if han.count == 1 { feature(String(han[0]), nil, false) }
            if han.count > 1 { for i in 0..<(han.count - 1) { feature(String(han[i]), String(han[i + 1]), false) } }
            han.removeAll(keepingCapacity: true)
        }
        for word in words {
            let w = normalise(word)
            guard !w.isEmpty else { continue }
            if w.unicodeScalars.allSatisfy({ isHan($0) }) {
                han.append(contentsOf: w.unicodeScalars)
            } else {
                flushHan()
                latin.append(w)
            }
        }
        flushHan()
        for w in latin { feature(w, nil, false) }
        if latin.count > 1 { for i in 0..<(latin.count - 1) { feature(latin[i], latin[i + 1], true) } }
    }

    /// Features of plain text, split at anything that is not a letter or digit (for callers
    /// without tokens, and tests).
    public static func features(text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil).unicodeScalars {
            if isHan(scalar) {
                if !current.isEmpty { words.append(current); current = "" }
                words.append(String(scalar))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return features(words: words)
    }

    /// NFKC, case folded, without punctuation, symbols and spaces.
    public static func normalise(_ s: String) -> String {
        if let plain = normalisePlain(s) { return plain }
        let folded = s.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// `normalise` of a word made only of ASCII and of CJK Unified Ideographs (U+3400–4DBF,
    /// U+4E00–9FFF), nil for any other word. Nearly every token of a note is one, and on them
    /// NFKC and case folding are lower-casing ASCII letters, so this gives the same text
    /// without Foundation's two passes over an NSString per word: ASCII letters lower-cased,
    /// digits kept, other ASCII dropped, the ideographs kept.
    static func normalisePlain(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            var i = 0, kept = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if isASCIILetterOrDigit(b) { kept += 1 }
                    i += 1
                    continue
                }
                // A CJK ideograph of these blocks is three bytes, E3 to E9 first.
                guard b & 0xF0 == 0xE0, i + 2 < bytes.count else { return nil }
                let v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard UnifiedIdeograph.contains(v) else { return nil }
                kept += 3
                i += 3
            }
            return String(unsafeUninitializedCapacity: kept) { out in
                var o = 0, i = 0
                while i < bytes.count {
                    let b = bytes[i]
                    if b >= 0x80 {
                        out[o] = b; out[o + 1] = bytes[i + 1]; out[o + 2] = bytes[i + 2]
                        o += 3; i += 3
                        continue
                    }
                    if isASCIILetterOrDigit(b) { out[o] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b; o += 1 }
                    i += 1
                }
                return o
            }
        }
    }

    static func isASCIILetterOrDigit(_ b: UInt8) -> Bool {
        (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2EBEF).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value)
    }
}
