import NoteGraphCore

/// Each token's type within one document: tokens with the same text (exactly, case included),
/// kind and script share a type. Tests that read only these (words, kinds, shapes, character
/// sets, regular expressions) give the same answer for every token of a type, so the matcher
/// remembers them per type (`BitMemo`): a document says "the", "%" and "亿" thousands of times
/// but has only a few thousand distinct words. The view then numbers these types in the
/// grammar's vocabulary (`TokenVocabulary`), where the answers are kept across notes.
struct TokenTypes {
    /// Per token, its type (0 ..< count).
    let types: [Int32]
    let count: Int
    /// Per type, the first token of it, which stands for its text (and kind, script, hash).
    let firstToken: [Int32]

    /// Joins the types of consecutive runs of tokens, typed on several cores (`types[t]`: t's
    /// number in its run's table; the first table sized for all tokens). Each later run's types,
    /// taken in their order, are looked up in the types so far and numbered on if new: the
    /// numbers one pass over all the tokens gives. `hashes[t]`: token t's `TokenKeys.hash`.
    static func join(_ types: inout [Int32], tables: inout [TokenTypeTable], ranges: [Range<Int>], tokens: UnsafeBufferPointer<Token>,
                     units: UnsafeBufferPointer<UInt16>, hashes: (Int) -> UInt64) -> TokenTypes {
        var table = tables[0]
        tables[0] = TokenTypeTable(capacity: 0)   // so that adding to `table` copies nothing
        for (run, local) in zip(ranges.dropFirst(), tables.dropFirst()) {
            let numbers = local.firstToken.map { table.type(of: Int($0), hash: hashes(Int($0)), tokens: tokens, units: units) }
            types.withUnsafeMutableBufferPointer { types in
                numbers.withUnsafeBufferPointer { numbers in
                    for t in run { types[t] = numbers[Int(types[t])] }
                }
            }
        }
        return TokenTypes(types: types, count: table.count, firstToken: table.firstToken)
    }
}
