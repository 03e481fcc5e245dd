import NoteGraphCore

/// Actions of the `number` dimension. Values: `{"value": n}`.
enum NumberActions {
    static let all: [GrammarAction] = [
        GrammarAction("number.arabic", dimension: "number", summary: "capture n (or the match) read as an Arabic number: 1,234.5 → 1234.5") { input in
            guard let v = NumberText.arabic(input.text("n") ?? input.text) else { return nil }
            return .object([("value", .number(v))])
        },
        GrammarAction("number.chinese", dimension: "number", summary: "capture n (or the match) read as a Chinese numeral: 一万五千亿 → 1.5e12") { input in
            guard let v = NumberText.chinese(input.text("n") ?? input.text) else { return nil }
            return .object([("value", .number(v))])
        },
        GrammarAction("number.scaled", dimension: "number",
                      summary: "capture n (a number) times the factor given as argument: `action number.scaled 1e8` for 亿",
                      checkArguments: { args in args.count == 1 && Double(args[0]) != nil ? nil : "takes one argument, the factor (e.g. 1e8)" }) { input in
            guard let n = input.number("n"), let f = Double(input.arguments[0]) else { return nil }
            return .object([("value", .number(n * f))])
        },
        GrammarAction("number.suffixed", dimension: "number",
                      summary: "a number with a scale letter in the same token (1.29T, 500M, 2bn); arguments map suffixes to factors: k=1e3 bn=1e9 …",
                      checkArguments: suffixTable) { input in
            let text = input.text("n") ?? input.text
            let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
            let suffix = String(text.dropFirst(digits.count))
            guard let n = NumberText.arabic(String(digits)), let f = factor(of: suffix, in: input.arguments) else { return nil }
            return .object([("value", .number(n * f))])
        },
    ]

    /// The factor a `suffix=factor` argument gives (suffixes compared ignoring ASCII case).
    static func factor(of suffix: String, in args: [String]) -> Double? {
        for a in args {
            guard let eq = a.utf8.firstIndex(of: UInt8(ascii: "=")),
                  a.utf8[..<eq].elementsEqual(suffix.utf8, by: { fold($0) == fold($1) }) else { continue }
            return Double(a[a.index(after: eq)...])
        }
        return nil
    }

    private static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    @Sendable static func suffixTable(_ args: [String]) -> String? {
        if args.isEmpty { return "needs suffix=factor arguments, e.g. k=1e3 m=1e6 bn=1e9" }
        for a in args where a.split(separator: "=").count != 2 || Double(a.split(separator: "=")[1]) == nil {
            return "argument \"\(a)\" is not suffix=factor"
        }
        return nil
    }
}
