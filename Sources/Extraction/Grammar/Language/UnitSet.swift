/// A set of BMP UTF-16 units as a bitmap: `first:` and `all:` tests ask it once per character,
/// and a hashed Set costs a hash per ask.
public struct UnitSet: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)
    public private(set) var members: [UInt16] = []

    public init<S: Sequence>(_ units: S) where S.Element == UInt16 {
        for u in units where !contains(u) {
            words[Int(u >> 6)] |= 1 << UInt64(u & 63)
            members.append(u)
        }
    }

    @inline(__always) public func contains(_ u: UInt16) -> Bool { words[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 }

    public var isEmpty: Bool { members.isEmpty }
}
