import NoteGraphCore

/// Scans the `"input" => key=value …` part of an example line.
struct ValueScanner {
    let chars: [Character]
    var i = 0
    let base: SourcePosition

    init(_ s: String, position: SourcePosition) {
        chars = Array(s)
        base = position
    }

    var atEnd: Bool { i >= chars.count }
    var rest: String { String(chars[min(i, chars.count)...]) }
    var position: SourcePosition { SourcePosition(file: base.file, line: base.line, column: base.column + i) }

    mutating func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }

    mutating func expect(_ token: String) throws {
        skipSpaces()
        for c in token {
            guard i < chars.count, chars[i] == c else { throw GrammarError(position, expected: "'\(token)'", found: RuleFileParser.show(rest)) }
            i += 1
        }
    }

    mutating func word() -> String {
        let start = i
        while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "_" || chars[i] == "." { i += 1 }
        return String(chars[start..<i])
    }

    /// A quoted string (with \" and \\ escapes), a number, true/false/null or a bare word.
    mutating func value() throws -> JSONValue? {
        skipSpaces()
        guard i < chars.count else { return nil }
        if chars[i] == "\"" {
            let start = position
            guard let s = PatternParser.scanQuoted(chars, &i) else { throw GrammarError(start, expected: "a closing quote", found: "end of line") }
            return .string(s)
        }
        let start = i
        while i < chars.count, chars[i] != " " { i += 1 }
        let token = String(chars[start..<i])
        switch token {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default:
            if let n = Int(token) { return .int(n) }
            if let d = Double(token) { return .double(d) }
            return .string(token)
        }
    }
}
