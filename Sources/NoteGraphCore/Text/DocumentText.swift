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
    public var string: String { String(decoding: utf16, as: UTF16.self) }

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
        String(decoding: utf16[range], as: UTF16.self)
    }
}
