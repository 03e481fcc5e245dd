import NoteGraphCore

/// What one named part of a match covered. Its text is read from the document only when an
/// action asks (`ActionInput.text(_:)`): most captures are numbers whose item already has a value.
public struct Capture: Sendable {
    public var name: String
    public var firstToken: Int32
    public var endToken: Int32
    /// UTF-16 offsets in the document.
    public var start: Int32
    public var end: Int32
    /// When the capture is exactly one `<dimension>` item: that item's value.
    public var value: JSONValue?
}
