/// The normalised text of a document, held as UTF-16 (the unit ICU works in) with an index to
/// Unicode scalar offsets (the unit of the export contract: `text[start:end] == mention.text`).
public struct DocumentText: Sendable {
    public let utf16: [UInt16]
    /// Number of scalars before each UTF-16 offset; empty when the text is all in the BMP, where
    /// both offsets are equal (the common case: no table needed).
    private let scalarBefore: [Int32]

    public init(utf16: [UInt16]) {
        self.utf16 = utf16
        var hasSurrogates = false
        for unit in utf16 where unit & 0xF800 == 0xD800 { hasSurrogates = true; break }
        if hasSurrogates {
            var table = [Int32](repeating: 0, count: utf16.count + 1)
            var count: Int32 = 0
            for i in 0..<utf16.count {
                table[i] = count
                if utf16[i] & 0xFC00 != 0xDC00 { count += 1 }
            }
            table[utf16.count] = count
            scalarBefore = table
        } else {
            scalarBefore = []
        }
    }

    public init(_ string: String) { self.init(utf16: Array(string.utf16)) }

    public var count: Int { utf16.count }

    /// The whole text as a String (decoded on each call: for storing and printing, not for loops).
    public var string: String { Self.string(utf16[...]) }

    /// The first `limit` non-empty lines, each cut to `maxLength` units, reading no further into
    /// the text than they reach (a note's first line can be a whole flattened web page).
    public func firstLines(_ limit: Int, maxLength: Int = 200) -> [String] {
        var lines: [String] = []
        var start = 0
        var i = 0
        while i <= utf16.count, lines.count < limit {
            if i == utf16.count || utf16[i] == 0x0A {
                if i > start { lines.append(slice(start..<min(i, start + maxLength))) }
                start = i + 1
            }
            i += 1
        }
        return lines
    }

    /// The scalar offset of a UTF-16 offset.
    public func scalarOffset(_ utf16Offset: Int) -> Int {
        scalarBefore.isEmpty ? utf16Offset : Int(scalarBefore[utf16Offset])
    }

    /// The UTF-16 offset of a scalar offset (binary search; used only when reading spans back).
    public func utf16Offset(scalar: Int) -> Int {
        if scalarBefore.isEmpty { return scalar }
        var lo = 0, hi = scalarBefore.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if scalarBefore[mid] < scalar { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The text of a UTF-16 range.
    public func slice(_ range: Range<Int>) -> String {
        Self.string(utf16[range])
    }

    /// UTF-16 → String by transcoding to UTF-8 in one tight loop. The standard library's
    /// `String(decoding:as: UTF16.self)` takes a generic per-scalar path on Linux that made
    /// storing a document's text the slowest step of an import. Lone surrogates become U+FFFD,
    /// as there.
    static func string(_ units: ArraySlice<UInt16>) -> String {
        units.withUnsafeBufferPointer { src in
            String(unsafeUninitializedCapacity: src.count * 3) { dst in
                var o = 0, i = 0
                let n = src.count
                while i < n {
                    var c = UInt32(src[i])
                    i += 1
                    if c < 0x80 { dst[o] = UInt8(c); o += 1; continue }
                    if c & 0xF800 == 0xD800 {
                        if c < 0xDC00, i < n, src[i] & 0xFC00 == 0xDC00 {
                            c = 0x10000 + ((c - 0xD800) << 10) + (UInt32(src[i]) - 0xDC00)
                            i += 1
                        } else {
                            c = 0xFFFD
                        }
                    }
                    if c < 0x800 {
                        dst[o] = UInt8(0xC0 | c >> 6); dst[o + 1] = UInt8(0x80 | c & 0x3F); o += 2
                    } else if c < 0x10000 {
                        dst[o] = UInt8(0xE0 | c >> 12); dst[o + 1] = UInt8(0x80 | c >> 6 & 0x3F)
                        dst[o + 2] = UInt8(0x80 | c & 0x3F); o += 3
                    } else {
                        dst[o] = UInt8(0xF0 | c >> 18); dst[o + 1] = UInt8(0x80 | c >> 12 & 0x3F)
                        dst[o + 2] = UInt8(0x80 | c >> 6 & 0x3F); dst[o + 3] = UInt8(0x80 | c & 0x3F); o += 4
                    }
                }
                return o
            }
        }
    }
}
