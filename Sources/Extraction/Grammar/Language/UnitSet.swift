/// A set of BMP UTF-16 units as a bitmap: `first:` and `all:` tests ask it once per character,
/// and a hashed Set costs a hash per ask. A class, so that handing one around costs one
/// reference count rather than one per stored array.
public final class UnitSet: Sendable {
    private let words: [UInt64]
    public let members: [UInt16]

    public init<S: Sequence>(_ units: S) where S.Element == UInt16 {
        var words = [UInt64](repeating: 0, count: 1024)
        var members: [UInt16] = []
        for u in units where words[Int(u >> 6)] & (1 << UInt64(u & 63)) == 0 {
            words[Int(u >> 6)] |= 1 << UInt64(u & 63)
            members.append(u)
        }
        self.words = words
        self.members = members
    }

    @inline(__always) public func contains(_ u: UInt16) -> Bool { words[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 }

    public var isEmpty: Bool { members.isEmpty }
}
