import NoteGraphCore

/// Actions of the `figure` dimension: amounts with a unit. Values (every field present):
/// `{"value", "unit", "approx", "low", "high", "change"}` — see `FigureReading` for the capture
/// names rules use to say what each part of a match means. Units and their factors are the
/// rules' arguments, so the words stay in the grammar files.
enum FigureActions {
    static let all: [GrammarAction] = [
        GrammarAction("figure.money", dimension: "figure",
                      summary: "capture n as money in the ISO 4217 currency given first: `figure.money USD`; a per-unit price names its denominator u among `word=unit` arguments: `figure.money USD hour=h mtokens=Mtoken` → USD/h",
                      checkArguments: moneyArguments, prepare: { UnitTable($0.dropFirst()) }) { input in
            let currency = input.arguments[0]
            var unit = currency
            if input.has("u") {
                let table = input.prepared(as: UnitTable.self) ?? UnitTable(input.arguments.dropFirst())
                guard let per = table.unit(of: input.text("u") ?? "", compact: true) else { return nil }
                unit += "/" + per
            }
            return FigureReading(input)?.json(unit: unit)
        },
        GrammarAction("figure.yen", dimension: "figure",
                      summary: "capture n as an amount after ¥/￥, which Chinese and Japanese notes both write: CNY, marked so that the context stage makes it JPY when its sentence has a `figure.hint JPY` item (Japan, 日本, yen …) or its subject is a Japanese company (lexicon region JP)",
                      checkArguments: { $0.isEmpty ? nil : "takes no arguments" }) { input in
            guard case let .object(fields)? = FigureReading(input)?.json(unit: "CNY") else { return nil }
            return .object(fields + [("yen", .bool(true))])
        },
        GrammarAction("figure.node", dimension: "figure",
                      summary: "a process node named t (N3, N3E, SF2, A16, 18A) as an amount in the unit given first: its digits times the factor its letters (prefix, else suffix) have among `letters=factor` arguments (`figure.node m N=1e-9 A=1e-10`); letters not listed are no node",
                      checkArguments: unitArguments, prepare: { UnitTable($0.dropFirst()) }) { input in
            let table = input.prepared(as: UnitTable.self) ?? UnitTable(input.arguments.dropFirst())
            guard let t = input.text("t"), let name = NodeName(t), let factor = table.unit(of: name.letters).flatMap(Double.init) else {
                return input.refuse("\(input.text("t") ?? "") is not a node name the rule knows")
            }
            return FigureReading(input, amount: (name.number * factor, nil, nil, false))?.json(unit: input.arguments[0])
        },
        GrammarAction("figure.hint", dimension: "hint",
                      summary: "a word that tells which currency an ambiguous sign means in its sentence: `figure.hint JPY` on Japan, 日本, yen",
                      checkArguments: { $0.count == 1 && $0[0].count == 3 && $0[0].allSatisfy { $0.isASCII && $0.isUppercase } ? nil : "takes one ISO 4217 code" }) { input in
            .object([("currency", .string(input.arguments[0]))])
        },
        GrammarAction("figure.currency", dimension: "figure",
                      summary: "capture n as money in the currency its word c names among `word=ISO` or `word=ISO*factor` arguments (`figure.currency francs=CHF cents=USD*0.01 musd=USD*1e6`); a token t holding code and digits together (USD115, 115USD) is split; smaller units after it, sub with its word sw (and sub2/sw2), are added: 3 dollars 50 cents, 五元三毛, 50元6角三分 (sub without a word: hundredths, only where the amount ends); a price per unit names its denominator u among `/word=unit` arguments",
                      checkArguments: CurrencyWords.check, prepare: { CurrencyWords($0) }) { input in
            CurrencyReading.value(input)
        },
        GrammarAction("figure.percent", dimension: "figure", summary: "capture n (a number) as a percentage: 65% → value 65, unit %; none right after % or = (URL escapes: issn%280024%29, q=30%25)") { input in
            // Inside a URL, %28 and q=30%25 are escapes and parameters, not percentages.
            if input.start > 0, [UInt16(UInt8(ascii: "%")), UInt16(UInt8(ascii: "="))].contains(input.view.text.utf16[Int(input.start) - 1]) { return nil }
            return FigureReading(input)?.json(unit: "%")
        },
        GrammarAction("figure.unit", dimension: "figure",
                      summary: "capture n in the unit given first, times the factor its unit word u has among `word=factor` arguments (`figure.unit W kW=1e3 GW=1e9`); a token t that holds digits and unit together (120kW, 3nm, 10x) is split; a max=N argument refuses larger amounts (years are not durations); a time word d divides by its `/word=seconds` factor (km per hour → m/s); a second amount sub in a smaller unit sw is added (5 feet 2 inches); `~兆=1e6` reads a number ending in 兆 as mega (五十兆字节)",
                      checkArguments: unitArguments, prepare: { UnitTable($0.dropFirst()) }) { input in
            let table = input.prepared(as: UnitTable.self) ?? UnitTable(input.arguments.dropFirst())
            var factor = 1.0
            var reading: FigureReading?
            // A rate: the time word d divides (`/h=3600`: 188 miles an hour → m/s).
            var per = 1.0
            if let d = input.text("d") {
                guard let p = table.factor(of: "/" + d), p > 0 else { return nil }
                per = p
            }
            if let tc = input.capture("t"), let (n, f) = asciiAmount(input.view.text.utf16[Int(tc.start)..<Int(tc.end)], table) {
                // 120kW in ASCII, read from its units (the common case; the same as below).
                guard let n, let f else { return nil }
                factor = f
                reading = FigureReading(input, factor: f / per, amount: (n, nil, nil, false))
            } else if let t = input.text("t") {
                // Digits and unit in one token (120kW, 一吨半): the number is the leading digits
                // or Chinese numerals; 半 after the unit adds a half.
                var rest = Substring(t)
                var half = 0.0
                if rest.count > 1, rest.last == "半" { rest = rest.dropLast(); half = 0.5 }
                let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
                let numerals = digits.isEmpty ? rest.prefix { NumberText.isChineseNumeral($0) } : digits
                guard !numerals.isEmpty,
                      let n = digits.isEmpty ? NumberText.chinese(String(numerals))?.value : NumberText.arabic(String(digits)),
                      let f = table.factor(of: String(rest.dropFirst(numerals.count))) else { return nil }
                factor = f
                reading = FigureReading(input, factor: f / per, amount: (n + half, nil, nil, false))
            } else {
                if input.has("u") {
                    guard let f = table.factor(of: input.text("u") ?? "") else { return nil }
                    factor = f
                }
                // `~兆=1e6`: a number ending in 兆 means mega before this unit (五十兆字节), not
                // the 1e12 the numbers stage gave it: read it again without that character.
                if table.hasTildeWords, let n = input.text("n"), let last = n.last, let scale = table.unit(of: "~" + String(last)).flatMap(Double.init) {
                    let head = String(n.dropLast()).trimmingCharacters(in: .whitespaces)
                    guard let v = NumberText.arabic(head) ?? NumberText.chinese(head)?.value else { return nil }
                    reading = FigureReading(input, factor: factor / per, amount: (v * scale, nil, nil, false))
                } else {
                    reading = FigureReading(input, factor: factor / per)
                }
            }
            guard var reading else { return nil }
            // A second amount in a smaller unit adds to the first: 5 feet 2 inches.
            if input.has("sub") {
                guard let v = reading.value, let s = FigureReading.amount(input, "sub")?.value, s >= 0,
                      let f = table.factor(of: input.text("sw") ?? ""), f < factor else { return nil }
                reading.value = FigureReading.tidy(v + FigureReading.scaled(s, f))
            }
            if let max = table.max, let v = reading.value ?? reading.high ?? reading.low, abs(v / factor) > max { return nil }
            return reading.json(unit: input.arguments[0])
        },
        GrammarAction("figure.tenths", dimension: "figure",
                      summary: "a Chinese ratio in tenths, captured as t: 三成 = 30%, 三成七 = 37%, 三成半 = 35%, 9.5成 = 95%, 半成 = 5%; with argument 折 a price as a share of the full one: 八折 = 80%, 八五折 = 75折 = 85%/75%, 9.9折 = 99%, 对折 = 半折 = 50%",
                      checkArguments: { $0.count <= 1 ? nil : "takes at most one argument, the character that marks tenths (the last 成 or 折 written by default)" }) { input in
            guard let t = input.text("t") else { return nil }
            // The mark is the argument, else the last 成 or 折 written.
            let mark = input.arguments.first.map(Character.init) ?? t.last { $0 == "成" || $0 == "折" } ?? "成"
            guard let percent = Tenths.percent(t, mark: mark) else { return nil }
            return FigureReading(input, factor: 1, amount: (percent, nil, nil, false))?.json(unit: "%")
        },
        GrammarAction("figure.parts", dimension: "figure",
                      summary: "a Chinese share of a power of ten, captured as t: 百分之三十 = 30%, 千分之２.４ = 0.24%, 万分之三 = 0.03%, 百分之百 = 100%",
                      checkArguments: { $0.isEmpty ? nil : "takes no arguments" }) { input in
            guard let t = input.text("t"), let percent = Tenths.parts(t) else { return nil }
            return FigureReading(input, factor: 1, amount: (percent, nil, nil, false))?.json(unit: "%")
        },
        GrammarAction("figure.constant", dimension: "figure",
                      summary: "a figure the words themselves state: `figure.constant 2 x` for 翻倍 / doubled, `figure.constant 50 %` for 一半",
                      checkArguments: { args in args.count == 2 && Double(args[0]) != nil ? nil : "takes two arguments, the value and the unit" }) { input in
            FigureReading(input, factor: 1, amount: (Double(input.arguments[0])!, nil, nil, false))?.json(unit: input.arguments[1])
        },
    ]

    /// `figure.unit`'s reading of a token t holding digits and unit (120kW) when it is printable
    /// ASCII without spaces, where each unit is one Character: (number, factor), either nil when
    /// the token is no such amount; nil when the token is not that simple. The same steps as
    /// the String path: leading digits, points and commas, then the rest as the unit word.
    static func asciiAmount(_ units: ArraySlice<UInt16>, _ table: UnitTable) -> (Double?, Double?)? {
        guard UnitText.isPrintableASCII(units) else { return nil }
        var end = units.startIndex
        while end < units.endIndex, NumberActions.isDigit(units[end]) || units[end] == NumberActions.dot || units[end] == comma { end += 1 }
        guard end > units.startIndex else { return (nil, nil) }
        guard let f = table.factor(ascii: units[end...]) else { return (nil, nil) }
        return (NumberText.arabic(units: units[..<end]), f)
    }

    static let comma = UInt16(UInt8(ascii: ","))

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
