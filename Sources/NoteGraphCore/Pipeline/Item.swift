/// A span a grammar rule produced: what later stages match as `<dimension>` and what the
/// record emitters turn into nodes and mentions.
public struct Item: Sendable {
    public var dimension: String
    /// Token indices into the document's tokens, end exclusive.
    public var firstToken: Int32
    public var endToken: Int32
    /// UTF-16 offsets into the document's text.
    public var start: Int32
    public var end: Int32
    public var value: JSONValue
    /// `<stage>/<stem>#<rule>`.
    public var rule: String
    /// Index of the sentence the item is in.
    public var sentence: Int32 = 0

    public init(dimension: String, firstToken: Int32, endToken: Int32, start: Int32, end: Int32, value: JSONValue,
                rule: String) {
        self.dimension = dimension
        self.firstToken = firstToken
        self.endToken = endToken
        self.start = start
        self.end = end
        self.value = value
        self.rule = rule
    }
}
