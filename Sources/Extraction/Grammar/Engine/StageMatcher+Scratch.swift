import NoteGraphCore

extension StageMatcher {
    /// One core's working memory for a document's sentences, reused across its sentences and runs
    /// (no allocation per sentence).
    public final class Scratch {
        /// Per way: the token it was last proposed at (so a token lists it once).
        let proposed: UnsafeMutablePointer<Int>
        /// The ways proposed at the current token: a buffer as long as the stage has ways (each
        /// is listed once per token), refilled at every token without array bookkeeping.
        let list: UnsafeMutablePointer<Int32>
        private let listArena = FilterArena()
        /// The rules to run at the current token, one bit each.
        let mask: UnsafeMutablePointer<UInt64>
        var candidates: [Candidate] = []
        /// Per token type, the ways its tokens can start (`TypeMemory.typeWays`, handed back when
        /// the scratch is done). Optional so that `match` can move it out and back.
        var typeWays: TypeWays?
        /// Per token type: the requirement bits it meets (`TypeRequirements`; 0: not worked out),
        /// the memory's (`TypeMemory.requirements`). A buffer: an array was moved out of the
        /// scratch and back at every call, and paid a uniqueness check at every sentence that
        /// asked it.
        let typeRequirements: UnsafeMutablePointer<UInt64>
        /// Matches whose action gave no value, with its reason: filled only by a `match` that
        /// keeps candidates (`grammar explain`), read by the caller after it.
        public var refused: [Refused] = []
        /// Held by address: `match` works on it in place. Moved out into a local and back, its
        /// 500 bytes were copied several times per sentence.
        let run: UnsafeMutablePointer<Run>
        /// Per-rule counts when profiling (`RuleProfile`), nil otherwise.
        var profile: [RuleProfile.Row]?
        var profiledSentences = 0
        var profiledScan = RuleProfile.Scan()
        var profiledNanoseconds: UInt64 = 0
        /// Where `run`'s memory goes back when the scratch is done.
        private let memories: RunMemory.Pool
        init(view: DocumentView, ways: WayTable, checks: CheckTable, code: StageCode, tokens: Range<Int>, memories: RunMemory.Pool,
             quiet: (index: QuietIndex, bit: UInt32)?) {
            self.memories = memories
            proposed = listArena.buffer(max(1, ways.ways.count), of: Int.self, initial: -1)
            list = listArena.buffer(max(1, ways.ways.count), of: Int32.self, initial: 0)
            mask = listArena.buffer(ways.words, of: UInt64.self, initial: 0)
            // What the stage learnt of the types of the note's vocabulary, brought up to its types.
            let memory = memories.take()
            if memory.types?.vocabulary !== view.vocabulary {
                memory.types = TypeMemory(vocabulary: view.vocabulary, checks: checks, code: code, ways: ways.ways.count)
            }
            let types = memory.types!
            types.catchUp(quiet: quiet)
            typeWays = types.typeWays
            typeRequirements = types.requirements
            run = .allocate(capacity: 1)
            run.initialize(to: Run(view: view, checks: checks, code: code, tokens: tokens, memory: memory, types: types))
        }

        deinit {
            run.pointee.keep()
            if let typeWays { run.pointee.memory.types?.typeWays = typeWays }
            memories.give(run.pointee.memory)
            run.deinitialize(count: 1)
            run.deallocate()
        }
    }
}
