import GraphStore
import NoteGraphCore

/// How a mention is shown to a reader: where it is (`file:line[:column]`) and the sentence it
/// is in on one line. `show` and `review list` print mentions the same way, so a reviewer
/// finds a claim in its note exactly as `show` would point to it.
enum MentionText {
    typealias Item = (mention: Mention, documentPath: String, sentence: String, line: Int, column: Int)

    /// `path:line:column`, or `path:line` when the column is unknown.
    static func location(_ item: Item) -> String {
        "\(item.documentPath):" + (item.column > 0 ? "\(item.line):\(item.column)" : "\(item.line)")
    }

    /// The sentence with its line breaks folded, so it prints on one line.
    static func sentence(_ item: Item) -> String {
        item.sentence.replacingOccurrences(of: "\n", with: " ")
    }

    /// The two lines `show` prints for mention `number`.
    static func lines(_ item: Item, number: Int) -> [String] {
        let m = item.mention
        return ["mention \(number): \"\(m.text)\" in \(location(item)) [\(m.start)..<\(m.end)] by \(m.rule)",
                "  " + sentence(item)]
    }
}
