import NoteGraphCore

/// The fields of a `number` item's value that figures read (value, low, high, approx), found in
/// one pass over the object: each `JSONValue` subscript searches the fields again, comparing
/// keys, and a figure asked four times per amount.
struct NumberFields {
    var value: JSONValue?
    var low: JSONValue?
    var high: JSONValue?
    var approx: JSONValue?

    /// The first field of each name, as the subscript gives it. A key equal to one of these
    /// (lowercase ASCII) is byte for byte that key, so its length and first byte pick the one to compare.
    init(_ v: JSONValue) {
        guard case let .object(fields) = v else { return }
        // By position: a field is copied (its value retained) only when it is one of these.
        for i in fields.indices {
            let key = fields[i].0
            let u = key.utf8
            switch (u.count, u.first) {
            case (5, UInt8(ascii: "v")?): if value == nil, key == "value" { value = fields[i].1 }
            case (3, UInt8(ascii: "l")?): if low == nil, key == "low" { low = fields[i].1 }
            case (4, UInt8(ascii: "h")?): if high == nil, key == "high" { high = fields[i].1 }
            case (6, UInt8(ascii: "a")?): if approx == nil, key == "approx" { approx = fields[i].1 }
            default: break
            }
        }
    }
}
