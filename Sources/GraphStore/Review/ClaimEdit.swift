import NoteGraphCore

/// The fields a reviewer corrected on a claim; nil means "as extracted".
public struct ClaimEdit: Sendable, Equatable {
    public var text: String?
    /// A company id, a person's name, or `.null` for the note's author.
    public var source: JSONValue?
    public var figures: [String]?

    public init(text: String? = nil, source: JSONValue? = nil, figures: [String]? = nil) {
        self.text = text
        self.source = source
        self.figures = figures
    }

    public var isEmpty: Bool { text == nil && source == nil && figures == nil }

    /// The corrected fields as export fields, in contract order.
    public var fields: [(String, JSONValue)] {
        var out: [(String, JSONValue)] = []
        if let text { out.append(("text", .string(text))) }
        if let source { out.append(("source", source)) }
        if let figures { out.append(("figures", .array(figures.map(JSONValue.string)))) }
        return out
    }

    public var json: JSONValue { .object(fields) }

    public init(json: JSONValue) {
        text = json["text"]?.stringValue
        source = json["source"]
        figures = json["figures"]?.arrayValue?.compactMap(\.stringValue)
    }
}
