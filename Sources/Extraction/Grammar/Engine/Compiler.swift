import NoteGraphCore

/// Compiles patterns: expands macros (refusing cycles and unknown names), checks that nothing
/// can match an empty span, bounds the program size, and computes first-token keys.
struct Compiler {
    let macros: [String: Macro]
    let lexiconClasses: Set<String>
    var instructions: [Instruction] = []
    var captureNames: [String] = []
    var expanding: [String] = []
    /// The stage's tests, shared by all its rules.
    var checks: CheckTable

    init(macros: [String: Macro], lexiconClasses: Set<String>, checks: CheckTable) {
        self.macros = macros
        self.lexiconClasses = lexiconClasses
        self.checks = checks
    }

    static func compile(_ pattern: Pattern, at position: SourcePosition, macros: [String: Macro], lexiconClasses: Set<String>,
                        checks: inout CheckTable) throws -> Program {
        var c = Compiler(macros: macros, lexiconClasses: lexiconClasses, checks: checks)
        defer { checks = c.checks }
        if try c.nullable(pattern) {
            throw GrammarError(position, "the pattern can match an empty span: at least one element must be required")
        }
        c.instructions.append(.match)
        let entry = try c.emit(pattern, next: 0)
        var program = Program(instructions: c.instructions, entry: entry, captureNames: c.captureNames, firstKeys: nil)
        var keys = StepKeys(c.instructions, checks: c.checks)
        program.firstKeys = keys[entry]
        program.lookahead = c.lookahead(from: entry, keys: &keys)
        program.stepKeys = keys.all()
        program.single = c.single(from: entry)
        program.requirement = try c.requirement(of: pattern, first: program.firstKeys)
        return program
    }

    mutating func append(_ i: Instruction, at position: SourcePosition?) throws -> Int {
        if instructions.count >= Program.maxInstructions {
            throw GrammarError(position ?? SourcePosition(file: "?", line: 0, column: 0),
                               "the pattern compiles to more than \(Program.maxInstructions) steps: reduce repetition bounds or nesting")
        }
        instructions.append(i)
        return instructions.count - 1
    }

    func macro(_ name: String, at position: SourcePosition) throws -> Macro {
        guard let m = macros[name] else { throw GrammarError(position, "unknown macro @\(name)") }
        return m
    }

    mutating func withMacro<T>(_ name: String, at position: SourcePosition, _ body: (inout Compiler, Pattern) throws -> T) throws -> T {
        if expanding.contains(name) {
            throw GrammarError(position, "macro cycle: " + (expanding + [name]).map { "@" + $0 }.joined(separator: " → "))
        }
        let m = try macro(name, at: position)
        expanding.append(name)
        defer { expanding.removeLast() }
        return try body(&self, m.pattern)
    }

    mutating func nullable(_ p: Pattern) throws -> Bool {
        switch p {
        case .token, .literal, .dimension: return false
        case .sentenceStart, .sentenceEnd: return true
        case let .sequence(items):
            for item in items where !(try nullable(item)) { return false }
            return true
        case let .alternation(options):
            for o in options where try nullable(o) { return true }
            return false
        case let .repetition(inner, min, max, position):
            let n = try nullable(inner)
            if n && max == nil { throw GrammarError(position, "a repeated part that can match nothing would repeat forever") }
            return min == 0 || n
        case let .capture(_, inner, _): return try nullable(inner)
        case let .macro(name, position): return try withMacro(name, at: position) { c, p in try c.nullable(p) }
        }
    }

    /// Emits `p` so that it continues at `next`; returns its entry.
    mutating func emit(_ p: Pattern, next: Int) throws -> Int {
        switch p {
        case let .token(test, position):
            let resolved = try resolve(test)
            return try append(.token(checks.add(resolved), next: next), at: position)
        case let .literal(s, position):
            return try append(.literal(Array(s.lowercased().utf16), next: next), at: position)
        case let .dimension(d, position):
            return try append(.dimension(d, next: next), at: position)
        case let .sentenceStart(position): return try append(.assertStart(next: next), at: position)
        case let .sentenceEnd(position): return try append(.assertEnd(next: next), at: position)
        case let .sequence(items):
            var cont = next
            for item in items.reversed() { cont = try emit(item, next: cont) }
            return cont
        case let .alternation(options):
            let entries = try options.map { try emit($0, next: next) }
            var cont = entries[entries.count - 1]
            for e in entries.dropLast().reversed() { cont = try append(.split(e, cont), at: p.position) }
            return cont
        case let .capture(name, inner, position):
            var k = captureNames.firstIndex(of: name) ?? -1
            if k < 0 { captureNames.append(name); k = captureNames.count - 1 }
            let close = try append(.save(2 * k + 1, next: next), at: position)
            let body = try emit(inner, next: close)
            return try append(.save(2 * k, next: body), at: position)
        case let .repetition(inner, min, max, position):
            var cont = next
            if let max {
                for _ in 0..<(max - min) {
                    let body = try emit(inner, next: cont)
                    cont = try append(.split(body, next), at: position)
                }
            } else {
                let loop = try append(.split(-1, next), at: position)
                let body = try emit(inner, next: loop)
                instructions[loop] = .split(body, next)
                cont = loop
            }
            for _ in 0..<min { cont = try emit(inner, next: cont) }
            return cont
        case let .macro(name, position):
            return try withMacro(name, at: position) { c, p in try c.emit(p, next: next) }
        }
    }

    /// Checks lexicon classes and replaces `@MACRO` tests by the test the macro holds.
    mutating func resolve(_ test: TokenTest) throws -> TokenTest {
        switch test {
        case let .lexiconClass(c, at):
            if !lexiconClasses.contains(c) {
                throw GrammarError(at, expected: "a lexicon class (\(lexiconClasses.sorted().joined(separator: ", ")))", found: "\"\(c)\"")
            }
            return test
        case let .macro(name, at):
            return try withMacro(name, at: at) { c, p in
                guard case let .token(inner, _) = p else {
                    throw GrammarError(at, "@\(name) is used inside [ ] but is not a single token test")
                }
                return try c.resolve(inner)
            }
        case let .not(t): return .not(try resolve(t))
        case let .and(ts):
            // Cheap tests first, regular expressions last: `&` stops at the first failure.
            let parts = try ts.map { try resolve($0) }
            return .and(parts.filter { !Self.isDear($0) } + parts.filter(Self.isDear))
        case let .or(ts): return .or(try ts.map { try resolve($0) })
        default: return test
        }
    }

    static func isDear(_ t: TokenTest) -> Bool {
        switch t {
        case .regex, .shape: return true
        case let .not(inner): return isDear(inner)
        case let .and(ts), let .or(ts): return ts.contains(where: isDear)
        default: return false
        }
    }

    /// Every way into the pattern: its first element and the keys of the token after it. Nil
    /// when a way in cannot be told (the pattern may match at once).
    func lookahead(from entry: Int, keys: inout StepKeys) -> LookaheadKeys? {
        var branches: [LookaheadKeys.Branch] = []
        var seen: Set<Int> = []
        var stack = [entry]
        while let pc = stack.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case let .token(test, next):
                branches.append(.init(first: .token(checks.keys(test), check: test), follow: keys[next]))
            case let .dimension(d, next):
                branches.append(.init(first: .item(d), follow: keys[next]))
            case let .literal(units, next):
                branches.append(.init(first: .literal(units, keys[pc] ?? []), follow: keys[next]))
            case .match: return nil
            case let .split(a, b): stack.append(a); stack.append(b)
            case let .save(_, next), let .assertStart(next), let .assertEnd(next): stack.append(next)
            }
        }
        return LookaheadKeys(branches: branches)
    }

    /// The check and capture of a pattern that is one token test: `[t]` or `name:[t]`.
    func single(from entry: Int) -> (check: Int, capture: Int?)? {
        var pc = entry
        var capture: Int?
        if case let .save(slot, next) = instructions[pc], slot % 2 == 0 { capture = slot / 2; pc = next }
        guard case let .token(check, next) = instructions[pc] else { return nil }
        pc = next
        if let k = capture {
            guard case let .save(slot, next) = instructions[pc], slot == 2 * k + 1 else { return nil }
            pc = next
        }
        guard case .match = instructions[pc] else { return nil }
        return (check, capture)
    }
}
