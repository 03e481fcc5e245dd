import NoteGraphCore

/// Stage `normalize`: `RawNote` → `Document`: normalised text with its offsets map, the title,
/// the note's own date, and a stable id from the file's bytes.
public struct NormalizeStage: Stage {
    public let name = "normalize"
    public let requires: [Artifact] = [.rawNote]
    public let provides: [Artifact] = [.document]
    let normalizer = TextNormalizer()
    let dates: NoteDateFinder

    public init(dates: NoteDateFinder = .builtIn) { self.dates = dates }

    public func run(_ work: inout DocumentWork) throws {
        guard let raw = work.raw else { throw InternalError(name, "no raw note: the read stage must run first") }
        let out = try normalizer.normalize(raw.text)
        if out.utf16.isEmpty {
            throw InputError(path: work.path, "no text: the file holds only whitespace, markup or invisible characters")
        }
        let text = DocumentText(utf16: out.utf16)
        let map = SourceMap(unitMap: out.map.dropLast(), anchors: raw.anchors)
        let title = raw.title.map(normalizer.normalize).flatMap { $0.isEmpty ? nil : $0 } ?? Self.firstLine(text)
        let times = raw.times.map { (datetime: $0.datetime, offset: Int32(Self.textOffset(ofSource: Int($0.offset), map: out.map))) }
        work.document = Document(
            id: StableID.document(sha256: work.sha256), path: work.path, sha256: work.sha256, format: raw.format,
            encoding: raw.encoding, title: title, language: .none,
            date: dates.find(metaDates: raw.metaDates, text: text),
            text: text, sourceMap: map, times: times, warnings: raw.warnings)
    }

    /// The first non-empty line, without Markdown heading marks, as the title of a text note.
    static func firstLine(_ text: DocumentText) -> String? {
        for line in text.firstLines(5) {
            var s = Substring(line)
            while s.first == "#" || s.first == " " { s = s.dropFirst() }
            if !s.isEmpty { return String(s.prefix(200)) }
        }
        return nil
    }

    /// First output offset whose source offset is at or after `source`.
    static func textOffset(ofSource source: Int, map: [Int32]) -> Int {
        var lo = 0, hi = map.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(map[mid]) < source { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
