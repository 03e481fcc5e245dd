import Foundation

/// The features a sentence's SimHash is made of. The text is normalised first — NFKC, case
/// folded, punctuation and symbols dropped — so "Revenue will double." and "revenue will
/// double" are the same text. Words (the pipeline's own word and number tokens where the
/// caller has them) give word shingles of one and two words, so a reordering still counts;
/// Han text has no spaces to trust, so it gives character bigrams (a bigram is about a word).
public enum TextShingles {
    /// Features of the words in order (each a token's text; Han tokens are joined into runs).
    public static func features(words: [String]) -> [String] {
        var latin: [String] = []
        var han: [Character] = []
        var out: [String] = []
        func flushHan() {
            if han.count == 1 { out.append(String(han)) }
            if han.count > 1 { for i in 0..<(han.count - 1) { out.append(String(han[i...i + 1])) } }
            han.removeAll()
        }
        for word in words {
            let w = normalise(word)
            guard !w.isEmpty else { continue }
            if w.unicodeScalars.allSatisfy({ isHan($0) }) {
                han.append(contentsOf: w)
            } else {
                flushHan()
                latin.append(w)
            }
        }
        flushHan()
        out += latin
        if latin.count > 1 { for i in 0..<(latin.count - 1) { out.append(latin[i] + " " + latin[i + 1]) } }
        return out
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
        let folded = s.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
        var out = ""
        for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x2EBEF).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value)
    }
}
