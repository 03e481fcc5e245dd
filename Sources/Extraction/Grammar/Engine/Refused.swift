/// A match an action refused (no value), with the action's reason: kept only when
/// `grammar explain` asks, so that it can say why a candidate gave no item.
public struct Refused: Sendable {
    /// The rule's index in its stage.
    public var rule: Int
    public var firstToken: Int32
    public var endToken: Int32
    /// UTF-16 offsets of the match.
    public var start: Int32
    public var end: Int32
    public var reason: String
}
