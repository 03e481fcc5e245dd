import NoteGraphCore

/// Actions of the `figure` dimension: amounts with a unit. Values (every field present):
/// `{"value", "unit", "approx", "low", "high", "change"}` — see `FigureReading` for the capture
/// names rules use to say what each part of a match means. Units and their factors are the
/// rules' arguments, so the words stay in the grammar files.
enum FigureActions {
    static let all: [GrammarAction] = [
        GrammarAction("figure.money", dimension: "figure",
                      summary: "capture n as money in the ISO 4217 currency given first: `figure.money USD`; a per-unit price names its denominator u among `word=unit` arguments: `figure.money USD hour=h mtokens=Mtoken` → USD/h",
                      checkArguments: moneyArguments) { input in
            let currency = input.arguments[0]
            var unit = currency
            if input.capture("u") != nil {
                guard let per = UnitTable(input.arguments.dropFirst()).unit(of: input.text("u") ?? "", compact: true) else { return nil }
                unit += "/" + per
            }
            return FigureReading(input)?.json(unit: unit)
        },
        GrammarAction("figure.percent", dimension: "figure", summary: "capture n (a number) as a percentage: 65% → value 65, unit %") { input in
            FigureReading(input)?.json(unit: "%")
        },
        GrammarAction("figure.unit", dimension: "figure",
                      summary: "capture n in the unit given first, times the factor its unit word u has among `word=factor` arguments (`figure.unit W kW=1e3 GW=1e9`); a token t that holds digits and unit together (120kW, 3nm, 10x) is split; a max=N argument refuses larger amounts (years are not durations)",
                      checkArguments: unitArguments) { input in
            let table = UnitTable(input.arguments.dropFirst())
            var factor = 1.0
            var reading: FigureReading?
            if let t = input.text("t") {
                // Digits and unit in one token: the number is the leading digits.
                let digits = t.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
                guard !digits.isEmpty, let n = NumberText.arabic(String(digits)),
                      let f = table.factor(of: String(t.dropFirst(digits.count))) else { return nil }
                factor = f
                reading = FigureReading(input, factor: f, amount: (n, nil, nil, false))
            } else {
                if input.capture("u") != nil {
                    guard let f = table.factor(of: input.text("u") ?? "") else { return nil }
                    factor = f
                }
                reading = FigureReading(input, factor: factor)
            }
            guard let reading else { return nil }
            if let max = table.max, let v = reading.value ?? reading.high ?? reading.low, abs(v / factor) > max { return nil }
            return reading.json(unit: input.arguments[0])
        },
        GrammarAction("figure.tenths", dimension: "figure",
                      summary: "a Chinese 成 ratio in one token t: 三成 = 30%, 三成七 = 37%, 八折 (with argument 折) = 80%",
                      checkArguments: { $0.count <= 1 ? nil : "takes at most one argument, the character that marks tenths (成 by default)" }) { input in
            guard let t = input.text("t") else { return nil }
            let mark = Character(input.arguments.first ?? "成")
            let parts = t.split(separator: mark, maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let tens = NumberText.chinese(String(parts[0]))?.value, tens >= 1, tens <= 10 else { return nil }
            var units = 0.0
            if !parts[1].isEmpty {
                guard let u = NumberText.chinese(String(parts[1]))?.value, u < 10 else { return nil }
                units = u
            }
            return FigureReading(input, factor: 1, amount: (tens * 10 + units, nil, nil, false))?.json(unit: "%")
        },
        GrammarAction("figure.constant", dimension: "figure",
                      summary: "a figure the words themselves state: `figure.constant 2 x` for 翻倍 / doubled, `figure.constant 50 %` for 一半",
                      checkArguments: { args in args.count == 2 && Double(args[0]) != nil ? nil : "takes two arguments, the value and the unit" }) { input in
            FigureReading(input, factor: 1, amount: (Double(input.arguments[0])!, nil, nil, false))?.json(unit: input.arguments[1])
        },
    ]

    @Sendable static func moneyArguments(_ args: [String]) -> String? {
        guard let code = args.first, code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            return "takes an ISO 4217 code such as USD first"
        }
        return UnitTable.check(args.dropFirst(), numeric: false)
    }

    @Sendable static func unitArguments(_ args: [String]) -> String? {
        guard let unit = args.first, !unit.contains("=") else { return "takes the unit first (W, Wh, B, bit/s, m, count, x, month …)" }
        return UnitTable.check(args.dropFirst(), numeric: true)
    }
}
