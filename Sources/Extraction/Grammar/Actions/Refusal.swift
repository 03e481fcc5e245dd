/// Where an action that refuses a match says why, when someone asks: `grammar explain` hands
/// every action one of these, the ordinary matching path hands none (`ActionInput.refusal` is
/// nil), so a refusal there costs nothing and no reason text is ever built.
public final class Refusal {
    /// The first reason given (an action that delegates to another keeps the inner, more
    /// precise one: "2019-02-29 does not exist" rather than "no open range").
    public var reason: String?

    public init() {}
}
