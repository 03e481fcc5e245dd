import NoteGraphCore

/// Recursive descent over one pattern:
///
///     alt   := seq ('|' seq)*
///     seq   := item+
///     item  := (NAME ':')? atom ('?' | '*' | '+' | '{m}' | '{m,n}' | '{m,}')*
///     atom  := '[' test? ']' | "literal" | '<' dimension '>' | '(' alt ')' | '@' MACRO | '^' | '$'
///     test  := and ('|' and)* ;  and := unary ('&' unary)* ;  unary := '!' unary | '(' test ')' | attr ':' value
///
/// Nesting deeper than `maxDepth` is refused: a grammar is read by people, and a pattern nobody
/// can read is also one that can blow up the compiler.
struct PatternParser {
    static let maxDepth = 24
    static let attributes = ["text", "lower", "kind", "script", "class", "entry", "shape", "chars", "first", "all", "re"]

    let text: PatternText
    let file: String
    var i = 0
    var depth = 0

    init(text: PatternText, file: String) {
        self.text = text
        self.file = file
    }

    var chars: [Character] { text.chars }

    func position(_ at: Int? = nil) -> SourcePosition {
        let k = at ?? i
        if k < chars.count { return SourcePosition(file: file, line: text.lines[k], column: text.columns[k]) }
        guard let last = text.lines.indices.last else { return SourcePosition(file: file, line: 0, column: 0) }
        return SourcePosition(file: file, line: text.lines[last], column: text.columns[last] + 1)
    }

    var found: String {
        i < chars.count ? "'\(String(chars[i..<min(chars.count, i + 12)]))'" : "end of pattern"
    }

    mutating func skip() { while i < chars.count, chars[i] == " " { i += 1 } }

    mutating func peek() -> Character? { skip(); return i < chars.count ? chars[i] : nil }

    mutating func parse() throws -> Pattern {
        guard peek() != nil else { throw GrammarError(position(), expected: "a pattern", found: "nothing") }
        let p = try alternation()
        if peek() != nil { throw GrammarError(position(), expected: "'|', an element or the end of the pattern", found: found) }
        return p
    }

    mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw GrammarError(position(), "pattern nested deeper than \(Self.maxDepth) levels: split it into macros") }
    }

    mutating func alternation() throws -> Pattern {
        try enter(); defer { depth -= 1 }
        var options = [try sequence()]
        while peek() == "|" { i += 1; options.append(try sequence()) }
        return options.count == 1 ? options[0] : .alternation(options)
    }

    mutating func sequence() throws -> Pattern {
        var items: [Pattern] = []
        while let c = peek(), c != "|", c != ")" { items.append(try item()) }
        if items.isEmpty { throw GrammarError(position(), expected: "an element ([test], \"literal\", <dimension>, (group), @MACRO, ^ or $)", found: found) }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func item() throws -> Pattern {
        skip()
        let start = i
        var captureName: String?
        let name = identifier()
        if !name.isEmpty, i < chars.count, chars[i] == ":" {
            captureName = name
            i += 1
        } else {
            i = start
        }
        var p = try atom()
        while let c = peek(), "?*+{".contains(c) {
            let at = position()
            i += 1
            switch c {
            case "?": p = .repetition(p, min: 0, max: 1, at)
            case "*": p = .repetition(p, min: 0, max: nil, at)
            case "+": p = .repetition(p, min: 1, max: nil, at)
            default:
                let lo = try number()
                var hi: Int? = lo
                if peek() == "," { i += 1; hi = peek() == "}" ? nil : try number() }
                guard peek() == "}" else { throw GrammarError(position(), expected: "'}'", found: found) }
                i += 1
                if let h = hi, h < lo || h == 0 { throw GrammarError(at, "repetition {\(lo),\(h)} can never match: the upper bound must be at least 1 and the lower") }
                if lo > 64 || (hi ?? 0) > 64 { throw GrammarError(at, "repetition bounds above 64 are not allowed") }
                p = .repetition(p, min: lo, max: hi, at)
            }
        }
        if let captureName { p = .capture(captureName, p, position(start)) }
        return p
    }

    mutating func atom() throws -> Pattern {
        guard let c = peek() else { throw GrammarError(position(), expected: "an element", found: "end of pattern") }
        let at = position()
        switch c {
        case "[":
            i += 1
            if peek() == "]" { i += 1; return .token(.any, at) }
            try enter(); defer { depth -= 1 }
            let test = try testOr()
            guard peek() == "]" else { throw GrammarError(position(), expected: "']', '&' or '|'", found: found) }
            i += 1
            return .token(test, at)
        case "\"":
            let s = try quoted()
            if s.allSatisfy({ $0 == " " }) { throw GrammarError(at, "an empty literal matches nothing") }
            return .literal(s, at)
        case "<":
            i += 1
            let name = identifier()
            guard !name.isEmpty else { throw GrammarError(position(), expected: "a dimension name", found: found) }
            guard peek() == ">" else { throw GrammarError(position(), expected: "'>'", found: found) }
            i += 1
            return .dimension(name, at)
        case "(":
            i += 1
            let inner = try alternation()
            guard peek() == ")" else { throw GrammarError(position(), expected: "')'", found: found) }
            i += 1
            return inner
        case "@":
            i += 1
            let name = identifier()
            guard !name.isEmpty else { throw GrammarError(position(), expected: "a macro name after '@'", found: found) }
            return .macro(name, at)
        case "^": i += 1; return .sentenceStart(at)
        case "$": i += 1; return .sentenceEnd(at)
        default:
            throw GrammarError(at, expected: "an element ([test], \"literal\", <dimension>, (group), @MACRO, ^ or $)", found: found)
        }
    }

    mutating func testOr() throws -> TokenTest {
        var options = [try testAnd()]
        while peek() == "|" { i += 1; options.append(try testAnd()) }
        return options.count == 1 ? options[0] : .or(options)
    }

    mutating func testAnd() throws -> TokenTest {
        var parts = [try testUnary()]
        while peek() == "&" { i += 1; parts.append(try testUnary()) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func testUnary() throws -> TokenTest {
        guard let c = peek() else { throw GrammarError(position(), expected: "a token test", found: "end of pattern") }
        if c == "!" { i += 1; return .not(try testUnary()) }
        if c == "@" {
            let at = position()
            i += 1
            let name = identifier()
            guard !name.isEmpty else { throw GrammarError(position(), expected: "a macro name after '@'", found: found) }
            return .macro(name, at)
        }
        if c == "(" {
            i += 1
            try enter(); defer { depth -= 1 }
            let t = try testOr()
            guard peek() == ")" else { throw GrammarError(position(), expected: "')'", found: found) }
            i += 1
            return t
        }
        let at = position()
        let attr = identifier()
        guard Self.attributes.contains(attr) else {
            throw GrammarError(at, expected: "a token attribute (\(Self.attributes.joined(separator: ", ")))", found: attr.isEmpty ? found : "\"\(attr)\"")
        }
        guard peek() == ":" else { throw GrammarError(position(), expected: "':' after \(attr)", found: found) }
        i += 1
        skip()
        let valueAt = position()
        switch attr {
        case "text": return .text(try quotedOrWord())
        case "lower": return .lower(try quotedOrWord().lowercased())
        case "kind":
            let v = identifier()
            guard let k = TokenKind.allCases.first(where: { $0.name == v }) else {
                throw GrammarError(valueAt, expected: "a kind (\(TokenKind.allCases.map(\.name).joined(separator: ", ")))", found: "\"\(v)\"")
            }
            return .kind(k)
        case "script":
            let v = identifier().lowercased()
            guard let s = Script.allCases.first(where: { $0.name.lowercased() == v }) else {
                throw GrammarError(valueAt, expected: "a script (\(Script.allCases.map { $0.name.lowercased() }.joined(separator: ", ")))", found: "\"\(v)\"")
            }
            return .script(s)
        case "class": return .lexiconClass(identifier(), valueAt)
        case "entry": return .entry(try quotedOrWord())
        case "shape": return .shape(try quotedOrWord())
        case "first", "all":
            let set = UnitSet(try quotedOrWord().utf16.filter { $0 & 0xF800 != 0xD800 })
            if set.isEmpty { throw GrammarError(valueAt, "\(attr): needs at least one character (outside the BMP is not supported)") }
            return attr == "first" ? .first(set) : .all(set)
        case "chars":
            let lo = try number()
            var hi = lo
            if peek() == "-" { i += 1; hi = try number() }
            guard hi >= lo, lo >= 1 else { throw GrammarError(valueAt, "chars:\(lo)-\(hi) is an empty range") }
            return .chars(lo...hi)
        default:
            guard i < chars.count, chars[i] == "/" else { throw GrammarError(valueAt, expected: "a /regular expression/", found: found) }
            i += 1
            var source = ""
            while i < chars.count, chars[i] != "/" {
                if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "/" { i += 1 }
                source.append(chars[i]); i += 1
            }
            guard i < chars.count else { throw GrammarError(valueAt, expected: "a closing '/'", found: "end of pattern") }
            i += 1
            do { return .regex(try RegexBox(source)) } catch {
                throw GrammarError(valueAt, "invalid regular expression /\(source)/")
            }
        }
    }

    mutating func identifier() -> String {
        skip()
        let start = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." || chars[i] == "-" { i += 1 }
        return String(chars[start..<i])
    }

    mutating func number() throws -> Int {
        skip()
        let start = i
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
        guard let n = Int(String(chars[start..<i])) else { throw GrammarError(position(), expected: "a number", found: found) }
        return n
    }

    mutating func quoted() throws -> String {
        let at = position()
        guard let s = Self.scanQuoted(chars, &i) else { throw GrammarError(at, expected: "a closing quote", found: "end of pattern") }
        return s
    }

    mutating func quotedOrWord() throws -> String {
        if peek() == "\"" { return try quoted() }
        let w = identifier()
        guard !w.isEmpty else { throw GrammarError(position(), expected: "a value", found: found) }
        return w
    }
}

extension PatternParser {
    /// The string of a `"…"` starting at `chars[i]` (with `\"` and `\\` escapes), leaving `i`
    /// after the closing quote; nil when the quote is never closed. Example lines use it too.
    static func scanQuoted(_ chars: [Character], _ i: inout Int) -> String? {
        i += 1
        var s = ""
        while i < chars.count, chars[i] != "\"" {
            if chars[i] == "\\", i + 1 < chars.count { i += 1 }
            s.append(chars[i]); i += 1
        }
        guard i < chars.count else { return nil }
        i += 1
        return s
    }
}
