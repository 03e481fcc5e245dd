import NoteGraphCore

/// A token test as the matcher runs it. Words are compared through the folded hash the view
/// keeps for every token (one integer compare rejects nearly every token), a list of words
/// becomes one hash lookup, and composite tests refer to their parts by index in the stage's
/// `CheckTable`, so identical tests in different rules are one entry, tested once per token.
/// A composite's parts are in a buffer of the table's arena, not an array: binding an array in
/// a `switch` retained and released it at every test of an alternative.
enum Check: @unchecked Sendable {
    case any
    /// One word: the token's folded hash must be `hash`, then its text must equal `word`.
    case word(hash: UInt64, word: Word)
    /// Any of several words.
    case words(WordSet)
    case kind(TokenKind)
    case script(Script)
    case lexiconClass(String)
    case entry(String)
    /// The shape as written and its symbols (`TokenShape`).
    case shape(String, symbols: [UInt32])
    case chars(ClosedRange<Int>)
    case first(UnitSet)
    case all(UnitSet)
    case regex(RegexBox)
    case not(Int)
    case and(UnsafeBufferPointer<Int>)
    case or(UnsafeBufferPointer<Int>)

    /// A word test's text: UTF-16 units, compared exactly (`text:`) or ASCII-folded (`lower:`).
    struct Word: Sendable {
        var units: [UInt16]
        var folded: Bool
    }

    /// Words by hash; a class so a test costs one reference count.
    final class WordSet: Sendable {
        let index: HashIndex
        let lists: [[Word]]
        /// Owns the index's buffers.
        private let arena = FilterArena()

        init(_ words: [Word]) {
            var lists: [[Word]] = [], slot: [UInt64: Int] = [:]
            for w in words {
                let h = TokenKeys.hash(w.units[...])
                if let k = slot[h] { lists[k].append(w) } else { slot[h] = lists.count; lists.append([w]) }
            }
            index = HashIndex(slot.map { ($0.key, Int32($0.value)) }, arena: arena)
            self.lists = lists
        }

        var hashes: [UInt64] { lists.map { TokenKeys.hash($0[0].units[...]) } }
    }

    /// Worth remembering per token: anything dearer than one field compare.
    var isDear: Bool {
        switch self {
        case .any, .kind, .script, .first, .word: return false
        default: return true
        }
    }
}
