import Dispatch
import Foundation

/// Runs independent pieces of one document's work on the machine's cores and collects their
/// results in order. The stages that use it (segmenting a long text, matching a stage's rules)
/// cut their input so that the pieces' results concatenate to the one-pass result.
public enum Parallel {
    /// The machine's active cores (at most 8).
    public static let machineCores = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// How many pieces the calling thread's work is worth cutting into: one per core, or 1 on a
    /// worker of a parallel section. Documents of a batch are spread over the cores whole
    /// (`BatchProcessor`), and a stage that would cut its document into pieces then runs them
    /// on its own worker: nested sections only added dispatch and cross-core traffic.
    public static var cores: Int { inWorker.isSet ? 1 : machineCores }

    /// Set on the threads running a section's pieces, while they run them.
    static let inWorker = ThreadFlag()

    /// Runs `body` marked as a worker of a parallel section, restoring the mark after: the
    /// calling thread takes part in `concurrentPerform`, and pool threads are reused.
    static func asWorker<T>(_ body: () throws -> T) rethrows -> T {
        let was = inWorker.isSet
        inWorker.set(true)
        defer { inWorker.set(was) }
        return try body()
    }

    /// `body(0) … body(count − 1)`, run concurrently, results in index order.
    public static func map<Value>(_ count: Int, _ body: @Sendable (Int) throws -> Value) throws -> [Value] {
        if count == 1 || cores == 1 { return try (0..<count).map(body) }
        let slots = Slots<Result<Value, Error>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.store(i, asWorker { Result { try body(i) } })
        }
        return try slots.results()
    }

    /// `body(&state, i)` for every i in 0..<count, results in index order. The pieces are handed
    /// out one at a time to up to `cores` workers as each finishes its last, so pieces of unequal
    /// cost even out (a fixed half each left one core idle while the other finished); each
    /// worker makes its own state once (`makeState`) and gives it to `done` at the end.
    public static func map<State, Value>(_ count: Int, state makeState: @Sendable () -> State, done: @Sendable (State) -> Void = { _ in },
                                         _ body: @Sendable (inout State, Int) throws -> Value) throws -> [Value] {
        let workers = min(cores, count)
        if workers <= 1 {
            var state = makeState()
            defer { done(state) }
            return try (0..<count).map { try body(&state, $0) }
        }
        let slots = Slots<Result<Value, Error>>(count: count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            asWorker {
                var state = makeState()
                while let i = next.take(below: count) { slots.store(i, Result { try body(&state, i) }) }
                done(state)
            }
        }
        return try slots.results()
    }

    /// The next piece to hand out.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    /// One slot per iteration, each written by exactly one iteration and read only after
    /// `concurrentPerform` has returned, which orders the accesses. Slots live in separate
    /// allocation so no array copy-on-write is shared between threads.
    fileprivate final class Slots<Value>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Value?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            _ = slots.deinitialize()
            slots.deallocate()
        }

        func store(_ i: Int, _ value: Value) { slots[i] = value }

        var values: [Value?] { Array(slots) }
    }
}

extension Parallel.Slots {
    /// The values in order, or the first error. Every slot was written: concurrentPerform
    /// returns after its last iteration, and a worker takes pieces until none is left.
    func results<Success>() throws -> [Success] where Value == Result<Success, Error> {
        let all = values
        var out: [Success] = []
        out.reserveCapacity(all.count)
        for r in all {
            switch r {
            case let .success(v): out.append(v)
            case let .failure(e): throw e
            case .none: preconditionFailure("a piece of parallel work did not run")
            }
        }
        return out
    }
}
