import NoteGraphCore

/// Reads plain-text and Markdown notes: decodes the bytes and records where each line starts,
/// so any offset can be shown as line:column of the file. The text itself is kept as written
/// (Markdown tables and headings included); normalisation comes after.
public struct TextReader: Sendable {
    public var detector: EncodingDetector

    public init(options: ReaderOptions = ReaderOptions()) { detector = EncodingDetector(options: options) }

    public func read(_ bytes: [UInt8], path: String, format: RawNote.Format) throws -> RawNote {
        let decoded = try detector.decode(bytes, path: path)
        var anchors = [SourceMap.Anchor(offset: 0, line: 1, column: 1)]
        var line: Int32 = 1
        let units = decoded.utf16
        for i in 0..<units.count where units[i] == 0x0A || (units[i] == 0x0D && (i + 1 == units.count || units[i + 1] != 0x0A)) {
            line += 1
            anchors.append(SourceMap.Anchor(offset: Int32(i + 1), line: line, column: 1))
        }
        return RawNote(format: format, text: units, anchors: anchors, encoding: decoded.encoding)
    }
}
