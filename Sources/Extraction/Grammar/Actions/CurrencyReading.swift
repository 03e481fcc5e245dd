import NoteGraphCore

/// The value of `figure.currency`: money whose currency a word names through the rule's word
/// table (CurrencyWords), with the smaller units written after it (3 dollars 50 cents, 五元三毛)
/// and a denominator for a price per unit. Apart from FigureActions because of the checks that
/// keep a neighbouring amount out (2024 $5.2B, 50 dollar 40 rmb, rmb 10 usd 20).
enum CurrencyReading {
    static func value(_ input: ActionInput) -> JSONValue? {
        let words = input.prepared(as: CurrencyWords.self) ?? CurrencyWords(input.arguments)
        var amount: Double?
        var currency: (code: String, factor: Double)?
        if let t = input.text("t") {
            // USD115, 115USD: the letters name the currency, the rest is the amount.
            let letters = t.filter { $0.isLetter }, digits = t.filter { !$0.isLetter }
            currency = words.lookup(letters)
            amount = NumberText.arabic(digits)
        } else if let c = input.text("c") {
            currency = words.lookup(c)
        } else if let n = input.text("n") {
            // 五元 in one token: the currency word ends the amount's text.
            currency = words.table.filter { n.hasSuffix($0.key) }.max { $0.key.count < $1.key.count }?.value
        }
        guard let (code, factor) = currency else { return nil }
        // A symbol after the amount followed by another amount begins that one (2024 $5.2B):
        // it is this amount's currency only where no number follows.
        if let c = input.capture("c"), let n = input.capture("n"), c.firstToken >= n.endToken, !input.has("sub"),
           let sym = input.text("c"), !sym.contains(where: \.isLetter),
           let next = token(input, at: Int(c.endToken)), next.first?.isNumber == true { return nil }
        var extra = 0.0
        for (sub, word) in [("sub", "sw"), ("sub2", "sw2")] where input.capture(sub) != nil {
            // 三毛 in one token: the sub-unit word ends the amount's text.
            let subText = input.text(sub) ?? ""
            let glued = input.capture(word) == nil && input.capture(sub)?.value == nil
                ? words.table.filter { subText.hasSuffix($0.key) && subText.count > $0.key.count }.max { $0.key.count < $1.key.count } : nil
            let subValue = glued.map { Tenths.number(Substring(subText.dropLast($0.key.count))) } ?? FigureReading.amount(input, sub)?.value
            // Dollars and cents: a whole price under 10,000 and a whole number of cents (not
            // "5 million dollars and 30 employees").
            guard let v = subValue, v >= 1, v < 100, v == v.rounded(),
                  let main = FigureReading.amount(input, "n")?.value, main >= 0, main < 1e4, main == main.rounded() else { return nil }
            var f = 0.01
            if let g = glued {
                guard g.value.code == code else { return nil }
                f = g.value.factor
            } else if let w = input.text(word) {
                guard let hit = words.lookup(w), hit.code == code else { return nil }
                f = hit.factor
            } else if let c = input.capture(sub) {
                // Cents without their word (15 dollars 50) only where the amount ends: not
                // before a word or a currency (5 dollars 30 times, 50 dollar 40 rmb), nor
                // after a currency written first (rmb 10 usd 20: two amounts).
                if let next = token(input, at: Int(c.endToken)),
                   next.contains(where: \.isLetter) || words.lookup(next) != nil { return nil }
                if let n = input.capture("n"), let before = token(input, at: Int(n.firstToken) - 1),
                   words.lookup(before) != nil { return nil }
            }
            extra += v * f
        }
        var reading: FigureReading?
        if let amount {
            reading = FigureReading(input, factor: factor, amount: (amount, nil, nil, false))
        } else {
            reading = FigureReading(input, factor: factor)
        }
        guard var r = reading else { return nil }
        if extra != 0 {
            guard let v = r.value else { return nil }
            r.value = FigureReading.tidy(v + extra)
        }
        var unit = code
        if let u = input.text("u") {
            guard let denominator = words.per[CurrencyWords.key(u)] else { return nil }
            unit += "/" + denominator
        }
        return r.json(unit: unit)
    }

    /// The text of token `i` of the match's document, if there is one.
    static func token(_ input: ActionInput, at i: Int) -> String? {
        guard i >= 0, i < input.view.tokens.count else { return nil }
        let t = input.view.tokens[i]
        return input.view.string(t.start, t.end)
    }
}
