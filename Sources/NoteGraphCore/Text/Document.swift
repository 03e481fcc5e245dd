/// A note after reading and normalisation: the unit the store keeps, with one transaction each.
public struct Document: Sendable {
    public var id: String
    public var path: String
    public var sha256: String
    public var format: RawNote.Format
    public var encoding: String
    public var title: String?
    public var language: Language
    /// The note's own date (ISO `YYYY-MM-DD`), if it states one.
    public var date: NoteDate?
    public var text: DocumentText
    public var sourceMap: SourceMap
    /// `<time datetime>` values kept for the date and event stages (stored-text UTF-16 offsets).
    public var times: [(datetime: String, offset: Int32)]
    public var warnings: [String]

    public init(id: String, path: String, sha256: String, format: RawNote.Format, encoding: String,
                title: String?, language: Language, date: NoteDate?, text: DocumentText,
                sourceMap: SourceMap, times: [(datetime: String, offset: Int32)] = [], warnings: [String] = []) {
        self.id = id
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.encoding = encoding
        self.title = title
        self.language = language
        self.date = date
        self.text = text
        self.sourceMap = sourceMap
        self.times = times
        self.warnings = warnings
    }
}

/// The date a note states for itself, and where that came from (so a wrong one can be traced).
public struct NoteDate: Sendable, Equatable {
    /// ISO 8601 calendar date, `YYYY-MM-DD`.
    public var iso: String
    /// "html-meta:article:published_time", "dateline:note-date", …
    public var origin: String

    public init(iso: String, origin: String) {
        self.iso = iso
        self.origin = origin
    }
}
