import NoteGraphCore

/// How many files `ingest` and `bench` process at once (`DocumentProcessor.process(batch:)`).
/// Enough files that a long one on one core is evened out by short ones on the others, few
/// enough that their work (text, tokens, the grammar view: some tens of bytes per input byte)
/// stays small beside a whole folder. Each stage waits for its slowest core at the end of a
/// window: with 8 files a core, the cores were busy 95.5 % of the grammar stages' wall time on
/// the corpus ×30, with 16 about 97 % (thread CPU time against wall time, measured).
public struct BatchWindow {
    public static let maxFiles = 16 * Parallel.machineCores
    public static let maxBytes = 4 << 20

    public private(set) var files = 0
    public private(set) var bytes = 0

    public init() {}

    public mutating func add(bytes count: Int) {
        files += 1
        bytes += count
    }

    /// Whether the window should be processed before another file joins it.
    public var isFull: Bool { files >= Self.maxFiles || bytes >= Self.maxBytes }

    public mutating func clear() { self = BatchWindow() }
}
