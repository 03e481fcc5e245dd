import NoteGraphCore

/// A rule's pattern as written: the syntax tree the parser builds and the compiler turns into a
/// program. Positions are kept so compile-time errors can point at the element at fault.
public indirect enum Pattern: Sendable {
    /// One token that passes a test: `[kind:number]`, `[lower:"bn" | lower:"billion"]`, `[]`.
    case token(TokenTest, SourcePosition)
    /// Consecutive tokens whose text, with one space where the text has a gap, equals this
    /// literal ignoring case: `"万亿"`, `"per cent"`.
    case literal(String, SourcePosition)
    /// A span an earlier stage produced: `<number>`, `<figure>`.
    case dimension(String, SourcePosition)
    /// A named sub-pattern: `@SCALE`.
    case macro(String, SourcePosition)
    case sequence([Pattern])
    case alternation([Pattern])
    /// `?` = 0…1, `*` = 0…∞, `+` = 1…∞, `{m,n}`. `max == nil` is unbounded (still bounded in
    /// practice by `StageMatcher.window`).
    case repetition(Pattern, min: Int, max: Int?, SourcePosition)
    case capture(String, Pattern, SourcePosition)
    case sentenceStart(SourcePosition)
    case sentenceEnd(SourcePosition)

    var position: SourcePosition? {
        switch self {
        case let .token(_, p), let .literal(_, p), let .dimension(_, p), let .macro(_, p),
             let .repetition(_, _, _, p), let .capture(_, _, p), let .sentenceStart(p), let .sentenceEnd(p):
            return p
        case let .sequence(items), let .alternation(items):
            return items.first?.position
        }
    }
}

/// A test on one token. Combined with `&`, `|` and `!` inside `[...]`.
public indirect enum TokenTest: Sendable {
    case any
    /// Exact text.
    case text(String)
    /// Text compared after lowercasing.
    case lower(String)
    case kind(TokenKind)
    case script(Script)
    /// The token is a lexicon term of this class (`company`).
    case lexiconClass(String, SourcePosition)
    /// The token is this lexicon entry (`nvidia`).
    case entry(String)
    /// Word shape: letters as X/x, digits as d, Han as H, runs collapsed (`Nvidia` → `Xx`).
    case shape(String)
    /// Length in characters within a range: `chars:2-4`.
    case chars(ClosedRange<Int>)
    /// The first character is one of these: `first:"ABCDEFGHIJKLMNOPQRSTUVWXYZ"`.
    case first(UnitSet)
    /// Every character is one of these: `all:"零一二三四五六七八九十百千万亿"`.
    case all(UnitSet)
    /// A regular expression that must match the whole token text (the dearest test: the
    /// compiler runs it after every other test of an `&`).
    case regex(RegexBox)
    /// `@NAME` inside brackets: a macro whose pattern is one token test (resolved when compiled).
    case macro(String, SourcePosition)
    case not(TokenTest)
    case and([TokenTest])
    case or([TokenTest])
}

/// Where something is in a rule file, for messages: `file:line:column`.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
