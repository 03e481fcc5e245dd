/// Something that should not happen whatever the input: a library call failing, an invariant
/// broken. Reported with its context and treated as a bug, never blamed on the user's file.
public struct InternalError: Error, CustomStringConvertible {
    public var context: String
    public var detail: String

    public init(_ context: String, _ detail: String) {
        self.context = context
        self.detail = detail
    }

    public var description: String { "internal error in \(context): \(detail)" }
}
