import NoteGraphCore

/// Where a verdict's claim was first mentioned: the document, the span (Unicode scalar offsets)
/// and its text. When a re-run gives the claim another id (its clause grew by a word), the
/// claim now covering this span in the same document takes the verdict.
public struct VerdictAnchor: Sendable, Equatable {
    public var documentID: String
    public var path: String
    public var start: Int
    public var end: Int
    public var text: String

    public init(documentID: String, path: String, start: Int, end: Int, text: String) {
        self.documentID = documentID
        self.path = path
        self.start = start
        self.end = end
        self.text = text
    }

    public var json: JSONValue {
        .object([("doc", .string(documentID)), ("path", .string(path)), ("start", .int(start)), ("end", .int(end)), ("text", .string(text))])
    }
}
