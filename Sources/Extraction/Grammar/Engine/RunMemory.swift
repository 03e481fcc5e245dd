import Foundation

/// A run's memo and capture buffers (`Run`), kept by the stage's matcher between documents and
/// handed to the next scratch: a new scratch per document, stage and core used to allocate and
/// clear them again, growing through every size on the way (some 2.6 M instructions of
/// memcpy for the five notes of the corpus). A memo keeps its stamps valid across runs, as the
/// run's generation goes on counting where the last one stopped.
final class RunMemory: @unchecked Sendable {
    /// Owns every buffer below (outgrown ones too: they only ever double).
    let arena = FilterArena()
    var capacity = 0
    /// How many stamps hold generations (`Run.cleared`).
    var cleared = 0
    var generation: UInt32 = 0
    var stamp: UnsafeMutablePointer<UInt32>
    var memo: UnsafeMutablePointer<Int32>
    var slotCapacity = 0
    var slots: UnsafeMutablePointer<Int>
    var usedCapacity = 0
    var usedItems: UnsafeMutablePointer<(token: Int32, item: Int32)>
    /// What the stage learnt of the types of the vocabulary of the last note matched with this
    /// memory: kept while the notes share that vocabulary, started afresh when one does not.
    var types: TypeMemory?

    private init() {
        stamp = arena.buffer(1, of: UInt32.self, initial: 0)
        memo = arena.uninitialized(1, of: Int32.self)
        slots = arena.uninitialized(1, of: Int.self)
        usedItems = arena.uninitialized(1, of: (token: Int32, item: Int32).self)
    }

    /// The spare memories of one stage: as many as scratches ever ran at once.
    final class Pool: @unchecked Sendable {
        private var spare: [RunMemory] = []
        private let lock = NSLock()

        func take() -> RunMemory {
            lock.lock()
            defer { lock.unlock() }
            return spare.popLast() ?? RunMemory()
        }

        func give(_ memory: RunMemory) {
            lock.lock()
            spare.append(memory)
            lock.unlock()
        }
    }
}
