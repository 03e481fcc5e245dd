import NoteGraphCore

/// The `read` stage's options from pipeline.json, with their defaults.
public struct ReaderOptions: Sendable, Equatable {
    /// A charset declared for the files whose path matches a glob (`*` within a folder, `**` across).
    public struct DeclaredCharset: Sendable, Equatable {
        public var glob: String
        public var charset: String
        public init(glob: String, charset: String) { self.glob = glob; self.charset = charset }
    }

    /// Files larger than this are refused whole (a note is not 50 MB; a 50 MB file is an accident).
    public var maxBytes: Int = 32 << 20
    public var charsets: [DeclaredCharset] = []
    /// Confidence ICU's detector must reach before its guess is used (0–100).
    public var detectorConfidence: Int = 50
    public var html = HTMLLimits()

    public init() {}

    public static let validCharsets = ["UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "GBK", "GB2312", "Big5",
                                       "Big5-HKSCS", "Shift_JIS", "EUC-JP", "EUC-KR", "ISO-8859-1", "windows-1252"]

    /// Reads the options object of the `read` stage.
    public init(config: ConfigReader) throws {
        maxBytes = try config.int("maxBytes", default: maxBytes, range: 1...(1 << 30))
        detectorConfidence = try config.int("detectorConfidence", default: detectorConfidence, range: 1...100)
        for (i, item) in try config.objects("charsets").enumerated() {
            guard let glob = try item.string("path") else { throw config.fail("charsets[\(i)].path", "missing: a glob such as \"legacy/**/*.txt\"") }
            guard let charset = try item.string("charset", choices: Self.validCharsets) else {
                throw config.fail("charsets[\(i)].charset", "missing; valid choices: \(Self.validCharsets.joined(separator: ", "))")
            }
            try item.finish()
            charsets.append(DeclaredCharset(glob: glob, charset: charset))
        }
        html = try HTMLLimits(config: config.object("html"))
        try config.finish()
    }

    /// The charset declared for a path, if any glob matches it.
    public func declaredCharset(for path: String) -> DeclaredCharset? {
        charsets.first { Glob.matches($0.glob, path) }
    }
}

/// Bounds on what one HTML file may cost: depth and text as libxml2 enforces them, plus ours.
public struct HTMLLimits: Sendable, Equatable {
    /// Start tags nested deeper than this are dropped before parsing (their text is kept): libxml2
    /// stops parsing a page at 256 levels, so values above 250 act as 250.
    public var maxDepth: Int = 250
    /// Attributes kept per tag; the rest are dropped before parsing (libxml2's duplicate check
    /// is quadratic in the number of attributes of one tag).
    public var maxAttributes: Int = 256
    /// Wall-clock bound on parsing one file.
    public var timeoutSeconds: Double = 10

    public init() {}

    public init(config: ConfigReader) throws {
        maxDepth = try config.int("maxDepth", default: maxDepth, range: 8...4096)
        maxAttributes = try config.int("maxAttributes", default: maxAttributes, range: 1...65536)
        timeoutSeconds = try config.double("timeoutSeconds", default: timeoutSeconds, range: 0.1...600)
        try config.finish()
    }
}
