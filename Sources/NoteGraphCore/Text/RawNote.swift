/// What a reader makes of a file: its text before normalisation, with what the file says about
/// itself (title, language, date) and where each part came from.
public struct RawNote: Sendable {
    public enum Format: String, Sendable { case text, markdown, html }

    public var format: Format
    /// Decoded text as UTF-16; for HTML the visible text, one block per line.
    public var text: [UInt16]
    /// Reader-text offsets → source line and column (see `SourceMap.Anchor`).
    public var anchors: [SourceMap.Anchor]
    /// The charset the bytes were decoded from ("UTF-8", "UTF-16LE", "GB18030", …).
    public var encoding: String
    public var title: String?
    /// `<html lang>` or similar declaration, as written.
    public var declaredLanguage: String?
    /// Dates the file states in its metadata (HTML meta tags), ISO as written.
    public var metaDates: [String]
    /// `<time datetime>` values with the reader-text offset of the element's text.
    public var times: [(datetime: String, offset: Int32)]
    public var warnings: [String]

    public init(format: Format, text: [UInt16], anchors: [SourceMap.Anchor], encoding: String,
                title: String? = nil, declaredLanguage: String? = nil, metaDates: [String] = [],
                times: [(datetime: String, offset: Int32)] = [], warnings: [String] = []) {
        self.format = format
        self.text = text
        self.anchors = anchors
        self.encoding = encoding
        self.title = title
        self.declaredLanguage = declaredLanguage
        self.metaDates = metaDates
        self.times = times
        self.warnings = warnings
    }
}
