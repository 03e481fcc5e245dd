import Foundation

/// What each rule of a stage cost on a run: how often the matcher started it, how often it
/// matched, and the time spent running it and its action. Filled only when a profile is asked
/// for (`notegraph grammar profile`), so that a rule that starts at nearly every token — as
/// "CEO Jensen Huang said" did when its first element was `shape:Xx` — is found by reading a
/// table rather than by taking rules out one at a time.
public final class RuleProfile: @unchecked Sendable {
    public struct Row: Sendable {
        public var starts = 0
        public var matches = 0
        /// Steps of the rule's program the matcher took (`Run.best` calls): its pattern's
        /// cost, whatever the machine's load, and apart from its action's.
        public var steps = 0
        public var nanoseconds: UInt64 = 0
    }

    /// What the scan of a stage did before any rule ran: tokens visited, tokens with a way in
    /// (after their type's failed tests: `TypeWays`), ways in asked there, and tokens where some
    /// rule was proposed. A stage whose tokens mostly have a way in but start no rule has first
    /// elements that are too loose.
    public struct Scan: Sendable {
        public var tokens = 0
        public var admitted = 0
        public var ways = 0
        public var proposing = 0
        /// Rules proposed but not started: the sentence lacks a word they need.
        public var skipped = 0
    }

    private let lock = NSLock()
    public private(set) var rows: [Row]
    /// Sentences scanned and time in `match` as a whole (proposing included).
    public private(set) var sentences = 0
    public private(set) var totalNanoseconds: UInt64 = 0
    public private(set) var scan = Scan()

    public init(rules: Int) { rows = [Row](repeating: Row(), count: rules) }

    /// Adds one scratch's counts (matching runs one scratch per core).
    func add(_ other: [Row], scan: Scan, sentences: Int, nanoseconds: UInt64) {
        lock.lock()
        defer { lock.unlock() }
        for (i, r) in other.enumerated() {
            rows[i].starts += r.starts
            rows[i].matches += r.matches
            rows[i].steps += r.steps
            rows[i].nanoseconds += r.nanoseconds
        }
        self.sentences += sentences
        self.scan.tokens += scan.tokens
        self.scan.admitted += scan.admitted
        self.scan.ways += scan.ways
        self.scan.proposing += scan.proposing
        self.scan.skipped += scan.skipped
        totalNanoseconds += nanoseconds
    }
}
