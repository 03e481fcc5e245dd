/// Everything known about one file as it goes through the stages.
public struct DocumentWork: Sendable {
    public let path: String
    public let bytes: [UInt8]
    public let sha256: String
    public let lexicon: Lexicon
    public var raw: RawNote?
    public var document: Document?
    public var segments: SegmentedText?
    public var extraction = Extraction()
    /// What grammar stages have produced so far, for later stages to match as `<dimension>`.
    public var items: [Item] = []
    /// What the grammar stages share about this document (the matcher's indexed view of its
    /// tokens and items), built by the first of them; opaque here because the type lives with
    /// the engine.
    public var matchState: (any AnyObject & Sendable)?

    public init(path: String, bytes: [UInt8], sha256: String, lexicon: Lexicon) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.lexicon = lexicon
    }

    /// The document, or an internal error naming the stage that ran too early (the registry's
    /// order check makes this unreachable for a valid pipeline).
    public func requireDocument(_ stage: String) throws -> Document {
        guard let document else { throw InternalError(stage, "no document yet: the read and normalize stages must run first") }
        return document
    }

    public func requireSegments(_ stage: String) throws -> SegmentedText {
        guard let segments else { throw InternalError(stage, "no tokens yet: the segment stage must run first") }
        return segments
    }
}
