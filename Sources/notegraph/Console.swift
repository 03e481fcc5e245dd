import Foundation

/// Where messages go: results on standard output, progress and diagnostics on standard error,
/// a progress bar only when standard error is a terminal.
enum Console {
    static let isTerminal = isatty(STDERR_FILENO) == 1

    static func error(_ message: String) { write("error: " + message) }
    static func warning(_ message: String) { write("warning: " + message) }

    static func write(_ line: String) {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func progress(_ done: Int, _ total: Int, _ label: String) {
        guard isTerminal, total > 0 else { return }
        let width = 28
        let filled = width * done / total
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        let name = label.count > 40 ? "…" + label.suffix(39) : label
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(name)".utf8))
    }

    static func endProgress() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
