import NoteGraphCore

/// The fields of a `number` item's value that figures read (value, low, high, approx), found in
/// one pass over the object: each `JSONValue` subscript searches the fields again, comparing
/// keys, and a figure asked four times per amount.
struct NumberFields {
    /// The fields' numbers (`doubleValue`) and whether approx is `true`; kept as plain values,
    /// not the JSON values (copying and destroying those cost more than reading them).
    var value: Double?
    var low: Double?
    var high: Double?
    var approx = false

    /// The first field of each name, as the subscript gives it. A key equal to one of these
    /// (lowercase ASCII) is byte for byte that key, so its length and first byte pick the one to compare.
    init(_ v: JSONValue) {
        guard case let .object(fields) = v else { return }
        var seen: UInt8 = 0
        // By position: a field's value is read only when it is one of these.
        for i in fields.indices {
            let key = fields[i].0
            let u = key.utf8
            switch (u.count, u.first) {
            case (5, UInt8(ascii: "v")?): if seen & 1 == 0, key == "value" { seen |= 1; value = fields[i].1.doubleValue }
            case (3, UInt8(ascii: "l")?): if seen & 2 == 0, key == "low" { seen |= 2; low = fields[i].1.doubleValue }
            case (4, UInt8(ascii: "h")?): if seen & 4 == 0, key == "high" { seen |= 4; high = fields[i].1.doubleValue }
            case (6, UInt8(ascii: "a")?): if seen & 8 == 0, key == "approx" { seen |= 8; approx = fields[i].1 == .bool(true) }
            default: break
            }
        }
    }
}
