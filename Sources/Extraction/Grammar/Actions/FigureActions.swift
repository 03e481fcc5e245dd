import NoteGraphCore

/// Actions of the `figure` dimension: amounts with a unit. Values: `{"value": n, "unit": u}`.
/// (Issue 4 adds approximations, ranges, periods and quantities on top of these.)
enum FigureActions {
    static let all: [GrammarAction] = [
        GrammarAction("figure.money", dimension: "figure",
                      summary: "capture n (a number) as money in the ISO 4217 currency given as argument: `action figure.money USD`",
                      checkArguments: { args in args.count == 1 && args[0].count == 3 && args[0].allSatisfy(\.isUppercase) ? nil : "takes one argument, an ISO 4217 code such as USD" }) { input in
            guard let n = input.number("n") else { return nil }
            return .object([("value", .number(n)), ("unit", .string(input.arguments[0]))])
        },
        GrammarAction("figure.percent", dimension: "figure", summary: "capture n (a number) as a percentage: 65% → value 65, unit %") { input in
            guard let n = input.number("n") else { return nil }
            return .object([("value", .number(n)), ("unit", .string("%"))])
        },
    ]
}
