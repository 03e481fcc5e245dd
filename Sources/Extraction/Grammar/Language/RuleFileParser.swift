import Foundation
import NoteGraphCore

/// Reads a rule file: line-based directives (`stage`, `reference`, `macro`, `rule` with its
/// indented `match`/`action`/`priority`/`example`/`not` lines; `match` and `action` may continue
/// on more-indented lines), patterns by `PatternParser`.
/// Every error names file:line:column, what was expected and what was found.
public struct RuleFileParser {
    /// How messages and rule positions name the file.
    let displayName: String

    public init(file: String) { displayName = file }

    public func parse(_ source: String, stage defaultStage: String, stem: String) throws -> RuleFile {
        var file = RuleFile(id: defaultStage + "/" + stem, path: displayName, stage: defaultStage)
        var current: RuleDraft?
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.replacingOccurrences(of: "\r", with: "")) }
        var i = 0
        func pos(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(file: displayName, line: line, column: column) }
        func finish() throws {
            guard let draft = current else { return }
            file.rules.append(try draft.rule(fileID: file.id, reference: file.reference, at: pos(draft.line, 1)))
            current = nil
        }
        while i < lines.count {
            let raw = lines[i]
            let lineNo = i + 1
            i += 1
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            let body = raw.dropFirst(indent)
            if body.isEmpty || body.hasPrefix("#") { continue }
            let (keyword, rest, restColumn) = Self.split(String(body), column: indent + 1)
            if indent == 0 {
                try finish()
                switch keyword {
                case "stage":
                    guard !file.rules.isEmpty || current == nil, Self.isName(rest) else {
                        throw GrammarError(pos(lineNo, restColumn), expected: "a stage name", found: Self.show(rest))
                    }
                    file.stage = rest
                    file.id = rest + "/" + stem
                case "reference":
                    guard Self.isISODay(rest) else {
                        throw GrammarError(pos(lineNo, restColumn), expected: "a date as YYYY-MM-DD", found: Self.show(rest))
                    }
                    file.reference = rest
                case "macro":
                    guard let eq = rest.firstIndex(of: "=") else {
                        throw GrammarError(pos(lineNo, restColumn + rest.count), expected: "'=' after the macro name", found: "end of line")
                    }
                    let name = rest[..<eq].trimmingCharacters(in: .whitespaces)
                    guard Self.isName(name) else { throw GrammarError(pos(lineNo, restColumn), expected: "a macro name (letters, digits, _ . -)", found: Self.show(name)) }
                    if file.macros[name] != nil { throw GrammarError(pos(lineNo, restColumn), "macro \(name) is defined twice in this file") }
                    let offset = rest.distance(from: rest.startIndex, to: eq) + 1
                    var text = PatternText(String(rest[rest.index(after: eq)...]), line: lineNo, column: restColumn + offset)
                    // A macro may continue on more-indented lines too.
                    while i < lines.count, Self.isContinuation(lines[i]) {
                        text.append(lines[i], line: i + 1); i += 1
                    }
                    var parser = PatternParser(text: text, file: displayName)
                    let pattern = try parser.parse()
                    file.macros[name] = Macro(name: name, pattern: pattern, position: pos(lineNo, restColumn))
                case "rule":
                    guard Self.isName(rest) else { throw GrammarError(pos(lineNo, restColumn), expected: "a rule name (letters, digits, _ . -)", found: Self.show(rest)) }
                    if file.rules.contains(where: { $0.name == rest }) { throw GrammarError(pos(lineNo, restColumn), "rule \(rest) is defined twice in this file") }
                    current = RuleDraft(name: rest, line: lineNo)
                default:
                    throw GrammarError(pos(lineNo, 1), expected: "stage, reference, macro or rule", found: Self.show(keyword))
                }
                continue
            }
            guard current != nil else {
                throw GrammarError(pos(lineNo, indent + 1), expected: "a rule before indented lines", found: Self.show(keyword))
            }
            switch keyword {
            case "match":
                if current!.pattern != nil { throw GrammarError(pos(lineNo, indent + 1), "a rule has one match line (continue it on more-indented lines)") }
                var text = PatternText(rest, line: lineNo, column: restColumn)
                while i < lines.count, Self.isContinuation(lines[i], deeperThan: indent) {
                    text.append(lines[i], line: i + 1); i += 1
                }
                var parser = PatternParser(text: text, file: displayName)
                current!.pattern = try parser.parse()
            case "action":
                // Long argument lists (word tables) may continue on more-indented lines.
                var rest = rest
                while i < lines.count, Self.isContinuation(lines[i], deeperThan: indent) {
                    rest += " " + lines[i].trimmingCharacters(in: .whitespaces); i += 1
                }
                let parts = rest.split(separator: " ").map(String.init)
                guard let name = parts.first, Self.isName(name) else { throw GrammarError(pos(lineNo, restColumn), expected: "an action name", found: Self.show(rest)) }
                current!.action = (name, Array(parts.dropFirst()), pos(lineNo, restColumn))
            case "priority":
                guard let p = Int(rest), (-100...100).contains(p) else { throw GrammarError(pos(lineNo, restColumn), expected: "an integer from -100 to 100", found: Self.show(rest)) }
                current!.priority = p
            case "example", "not":
                current!.examples.append(try Self.example(rest, mustMatch: keyword == "example", at: pos(lineNo, restColumn)))
            default:
                throw GrammarError(pos(lineNo, indent + 1), expected: "match, action, priority, example or not", found: Self.show(keyword))
            }
        }
        try finish()
        if file.rules.isEmpty && file.macros.isEmpty {
            throw GrammarError(pos(1, 1), "the file defines no rule")
        }
        return file
    }

    /// The first word of a line and the rest, with the rest's column.
    static func split(_ s: String, column: Int) -> (String, String, Int) {
        let word = s.prefix { $0 != " " && $0 != "\t" }
        let afterWord = s.dropFirst(word.count)
        let spaces = afterWord.prefix { $0 == " " || $0 == "\t" }.count
        let rest = String(afterWord.dropFirst(spaces)).trimmingCharacters(in: .whitespaces)
        return (String(word), rest, column + word.count + spaces)
    }

    static func isContinuation(_ line: String, deeperThan indent: Int = 0) -> Bool {
        let n = line.prefix { $0 == " " || $0 == "\t" }.count
        let body = line.dropFirst(n)
        guard n > indent, !body.isEmpty, !body.hasPrefix("#") else { return false }
        if indent == 0 { return true }
        // Inside a rule, a deeper line that starts with a key is still a key line.
        let word = body.prefix { $0 != " " }
        return !["match", "action", "priority", "example", "not"].contains(String(word))
    }

    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" }
    }

    static func isISODay(_ s: String) -> Bool {
        let parts = s.split(separator: "-")
        guard s.count == 10, parts.count == 3, let m = Int(parts[1]), let d = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(m) && (1...31).contains(d)
    }

    static func show(_ s: String) -> String { s.isEmpty ? "end of line" : "\"\(s.prefix(40))\"" }

    /// `"input" => key=value key="text" …` or just `"input"`.
    static func example(_ rest: String, mustMatch: Bool, at position: SourcePosition) throws -> Example {
        var scanner = ValueScanner(rest, position: position)
        guard case let .string(input)? = try scanner.value(), !input.isEmpty else {
            throw GrammarError(position, expected: "a quoted example input", found: show(rest))
        }
        var expected: [(String, JSONValue)] = []
        scanner.skipSpaces()
        if !scanner.atEnd {
            guard mustMatch else { throw GrammarError(scanner.position, expected: "end of line after a non-example", found: show(scanner.rest)) }
            try scanner.expect("=>")
            while true {
                scanner.skipSpaces()
                if scanner.atEnd { break }
                let key = scanner.word()
                guard !key.isEmpty else { throw GrammarError(scanner.position, expected: "a field name", found: show(scanner.rest)) }
                try scanner.expect("=")
                guard let value = try scanner.value() else { throw GrammarError(scanner.position, expected: "a value", found: show(scanner.rest)) }
                expected.append((key, value))
            }
            if expected.isEmpty { throw GrammarError(scanner.position, expected: "key=value after =>", found: "end of line") }
        }
        return Example(input: input, expected: expected, mustMatch: mustMatch, position: position)
    }
}

/// A rule while its lines are read.
struct RuleDraft {
    var name: String
    var line: Int
    var pattern: Pattern?
    var action: (String, [String], SourcePosition)?
    var priority = 0
    var examples: [Example] = []

    func rule(fileID: String, reference: String?, at position: SourcePosition) throws -> Rule {
        guard let pattern else { throw GrammarError(position, "rule \(name) has no match line") }
        guard let action else { throw GrammarError(position, "rule \(name) has no action line") }
        guard examples.contains(where: \.mustMatch) else {
            throw GrammarError(position, "rule \(name) has no example: every rule carries at least one `example` line")
        }
        return Rule(name: name, id: fileID + "#" + name, position: position, pattern: pattern, action: action.0,
                    arguments: action.1, actionPosition: action.2, priority: priority, examples: examples, reference: reference)
    }
}
