import Foundation
import NoteGraphCore

/// The vocabulary the notes a grammar reads are numbered in (`TokenVocabulary`), one for all
/// its stages: replaced by a new one when full, so that the matcher's memories stay bounded
/// however many notes a batch holds. A note's types are all numbered in one vocabulary, which
/// its view keeps: one too big for a shared vocabulary gets one of its own.
final class SharedVocabulary: @unchecked Sendable {
    private let lock = NSLock()
    private var current: TokenVocabulary
    private let capacity: Int
    /// The grammar's index of its stages' first keys, asked of each type as it is added.
    private let quiet: QuietIndex?

    init(capacity: Int = TokenVocabulary.sharedCapacity, quiet: QuietIndex? = nil) {
        self.capacity = capacity
        self.quiet = quiet
        current = TokenVocabulary(capacity: capacity, quiet: quiet)
    }

    /// A note's types (`firstTokens[type]`: the first token of each) numbered: the vocabulary
    /// and each type's number there.
    func number(_ firstTokens: [Int32], tokens: UnsafeBufferPointer<Token>, units: UnsafeBufferPointer<UInt16>,
                features: UnsafePointer<TokenFeatures>) -> (TokenVocabulary, [Int32]) {
        var vocabulary = lock.withLock { current }
        if let numbers = vocabulary.number(firstTokens, tokens: tokens, units: units, features: features) { return (vocabulary, numbers) }
        if firstTokens.count <= capacity {
            // Full: a new one for this note and the next ones (unless another note replaced it first).
            vocabulary = lock.withLock {
                if current === vocabulary { current = TokenVocabulary(capacity: capacity, quiet: quiet) }
                return current
            }
            if let numbers = vocabulary.number(firstTokens, tokens: tokens, units: units, features: features) { return (vocabulary, numbers) }
        }
        return TokenVocabulary.alone(firstTokens, tokens: tokens, units: units, features: features, quiet: quiet)
    }
}
