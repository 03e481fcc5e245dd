/// Finds whether a text contains any of a set of names, in one pass over its UTF-8 bytes
/// (names bucketed by their first two bytes), so a lexicon change of hundreds of names is
/// checked against a thousand documents quickly. UTF-8 being self-synchronising, a byte match
/// is a character match.
struct NameScanner {
    private var single: [[UInt8]?] = Array(repeating: nil, count: 256)
    /// First two bytes → index into `buckets` + 1 (0: no name starts so).
    private var slot = [Int32](repeating: 0, count: 65536)
    private var buckets: [[[UInt8]]] = []

    init<S: Sequence>(_ names: S) where S.Element == String {
        // Longest first, so the name reported is the fullest one found, the same on every run.
        for name in names.sorted(by: { ($0.utf8.count, $1) > ($1.utf8.count, $0) }) {
            let bytes = Array(name.utf8)
            guard let first = bytes.first else { continue }
            if bytes.count == 1 { single[Int(first)] = bytes; continue }
            let key = Int(first) << 8 | Int(bytes[1])
            if slot[key] == 0 {
                buckets.append([])
                slot[key] = Int32(buckets.count)
            }
            buckets[Int(slot[key]) - 1].append(bytes)
        }
    }

    /// A name the text contains, if any (the first found).
    func firstName(in text: String) -> String? {
        var text = text
        return text.withUTF8 { t -> String? in
            let n = t.count
            var i = 0
            while i < n {
                if let s = single[Int(t[i])] { return String(decoding: s, as: UTF8.self) }
                if i + 1 < n, case let b = slot[Int(t[i]) << 8 | Int(t[i + 1])], b > 0 {
                    for name in buckets[Int(b) - 1] where i + name.count <= n {
                        var k = 2
                        while k < name.count, t[i + k] == name[k] { k += 1 }
                        if k == name.count { return String(decoding: name, as: UTF8.self) }
                    }
                }
                i += 1
            }
            return nil
        }
    }
}
