import NoteGraphCore

/// What a clause names — companies, products, dates — looked up once per clause and sentence:
/// a clause can hold many actions (a long list without commas), and each asks the same.
final class ClauseCache {
    struct Facts {
        /// Token ranges of company and product names, in order.
        var names: [Range<Int>]
        var companyIDs: [String]
        var productNames: [String]
        /// Dates overlapping the clause (a date's comma does not end it), and their tokens.
        var dates: [Item]
        var dateTokens: Set<Int>
    }

    private var byStart: [Int32: Facts] = [:]

    func facts(_ span: Range<Int32>, _ scope: EventScope) -> Facts {
        if let f = byStart[span.lowerBound] { return f }
        let products = scope.productTokens(in: span)
        var names = scope.companies.within(span).map { Int($0.firstToken)..<Int($0.endToken) } + products.map { $0..<($0 + 1) }
        names.sort { $0.lowerBound < $1.lowerBound }
        let dates = scope.dates.overlapping(span)
        let f = Facts(names: names, companyIDs: scope.companyIDs(in: span), productNames: scope.productNames(products), dates: dates,
                      dateTokens: Set(dates.flatMap { Int($0.firstToken)..<Int($0.endToken) }))
        byStart[span.lowerBound] = f
        return f
    }
}
