import NoteGraphCore

/// The pipe tables of a document — Markdown tables as written, and HTML tables, which the HTML
/// reader writes in the same form (`| a | b |`, one row per line) — as cells with their UTF-16
/// bounds. A figure in a table cell takes its period and metric from its column's header and
/// its row's first cell (`| HBM | $38B |` under `| Market | 2025 |`): the sentence around it is a
/// table row, where the nearest date is usually another column's.
struct TableGrid {
    struct Table {
        /// The header row's cells, then the body rows' (separator rows `|---|` left out).
        var header: [Range<Int32>]
        var rows: [[Range<Int32>]]
    }

    /// Where a figure sits: its table's header cell over its column (if the header has one
    /// there) and its row's first cell (nil when the figure is in that cell).
    struct Place {
        var cell: Range<Int32>
        var columnHeader: Range<Int32>?
        var rowHeader: Range<Int32>?
    }

    private(set) var tables: [Table] = []

    /// Finds runs of two or more lines that begin and end with `|` (after blanks).
    init(_ text: [UInt16]) {
        var current: Table?
        var lineStart = 0
        for i in 0...text.count where i == text.count || text[i] == 0x0A {
            if let cells = Self.cells(text, lineStart..<i) {
                if current == nil { current = Table(header: cells, rows: []) } else if !Self.isSeparator(text, cells) { current!.rows.append(cells) }
            } else if let t = current {
                if !t.rows.isEmpty { tables.append(t) }
                current = nil
            }
            lineStart = i + 1
        }
        if let t = current, !t.rows.isEmpty { tables.append(t) }
    }

    /// The place of the UTF-16 offset `offset`, if it is in a body cell.
    func place(of offset: Int32) -> Place? {
        for t in tables {
            guard let first = t.rows.first?.first, let last = t.rows.last?.last,
                  first.lowerBound <= offset, offset < last.upperBound else { continue }
            for row in t.rows {
                guard let c = row.firstIndex(where: { $0.contains(offset) }) else { continue }
                return Place(cell: row[c], columnHeader: c < t.header.count ? t.header[c] : nil, rowHeader: c > 0 ? row[0] : nil)
            }
        }
        return nil
    }

    /// The cells of a line `| a | b |` (bounds of each cell's text between the pipes, blanks
    /// trimmed), or nil when the line is not a table row.
    static func cells(_ text: [UInt16], _ line: Range<Int>) -> [Range<Int32>]? {
        var a = line.lowerBound, b = line.upperBound
        while a < b, isBlank(text[a]) { a += 1 }
        while b > a, isBlank(text[b - 1]) { b -= 1 }
        guard b - a >= 3, text[a] == pipe, text[b - 1] == pipe else { return nil }
        var cells: [Range<Int32>] = []
        var start = a + 1
        for i in (a + 1)..<b where text[i] == pipe {
            var s = start, e = i
            while s < e, isBlank(text[s]) { s += 1 }
            while e > s, isBlank(text[e - 1]) { e -= 1 }
            cells.append(Int32(s)..<Int32(e))
            start = i + 1
        }
        return cells.isEmpty ? nil : cells
    }

    /// `|---|:--:|`: cells of dashes and colons only.
    static func isSeparator(_ text: [UInt16], _ cells: [Range<Int32>]) -> Bool {
        cells.allSatisfy { c in !c.isEmpty && c.allSatisfy { text[Int($0)] == 0x2D || text[Int($0)] == 0x3A } }
    }

    static let pipe: UInt16 = 0x7C
    static func isBlank(_ u: UInt16) -> Bool { u == 0x20 || u == 0x09 || u == 0x0D || u == 0x3000 }
}
