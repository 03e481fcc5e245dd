/// A linear scan over HTML bytes before libxml2 sees them, for what libxml2 does not bound well:
///
/// - its duplicate-attribute check is quadratic in the attributes of one tag, so a tag with
///   100,000 attributes takes minutes: tags keep their first `maxAttributes` attributes;
/// - it stops parsing the whole page at 256 levels of nesting (without the HUGE option, which
///   we never set): start tags deeper than `maxDepth` are dropped, with their end tags, and the
///   text inside them is kept;
/// - an internal DTD subset (`<!DOCTYPE html [ <!ENTITY …> ]>`) is not HTML: libxml2's HTML
///   parser leaves it as text. It is removed whole, so entity definitions (billion laughs,
///   external entities) can never matter.
///
/// Every change is reported as a warning. Pages that need none are returned unchanged, uncopied.
struct HTMLPreflight {
    var maxAttributes: Int
    var maxDepth: Int

    struct Result {
        var bytes: [UInt8]
        var warnings: [String]
    }

    /// Elements whose end tag is optional or absent: they do not count towards depth.
    static let shallow: Set<String> = ["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
                                       "colgroup", "rt", "rp", "br", "hr", "img", "meta", "link", "input", "area", "base",
                                       "col", "embed", "source", "track", "wbr", "param", "html", "head", "body"]

    func run(_ bytes: [UInt8]) -> Result {
        var cuts: [(Range<Int>, [UInt8])] = []   // byte ranges to replace, in order
        var warnings: [String] = []
        var line = 1
        var i = 0
        let n = bytes.count
        var open: [Bool] = []                     // kept (true) or dropped (false) per open element
        var dropped = 0, firstDroppedLine = 0
        @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        @inline(__always) func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        func name(_ from: Int) -> (String, Int) {
            var j = from
            while j < n, !isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            return (String(decoding: bytes[from..<j], as: UTF8.self).lowercased(), j)
        }
        while i < n {
            let c = bytes[i]
            if c == 0x0A { line += 1 }
            guard c == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                let start = i
                let isComment = i + 3 < n && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-")
                var subset = false
                i += 2
                while i < n {
                    if bytes[i] == 0x0A { line += 1 }
                    if isComment {
                        if bytes[i] == UInt8(ascii: ">"), i >= 2, bytes[i - 1] == UInt8(ascii: "-"), bytes[i - 2] == UInt8(ascii: "-") { break }
                    } else if bytes[i] == UInt8(ascii: "[") && !subset {
                        subset = true
                    } else if bytes[i] == UInt8(ascii: "]") && subset {
                        subset = false
                        var k = i + 1
                        while k < n, isSpace(bytes[k]) { k += 1 }
                        if k < n, bytes[k] == UInt8(ascii: ">") {
                            cuts.append((start..<(k + 1), Array("<!DOCTYPE html>".utf8)))
                            warnings.append("line \(line): internal DTD subset removed (entity definitions are never used)")
                            i = k
                            break
                        }
                    } else if bytes[i] == UInt8(ascii: ">") && !subset { break }
                    i += 1
                }
                i += 1
                continue
            }
            if next == UInt8(ascii: "/"), i + 2 < n, isLetter(bytes[i + 2]) {
                let (tag, j) = name(i + 2)
                var k = j
                while k < n, bytes[k] != UInt8(ascii: ">") { k += 1 }
                if !Self.shallow.contains(tag), let kept = open.popLast(), !kept {
                    cuts.append((i..<min(n, k + 1), []))
                }
                i = k + 1
                continue
            }
            guard isLetter(next) else { i += 1; continue }
            // A start tag: name, then attributes until '>'.
            let tagStart = i, tagLine = line
            var (tag, j) = name(i + 1)
            var attributes = 0
            var cutAt = -1
            var selfClosing = false
            while j < n, bytes[j] != UInt8(ascii: ">") {
                if bytes[j] == 0x0A { line += 1 }
                if isSpace(bytes[j]) { j += 1; continue }
                if bytes[j] == UInt8(ascii: "/") { selfClosing = true; j += 1; continue }
                selfClosing = false
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
            let end = min(n, j + 1)
            if !Self.shallow.contains(tag) && !selfClosing {
                let keep = open.filter { $0 }.count < maxDepth
                open.append(keep)
                if !keep {
                    cuts.append((tagStart..<end, []))
                    if dropped == 0 { firstDroppedLine = tagLine }
                    dropped += 1
                    i = end
                    continue
                }
            }
            if cutAt >= 0 {
                cuts.append((cutAt..<j, []))
                warnings.append("line \(tagLine): <\(tag)> has \(attributes) attributes; kept the first \(maxAttributes)")
            }
            // Raw-text elements: their content is not markup.
            if tag == "script" || tag == "style" || tag == "textarea" || tag == "title" {
                tag = "</" + tag
                let closing = Array(tag.utf8)
                var k = end
                while k + closing.count <= n {
                    if bytes[k] == UInt8(ascii: "<"), zip(bytes[k..<(k + closing.count)], closing).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) { break }
                    if bytes[k] == 0x0A { line += 1 }
                    k += 1
                }
                i = k
                continue
            }
            i = end
        }
        if dropped > 0 {
            warnings.append("line \(firstDroppedLine): elements nested deeper than \(maxDepth) levels: \(dropped) start tags dropped, their text kept")
        }
        guard !cuts.isEmpty else { return Result(bytes: bytes, warnings: warnings) }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var copied = 0
        for (range, replacement) in cuts where range.lowerBound >= copied {
            out.append(contentsOf: bytes[copied..<range.lowerBound])
            out.append(contentsOf: replacement)
            copied = range.upperBound
        }
        if copied < n { out.append(contentsOf: bytes[copied...]) }
        return Result(bytes: out, warnings: warnings)
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
