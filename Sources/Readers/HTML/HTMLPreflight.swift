/// A linear scan over HTML bytes before libxml2 sees them, for the one cost libxml2 does not
/// bound: its duplicate-attribute check is quadratic in the attributes of one tag, so a tag with
/// 100,000 attributes takes minutes. Tags with more than `maxAttributes` keep the first ones and
/// lose the rest, with a warning. Pages without such tags are returned unchanged, uncopied.
struct HTMLPreflight {
    var maxAttributes: Int

    struct Result {
        var bytes: [UInt8]
        var warnings: [String]
    }

    func run(_ bytes: [UInt8]) -> Result {
        var out: [UInt8]? = nil          // created on the first tag that needs trimming
        var copiedUpTo = 0
        var warnings: [String] = []
        var line = 1
        var i = 0
        let n = bytes.count
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        while i < n {
            let c = bytes[i]
            if c == 0x0A { line += 1 }
            guard c == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {                       // comment or doctype: skip to its end
                let isComment = i + 3 < n && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-")
                i += 2
                while i < n {
                    if bytes[i] == 0x0A { line += 1 }
                    if isComment {
                        if bytes[i] == UInt8(ascii: ">"), i >= 2, bytes[i - 1] == UInt8(ascii: "-"), bytes[i - 2] == UInt8(ascii: "-") { break }
                    } else if bytes[i] == UInt8(ascii: ">") { break }
                    i += 1
                }
                i += 1
                continue
            }
            guard (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z") else { i += 1; continue }
            // A start tag: name, then attributes until '>'.
            let tagLine = line
            var j = i + 1
            while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let name = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            var attributes = 0
            var cutAt = -1
            while j < n, bytes[j] != UInt8(ascii: ">") {
                if bytes[j] == 0x0A { line += 1 }
                if isSpace(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1; continue }
                // One attribute: name [= value]
                if attributes == maxAttributes, cutAt < 0 { cutAt = j }
                attributes += 1
                while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: "="), bytes[j] != UInt8(ascii: ">") { j += 1 }
                var k = j
                while k < n, isSpace(bytes[k]) { k += 1 }
                if k < n, bytes[k] == UInt8(ascii: "=") {
                    k += 1
                    while k < n, isSpace(bytes[k]) { k += 1 }
                    if k < n, bytes[k] == UInt8(ascii: "\"") || bytes[k] == UInt8(ascii: "'") {
                        let quote = bytes[k]
                        k += 1
                        while k < n, bytes[k] != quote { if bytes[k] == 0x0A { line += 1 }; k += 1 }
                        k += 1
                    } else {
                        while k < n, !isSpace(bytes[k]), bytes[k] != UInt8(ascii: ">") { k += 1 }
                    }
                    j = k
                }
            }
            if cutAt >= 0 {
                if out == nil { out = []; out!.reserveCapacity(n) }
                out!.append(contentsOf: bytes[copiedUpTo..<cutAt])
                copiedUpTo = j                              // resume at the '>' (or the end)
                warnings.append("line \(tagLine): <\(name)> has \(attributes) attributes; kept the first \(maxAttributes)")
            }
            i = j + 1
        }
        guard var trimmed = out else { return Result(bytes: bytes, warnings: warnings) }
        if copiedUpTo < n { trimmed.append(contentsOf: bytes[copiedUpTo...]) }
        return Result(bytes: trimmed, warnings: warnings)
    }

    /// The charset a page declares in its first 4 KB (`<meta charset=…>` or `content="…; charset=…"`).
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        guard let r = head.range(of: "charset=") else { return nil }
        var name = ""
        for ch in head[r.upperBound...] {
            if ch == "\"" || ch == "'" { if name.isEmpty { continue } else { break } }
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" { name.append(ch) } else { break }
        }
        return name.isEmpty ? nil : name
    }
}
