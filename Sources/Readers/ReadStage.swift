import NoteGraphCore

/// Stage `read`: bytes → `RawNote`, choosing the reader by file type (HTML by extension or by
/// content that starts like markup; everything else as text or Markdown).
public struct ReadStage: Stage {
    public let name = "read"
    public let requires: [Artifact] = []
    public let provides: [Artifact] = [.rawNote]
    public let options: ReaderOptions

    public init(options: ReaderOptions = ReaderOptions()) { self.options = options }

    public func run(_ work: inout DocumentWork) throws {
        if work.bytes.count > options.maxBytes {
            throw InputError(path: work.path, "file is \(Self.size(work.bytes.count)), over the \(Self.size(options.maxBytes)) limit (read stage, options.maxBytes)")
        }
        switch Self.format(of: work.path, bytes: work.bytes) {
        case .html: work.raw = try HTMLReader(options: options).read(work.bytes, path: work.path)
        case let format: work.raw = try TextReader(options: options).read(work.bytes, path: work.path, format: format)
        }
    }

    static func size(_ n: Int) -> String {
        n >= 1 << 20 ? String(format: "%.1f MB", Double(n) / 1_048_576) : "\(n) bytes"
    }

    public static func format(of path: String, bytes: [UInt8]) -> RawNote.Format {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml") { return .html }
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .markdown }
        return .text
    }
}
