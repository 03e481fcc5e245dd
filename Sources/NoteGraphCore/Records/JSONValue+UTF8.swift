extension JSONValue {
    /// The text `write(to:)` gives, appended as UTF-8 bytes: for keys hashed into ids (a
    /// figure's id is made of its nine properties), where appending to a String piece by piece
    /// cost more than the hash. Null, booleans, integers and strings without escapes are
    /// written here; anything else takes `serialized`, so the text is always the same.
    public func write(utf8 out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case let .int(i): Self.writeDecimal(i, to: &out)
        case let .string(s) where !Self.needsEscape(s):
            out.append(0x22)
            out.append(contentsOf: s.utf8)
            out.append(0x22)
        default: out.append(contentsOf: serialized.utf8)
        }
    }

    /// `String(i)`'s digits.
    static func writeDecimal(_ i: Int, to out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }
        var m = i.magnitude
        let first = out.count
        repeat {
            out.append(0x30 + UInt8(m % 10))
            m /= 10
        } while m > 0
        out[first...].reverse()
    }
}
