/// What one stage's matcher has learnt of the types of a vocabulary (`TokenVocabulary`), by
/// type number: the answers of its tests, step filters and follow tables (`Run`), the ways each
/// type can start (`TypeWays`) and the requirement bits it meets (`TypeRequirements`). Kept by
/// a `RunMemory` from one note to the next, so a type is worked out once per stage and core in
/// all the notes of a vocabulary, where it used to be once per note: rows are learnt as the
/// notes ask them and only ever added to (a type's answers read its text alone, never the note).
///
/// The buffers are sized for the whole vocabulary up front but left unset (the system maps
/// their pages as they are first written); the rows of types the vocabulary gained since the
/// last note are set up in `catchUp`.
final class TypeMemory {
    let vocabulary: TokenVocabulary
    private let arena = FilterArena()
    /// Types `0 ..< known` have their rows set up.
    private(set) var known = 0
    let byType: BitMemo
    let filtered: BitMemo
    let follows: BitMemo
    /// Given to the scratch while it matches and taken back after (its pool grows as it learns).
    var typeWays: TypeWays
    /// Per type: its requirement bits (0: not worked out).
    let requirements: UnsafeMutablePointer<UInt64>

    init(vocabulary: TokenVocabulary, checks: CheckTable, code: StageCode, ways: Int) {
        self.vocabulary = vocabulary
        let rows = vocabulary.capacity
        byType = BitMemo(rows: rows, columns: checks.typeColumns, arena: arena)
        filtered = BitMemo(rows: rows, columns: code.filters.count, arena: arena)
        follows = BitMemo(rows: rows, columns: ways, arena: arena)
        typeWays = TypeWays(types: rows)
        requirements = arena.uninitialized(max(1, rows), of: UInt64.self)
    }

    /// Sets up the rows of the types the vocabulary gained since the last call: nothing known of
    /// them, and those that no way of this stage is proposed to (`quiet`: the grammar's index
    /// of its stages' first keys, and this stage's bit there) marked as starting none.
    func catchUp(quiet: (index: QuietIndex, bit: UInt32)?) {
        let from = known
        known = vocabulary.types(from: from) { features, stages in
            let n = features.count
            (requirements + from).initialize(repeating: 0, count: n)
            byType.add(from..<(from + n))
            filtered.add(from..<(from + n))
            follows.add(from..<(from + n))
            guard let quiet else { typeWays.add(from..<(from + n), stages: nil, bit: 0); return }
            if let stages, quiet.index === vocabulary.quiet {
                typeWays.add(from..<(from + n), stages: stages, bit: quiet.bit)
                return
            }
            // Not the vocabulary's index (a vocabulary of a text explained alone): asked here.
            let own = UnsafeMutablePointer<UInt32>.allocate(capacity: n)
            defer { own.deallocate() }
            quiet.index.stages(own, types: n, features: features.baseAddress!)
            typeWays.add(from..<(from + n), stages: own, bit: quiet.bit)
        }
    }
}
