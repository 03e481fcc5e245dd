import Foundation
import NoteGraphCore

/// The token types (`TokenTypes`: text, kind and script) of every note a grammar has read,
/// numbered once for all of them. What the matcher learns of a type (its tests, step filters,
/// follow tables, ways in, requirement bits: `TypeMemory`) holds for the type wherever it
/// occurs, so it is kept per vocabulary number and learnt once, not again in every note: notes
/// of one field share most of their words ("the", "%", "亿", the companies), and learning them
/// again per note was a fifth of the grammar stages' work. The same design as a vocabulary of
/// lexemes whose attributes are computed once (spaCy's `Vocab`).
///
/// Notes are numbered into it on both cores at once, so every member is read and written under
/// its lock: a note takes it once, for all of its types (`number`), and each stage's memory once
/// per note, for the types it has not seen (`types(from:)`). It holds at most `capacity`
/// types, so that the memories (a few hundred bytes a type and stage) stay bounded; a full one
/// is replaced by a new one (`SharedVocabulary`), and memories of the old one start afresh.
final class TokenVocabulary: @unchecked Sendable {
    let capacity: Int
    private let lock = NSLock()
    /// Slot → type + 1 (0: empty), by the types' hashes (open addressing).
    private var slots: [Int32]
    private let mask: Int
    /// Per type: its features (`classBit` and `dimensionBits` 0: those belong to a token) and
    /// where its text starts in `units` (`textStart[type + 1]` is where it ends).
    private var features: [TokenFeatures] = []
    private var textStart: [Int32] = [0]
    private var units: [UInt16] = []
    /// The grammar's index of its stages' first keys, and per type the stages it says may
    /// propose at it: worked out once as the type is added, for every stage's memory to read.
    let quiet: QuietIndex?
    private var stages: [UInt32] = []

    /// The size of a vocabulary shared by notes: 32,768 distinct token texts, which some
    /// hundreds of notes of one field take to fill (the 13 notes of the corpus and fixtures hold
    /// 6,712). Each stage's memory takes 100–400 bytes a type it has asked (1.3 KB for all seven
    /// stages, per core), so at most some 85 MB on two cores.
    static let sharedCapacity = 1 << 15

    init(capacity: Int = TokenVocabulary.sharedCapacity, quiet: QuietIndex? = nil) {
        self.capacity = max(1, capacity)
        self.quiet = quiet
        var size = 16
        while size < self.capacity * 2 { size *= 2 }
        mask = size - 1
        slots = [Int32](repeating: 0, count: size)
    }

    var count: Int { lock.withLock { features.count } }

    /// A note's types numbered in a vocabulary of their own (just big enough): for a note
    /// read alone, or one with more types than a shared vocabulary holds.
    static func alone(_ firstTokens: [Int32], tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>,
                      features: UnsafePointer<TokenFeatures>, quiet: QuietIndex?) -> (TokenVocabulary, [Int32]) {
        let own = TokenVocabulary(capacity: firstTokens.count, quiet: quiet)
        return (own, own.number(firstTokens, tokens: tokens, units: units, features: features)!)   // room for all
    }

    /// The vocabulary numbers of a note's types (`firstTokens[type]`: the first token of each),
    /// new ones added; nil (and nothing added) unless there is room for all of them as if all
    /// were new (so a nearly full vocabulary is replaced a note early, never mid-note).
    func number(_ firstTokens: [Int32], tokens: UnsafeBufferPointer<Token>, units text: UnsafeBufferPointer<UInt16>,
                features tokenFeatures: UnsafePointer<TokenFeatures>) -> [Int32]? {
        lock.lock()
        defer { lock.unlock() }
        guard features.count + firstTokens.count <= capacity else { return nil }
        var numbers = [Int32](repeating: 0, count: firstTokens.count)
        // The tables move into locals and back: the class's own arrays paid an exclusivity
        // check at every read and append.
        var slots = self.slots, features = self.features, textStart = self.textStart, units = self.units
        self.slots = []; self.features = []; self.textStart = []; self.units = []
        let before = features.count
        slots.withUnsafeMutableBufferPointer { slots in
            for (local, first) in firstTokens.enumerated() {
                let t = Int(first)
                let f = tokenFeatures[t], token = tokens[t]
                let start = Int(token.start), length = Int(token.end - token.start)
                var i = Int(truncatingIfNeeded: f.hash) & mask
                while true {
                    let s = Int(slots[i])
                    if s == 0 {
                        features.append(TokenFeatures(hash: f.hash, classBit: 0, firstUnit: f.firstUnit, kind: f.kind, script: f.script))
                        units.append(contentsOf: text[start..<(start + length)])
                        textStart.append(Int32(units.count))
                        slots[i] = Int32(features.count)
                        numbers[local] = Int32(features.count - 1)
                        break
                    }
                    let g = features[s - 1], from = Int(textStart[s - 1])
                    if g.hash == f.hash, Int(textStart[s]) - from == length, g.kind == f.kind, g.script == f.script,
                       units.withUnsafeBufferPointer({ units in (0..<length).allSatisfy { units[from + $0] == text[start + $0] } }) {
                        numbers[local] = Int32(s - 1)
                        break
                    }
                    i = (i + 1) & mask
                }
            }
        }
        if let quiet, features.count > before {
            var stages = self.stages
            self.stages = []
            stages.append(contentsOf: repeatElement(0, count: features.count - before))
            features.withUnsafeBufferPointer { features in
                stages.withUnsafeMutableBufferPointer {
                    quiet.stages($0.baseAddress! + before, types: features.count - before, features: features.baseAddress! + before)
                }
            }
            self.stages = stages
        }
        self.slots = slots; self.features = features; self.textStart = textStart; self.units = units
        return numbers
    }

    /// Calls `body` with the features of types `from ..< count`, and their stages by `quiet` if
    /// it has an index (under the lock: another note may be adding types meanwhile); returns
    /// `count`.
    func types(from: Int, _ body: (UnsafeBufferPointer<TokenFeatures>, UnsafePointer<UInt32>?) -> Void) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let count = features.count
        guard from < count else { return count }
        features.withUnsafeBufferPointer { features in
            stages.withUnsafeBufferPointer { stages in
                body(UnsafeBufferPointer(rebasing: features[from..<count]), quiet == nil ? nil : stages.baseAddress! + from)
            }
        }
        return count
    }
}
