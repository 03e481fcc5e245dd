/// One word, number, punctuation mark or symbol, as ICU's word iterator and the lexicon overlay
/// left it. Offsets are UTF-16 units into `Document.text` (ICU's own unit, so no conversion on the
/// hot path); `TextIndex` turns them into the Unicode scalar offsets the export uses.
public struct Token: Sendable, Equatable {
    public var start: Int32
    public var end: Int32
    public var kind: TokenKind
    public var script: Script
    /// Index into `Lexicon.entries`, or -1 when no lexicon term covers the token.
    public var lexiconEntry: Int32

    public init(start: Int32, end: Int32, kind: TokenKind, script: Script, lexiconEntry: Int32 = -1) {
        self.start = start
        self.end = end
        self.kind = kind
        self.script = script
        self.lexiconEntry = lexiconEntry
    }

    public var range: Range<Int> { Int(start)..<Int(end) }
    public var length: Int { Int(end - start) }

    /// The token's text in `text`.
    public func text(in text: DocumentText) -> String { text.slice(range) }

    /// The lowercase form used for case-insensitive tests in grammars.
    public func lower(in text: DocumentText) -> String { text.slice(range).lowercased() }

    /// The lexicon entry the token stands for, if any.
    public func entry(in lexicon: Lexicon) -> LexiconEntry? {
        lexiconEntry >= 0 ? lexicon.entries[Int(lexiconEntry)] : nil
    }
}

/// What a token is, from ICU's rule status and the characters it holds.
public enum TokenKind: UInt8, Sendable, CaseIterable {
    case word, number, punctuation, symbol

    public var name: String {
        switch self {
        case .word: return "word"
        case .number: return "number"
        case .punctuation: return "punctuation"
        case .symbol: return "symbol"
        }
    }
}

/// The writing system of a token (from ICU's script property of its first letter).
public enum Script: UInt8, Sendable, CaseIterable {
    case han, latin, kana, hangul, cyrillic, greek, arabic, common, other

    public var name: String {
        switch self {
        case .han: return "Han"
        case .latin: return "Latin"
        case .kana: return "Kana"
        case .hangul: return "Hangul"
        case .cyrillic: return "Cyrillic"
        case .greek: return "Greek"
        case .arabic: return "Arabic"
        case .common: return "Common"
        case .other: return "Other"
        }
    }
}
