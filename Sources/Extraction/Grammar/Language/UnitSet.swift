/// A set of BMP UTF-16 units as a bitmap: `first:` and `all:` tests ask it once per character,
/// and a hashed Set costs a hash per ask. A class, so that handing one around costs one
/// reference count rather than one per stored array.
public final class UnitSet: @unchecked Sendable {
    /// 65536 bits, written only by `init` (hence Sendable): a raw buffer, so that asking costs
    /// no reference counting, which on the matcher's hottest path costs more than the ask.
    private let words: UnsafeMutablePointer<UInt64>
    public let members: [UInt16]

    public init<S: Sequence>(_ units: S) where S.Element == UInt16 {
        words = .allocate(capacity: 1024)
        words.initialize(repeating: 0, count: 1024)
        var members: [UInt16] = []
        for u in units where words[Int(u >> 6)] & (1 << UInt64(u & 63)) == 0 {
            words[Int(u >> 6)] |= 1 << UInt64(u & 63)
            members.append(u)
        }
        self.members = members
    }

    deinit { words.deallocate() }

    @inline(__always) public func contains(_ u: UInt16) -> Bool { words[Int(u >> 6)] & (1 << UInt64(u & 63)) != 0 }

    public var isEmpty: Bool { members.isEmpty }
}
