/// Pattern source that may span several lines, each character with its line and column, so the
/// parser can point at any character it rejects.
struct PatternText {
    var chars: [Character] = []
    var lines: [Int] = []
    var columns: [Int] = []

    init(_ s: String, line: Int, column: Int) {
        append(s, line: line, startColumn: column)
    }

    mutating func append(_ s: String, line: Int, startColumn: Int = 1) {
        if !chars.isEmpty { chars.append(" "); lines.append(line); columns.append(startColumn) }
        var col = startColumn
        for c in s {
            chars.append(c == "\t" ? " " : c)
            lines.append(line)
            columns.append(col)
            col += 1
        }
    }
}
