extension JSONValue {
    /// The text `write(to:)` gives, appended as UTF-8 bytes: for keys hashed into ids (a
    /// figure's id is made of its nine properties), where appending to a String piece by piece
    /// cost more than the hash. Null, booleans, integers and strings without escapes are
    /// written here; anything else takes `serialized`, so the text is always the same.
    public func write(utf8 out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: Self.nullUTF8)
        case let .bool(b): out.append(contentsOf: b ? Self.trueUTF8 : Self.falseUTF8)
        case let .int(i): Self.writeDecimal(i, to: &out)
        case let .string(s) where !Self.needsEscape(s):
            out.append(0x22)
            Self.append(s, to: &out)
            out.append(0x22)
        default: Self.append(serialized, to: &out)
        }
    }

    private static let nullUTF8 = Array("null".utf8), trueUTF8 = Array("true".utf8), falseUTF8 = Array("false".utf8)

    /// Appends the UTF-8 of `s` in one copy (the generic append goes byte by byte).
    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `String(i)`'s digits.
    static func writeDecimal(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }
        var m = i.magnitude
        // Twenty digits hold any UInt64; written from the end, then appended in one copy.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var at = 20
            repeat {
                at -= 1
                digits[at] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[at...]))
        }
    }
}
