import NoteGraphCore

/// What the matcher sees of one document: its text, tokens with precomputed keys, sentences and
/// the items earlier stages produced, indexed by their first token. Built once per document by
/// the first grammar stage and handed on to the next ones (`DocumentWork.matchState`); stages
/// only read it while matching (possibly from several threads) and add their items after.
public final class DocumentView: @unchecked Sendable {
    public let text: DocumentText
    public let tokens: [Token]
    public let sentences: [Sentence]
    public let lexicon: Lexicon
    /// The note's own date (ISO), for actions that resolve relative expressions.
    public let referenceDate: String?
    /// Each token's keys for the first-token index and the filters, in a buffer the view owns:
    /// the scan, the filters and the follow tables read it at nearly every token, where an
    /// array paid a bounds check each time. Written only between stages (`link`).
    let features: UnsafeMutablePointer<TokenFeatures>
    /// The vocabulary the note's token types are numbered in (tokens of the same text, kind and
    /// script share a type): what the matcher learns of a type is remembered there by number,
    /// across the notes the vocabulary holds (`TypeMemory`).
    let vocabulary: TokenVocabulary
    /// Each token's type number in `vocabulary`, in a buffer the view owns, for the runs
    /// (`Run.types`), which read it at nearly every step and test: a pointer, as the array's
    /// bounds checks cost more than the reads. Freed with the view.
    let typeOf: UnsafePointer<Int32>
    /// How many distinct types the note has.
    let typeCount: Int
    /// Per token, its features' `classBit | dimensionBits`: what the scan reads of a token whose
    /// type starts nothing (`TypeWays.nextBusy`), most tokens of every stage. Eight bytes a
    /// token where the features are thirty-two: the scan crossed a cache line every other token.
    /// A class bit may equal a dimension bit; that only stops the scan at a token for nothing.
    let marks: UnsafeMutablePointer<UInt64>
    public private(set) var items: [Item] = []
    /// The items starting at token t: `firstItem[t]`, then `nextItem[i]` until −1 (in the order added).
    private(set) var firstItem: [Int32]
    private(set) var nextItem: [Int32] = []
    private var lastItem: [Int32]
    /// Each item's end token, `TokenKeys.bit` of its dimension and the dimension's number in
    /// `dimensions` (compared exactly where the bit may be shared).
    private var itemEnd: [Int32] = []
    private var itemBit: [UInt64] = []
    private var itemDimension: [Int32] = []
    private var dimensions: [String] = []
    /// How `GrammarStage` cuts the sentences into runs for the cores: the same for every stage
    /// of the document, so worked out by the first (set and read between matching, never during).
    var sentenceGroups: [Range<Int>]?

    /// The item lists as plain arrays, to hand to a matching loop once per sentence (reading
    /// the view's properties at every token would pay access checks and reference counts).
    struct ItemLinks {
        var first: [Int32]
        var next: [Int32]
        var end: [Int32]
        var bit: [UInt64]
        var dimension: [Int32]
    }

    var itemLinks: ItemLinks { ItemLinks(first: firstItem, next: nextItem, end: itemEnd, bit: itemBit, dimension: itemDimension) }

    /// The number `ItemLinks.dimension` gives items of this dimension (−1 if there are none).
    func dimensionNumber(_ name: String) -> Int32 { dimensions.firstIndex(of: name).map(Int32.init) ?? -1 }

    /// A view whose types are numbered in a vocabulary of the note's own (a text explained alone).
    public convenience init(text: DocumentText, segments: SegmentedText, lexicon: Lexicon, referenceDate: String?) {
        self.init(text: text, segments: segments, lexicon: lexicon, referenceDate: referenceDate, vocabulary: nil)
    }

    /// `vocabulary`: the grammar's, which the note's types are numbered in (nil: a vocabulary of
    /// the note's own, as for a text explained alone).
    init(text: DocumentText, segments: SegmentedText, lexicon: Lexicon, referenceDate: String?, vocabulary shared: SharedVocabulary?) {
        self.text = text
        tokens = segments.tokens
        sentences = segments.sentences
        self.lexicon = lexicon
        self.referenceDate = referenceDate
        let types: TokenTypes
        (features, types) = Self.features(segments.tokens, units: text.utf16, lexicon: lexicon)
        let features = self.features
        let typeNumbers: [Int32]
        (vocabulary, typeNumbers) = text.utf16.withUnsafeBufferPointer { units in
            segments.tokens.withUnsafeBufferPointer { tokens in
                shared?.number(types.firstToken, tokens: tokens, units: units, features: features)
                    ?? TokenVocabulary.alone(types.firstToken, tokens: tokens, units: units, features: features, quiet: nil)
            }
        }
        let typeOf = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, types.types.count))
        typeNumbers.withUnsafeBufferPointer { numbers in
            for (t, type) in types.types.enumerated() { (typeOf + t).initialize(to: numbers[Int(type)]) }
        }
        self.typeOf = UnsafePointer(typeOf)
        typeCount = types.count
        marks = .allocate(capacity: max(1, tokens.count))
        for t in 0..<tokens.count { (marks + t).initialize(to: features[t].classBit | features[t].dimensionBits) }
        firstItem = [Int32](repeating: -1, count: tokens.count)
        lastItem = firstItem
    }

    deinit {
        typeOf.deallocate()
        marks.deallocate()
        features.deinitialize(count: tokens.count)
        features.deallocate()
    }

    /// Each token's features and type. A long document is cut into runs of tokens done on the
    /// cores at once (the first grammar stage waits for this alone), their types joined after.
    static func features(_ tokens: [Token], units: [UInt16], lexicon: Lexicon) -> (UnsafeMutablePointer<TokenFeatures>, TokenTypes) {
        let n = tokens.count
        let pieces = n >= GrammarStage.parallelThreshold ? Parallel.cores : 1
        let ranges = (0..<pieces).map { n * $0 / pieces ..< n * ($0 + 1) / pieces }
        var types = [Int32](repeating: 0, count: n)
        var tables: [TokenTypeTable] = []
        let features = UnsafeMutablePointer<TokenFeatures>.allocate(capacity: max(1, n))
        types.withUnsafeMutableBufferPointer { typesOut in
            let output = Output(features: features, types: typesOut.baseAddress)
            tables = try! Parallel.map(pieces) { p in   // the body throws nothing
                units.withUnsafeBufferPointer { units in
                    tokens.withUnsafeBufferPointer { tokens in
                        fill(output, ranges[p], tokens: tokens, units: units, lexicon: lexicon, capacity: p == 0 ? n : ranges[p].count)
                    }
                }
            }
        }
        let joined = units.withUnsafeBufferPointer { units in
            tokens.withUnsafeBufferPointer { tokens in
                TokenTypes.join(&types, tables: &tables, ranges: ranges, tokens: tokens, units: units, hashes: { features[$0].hash })
            }
        }
        return (features, joined)
    }

    /// Where the cores write features and types, each its own run of tokens.
    private struct Output: @unchecked Sendable {
        let features: UnsafeMutablePointer<TokenFeatures>?
        let types: UnsafeMutablePointer<Int32>?
    }

    /// Fills in the tokens of `range` and returns their types' table (numbered within the run).
    private static func fill(_ output: Output, _ range: Range<Int>, tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>,
                             lexicon: Lexicon, capacity: Int) -> TokenTypeTable {
        var table = TokenTypeTable(capacity: capacity)
        guard let out = output.features, let types = output.types else { return table }
        // Each lexicon entry's class bit, worked out on first use (0: not yet).
        var classBits = [UInt64](repeating: 0, count: lexicon.entries.count)
        for i in range {
            let token = tokens[i]
            var classBit: UInt64 = 0
            if token.lexiconEntry >= 0 {
                classBit = classBits[Int(token.lexiconEntry)]
                if classBit == 0 {
                    classBit = TokenKeys.bit(lexicon.entries[Int(token.lexiconEntry)].lexiconClass)
                    classBits[Int(token.lexiconEntry)] = classBit
                }
            }
            let start = Int(token.start), end = Int(token.end)
            let hash = TokenKeys.hash(units, start..<end)
            (out + i).initialize(to: TokenFeatures(hash: hash, classBit: classBit, firstUnit: units[start], kind: token.kind, script: token.script))
            types[i] = table.type(of: i, hash: hash, tokens: tokens, units: units)
        }
        return table
    }

    public func add(_ newItems: some Collection<Item>) {
        // Nothing new leaves the items shared with `DocumentWork.items` (appending none would copy).
        guard !newItems.isEmpty else { return }
        var items = self.items
        self.items = []
        let start = items.count
        items.append(contentsOf: newItems)
        self.items = items
        link(items, from: start)
    }

    /// Appends the lists' items to `all`, the document's items, and adds them. Where the view's
    /// items are `all` itself (this method left them so for the previous stage), the two share
    /// one buffer instead of the view keeping a copy: copying an item pays reference counts of
    /// its strings and value.
    func add(_ lists: [[Item]], to all: inout [Item]) {
        let shared = all.count == items.count && (items.isEmpty
            || all.withUnsafeBufferPointer { a in items.withUnsafeBufferPointer { $0.baseAddress == a.baseAddress } })
        guard shared else {
            let start = all.count
            for list in lists { all += list }
            add(all[start...])
            return
        }
        items = []   // so that `all` is not shared while it grows
        let start = all.count
        if lists.count == 1 && start == 0 { all = lists[0] } else { for list in lists { all += list } }
        items = all
        link(all, from: start)
    }

    /// Links `items[start...]` (the view's own items from `start` on) into the lists by first token.
    private func link(_ items: [Item], from start: Int) {
        guard start < items.count else { return }
        // The lists move into locals and back: appending to the class's own arrays would pay
        // an exclusivity check per array and item. They grow once, by the new items, and are
        // filled over buffers: an append or a store per item and list paid a uniqueness check.
        var next = nextItem, first = firstItem, last = lastItem
        var ends = itemEnd, bits = itemBit, numbers = itemDimension
        nextItem = []; firstItem = []; lastItem = []
        itemEnd = []; itemBit = []; itemDimension = []
        let added = items.count - start
        next.append(contentsOf: repeatElement(-1, count: added))
        ends.append(contentsOf: repeatElement(0, count: added))
        bits.append(contentsOf: repeatElement(0, count: added))
        numbers.append(contentsOf: repeatElement(0, count: added))
        var lastDimension = "", lastBit: UInt64 = 0, lastNumber: Int32 = -1
        items.withUnsafeBufferPointer { items in
            bits.withUnsafeMutableBufferPointer { bits in
                numbers.withUnsafeMutableBufferPointer { numbers in
                    for i in start..<items.count {
                        if items[i].dimension != lastDimension || lastNumber < 0 {
                            let dimension = items[i].dimension
                            lastDimension = dimension
                            lastBit = TokenKeys.bit(dimension)
                            lastNumber = dimensionNumber(dimension)
                            if lastNumber < 0 { lastNumber = Int32(dimensions.count); dimensions.append(dimension) }
                        }
                        bits[i] = lastBit
                        numbers[i] = lastNumber
                    }
                }
            }
        }
        let features = self.features, marks = self.marks
        items.withUnsafeBufferPointer { items in
            next.withUnsafeMutableBufferPointer { next in
                first.withUnsafeMutableBufferPointer { first in
                    last.withUnsafeMutableBufferPointer { last in
                        ends.withUnsafeMutableBufferPointer { ends in
                            bits.withUnsafeBufferPointer { bits in
                                for i in start..<items.count {
                                    let t = Int(items[i].firstToken)
                                    if last[t] >= 0 { next[Int(last[t])] = Int32(i) } else { first[t] = Int32(i) }
                                    last[t] = Int32(i)
                                    features[t].dimensionBits |= bits[i]
                                    marks[t] |= bits[i]
                                    ends[i] = items[i].endToken
                                }
                            }
                        }
                    }
                }
            }
        }
        nextItem = next; firstItem = first; lastItem = last
        itemEnd = ends; itemBit = bits; itemDimension = numbers
    }

    func string(_ start: Int32, _ end: Int32) -> String { text.slice(Int(start)..<Int(end)) }

    func lexiconClass(_ t: Int) -> String? {
        let e = tokens[t].lexiconEntry
        return e >= 0 ? lexicon.entries[Int(e)].lexiconClass : nil
    }

    /// Whether token `t`'s text is `word` (folded if the word says so).
    func equal(_ t: Int, _ word: Check.Word) -> Bool {
        let token = tokens[t]
        guard Int(token.end - token.start) == word.units.count else { return false }
        let units = text.utf16
        var k = Int(token.start)
        for u in word.units {
            let v = units[k]
            if word.folded ? TokenKeys.fold(v) != TokenKeys.fold(u) : v != u { return false }
            k += 1
        }
        return true
    }

    /// Matches the folded literal from token `t` on; returns the token after the last one used.
    func literal<Units: RandomAccessCollection<UInt16>>(_ lit: Units, from t: Int, limit: Int) -> Int? where Units.Index == Int {
        // Over buffers: the arrays paid a bounds check per unit and token.
        text.utf16.withUnsafeBufferPointer { units in
            tokens.withUnsafeBufferPointer { tokens in
                var i = 0
                var k = t
                while k < limit {
                    let token = tokens[k]
                    if k > t, token.start > tokens[k - 1].end {
                        guard i < lit.count, lit[i] == 0x20 else { return nil }
                        i += 1
                    }
                    var u = Int(token.start)
                    while u < Int(token.end) {
                        guard i < lit.count, TokenKeys.fold(units[u]) == lit[i] else { return nil }
                        i += 1; u += 1
                    }
                    k += 1
                    if i == lit.count { return k }
                }
                return nil
            }
        }
    }
}
