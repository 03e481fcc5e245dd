import CICU
import NoteGraphCore

/// Normalises text for matching and keeps, for every unit of the result, where it came from.
///
/// NFKC first (full-width ４３１０ → 4310, ＄ → $, ideographic space → space), then one pass that
/// drops zero-width, bidi and control characters, turns CR/LF/LS into LF, folds runs of spaces
/// into one, trims line ends and allows at most one blank line between paragraphs. Every span a
/// later stage finds therefore slices the stored text exactly and maps back to the source.
public struct TextNormalizer: Sendable {
    public init() {}

    public struct Output: Sendable {
        public var utf16: [UInt16]
        /// `map[i]` = input offset of output unit i; `map[count]` = input length.
        public var map: [Int32]
    }

    public func normalize(_ input: [UInt16]) throws -> Output {
        let nfkc = try Self.nfkc(input)
        return Self.clean(nfkc.utf16, map: nfkc.map, inputLength: input.count)
    }

    /// A short string (a title, a meta value) normalised the same way, without a map.
    public func normalize(_ string: String) -> String {
        guard let out = try? normalize(Array(string.utf16)) else { return string }
        return String(decoding: out.utf16, as: UTF16.self)
    }

    static func nfkc(_ input: [UInt16]) throws -> Output {
        if input.isEmpty { return Output(utf16: [], map: []) }
        for factor in [2, 18] {
            let capacity = input.count * factor + 16
            var n: Int32 = 0
            var map: [Int32] = []
            let out = [UInt16](unsafeUninitializedCapacity: capacity) { dst, written in
                map = [Int32](unsafeUninitializedCapacity: capacity) { m, mapWritten in
                    n = input.withUnsafeBufferPointer { src in
                        cicu_nfkc(src.baseAddress, Int32(src.count), dst.baseAddress, m.baseAddress, Int32(capacity))
                    }
                    mapWritten = max(0, Int(n))
                }
                written = max(0, Int(n))
            }
            if n == -3 { continue }
            guard n >= 0 else { throw InternalError("TextNormalizer", "ICU NFKC normalisation failed") }
            return Output(utf16: out, map: map)
        }
        throw InternalError("TextNormalizer", "NFKC output larger than 18 times its input")
    }

    /// Characters that carry no text: zero-width, soft hyphen, bidi controls, BOM, C0/C1 controls
    /// (tab and line breaks are handled as whitespace before this is asked).
    @inline(__always) static func isInvisible(_ u: UInt16) -> Bool {
        switch u {
        case 0x00...0x1F, 0x7F...0x9F, 0x00AD, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    @inline(__always) static func isSpace(_ u: UInt16) -> Bool {
        switch u {
        case 0x09, 0x0B, 0x0C, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// One pass over the NFKC text, written straight into preallocated buffers: this runs on
    /// every byte imported, so it avoids per-unit array growth and bounds checks.
    static func clean(_ text: [UInt16], map: [Int32], inputLength: Int) -> Output {
        let n = text.count
        // A paragraph separator may become two line feeds: never more than 2n units out.
        let capacity = 2 * n + 1
        var written = 0
        var outMap: [Int32] = []
        let out = [UInt16](unsafeUninitializedCapacity: capacity) { outBuf, outCount in
            outMap = [Int32](unsafeUninitializedCapacity: capacity + 1) { mapBuf, mapCount in
                text.withUnsafeBufferPointer { text in
                    map.withUnsafeBufferPointer { map in
                        written = cleanLoop(text, map, outBuf, mapBuf)
                    }
                }
                mapBuf[written] = Int32(inputLength)
                mapCount = written + 1
            }
            outCount = written
        }
        return Output(utf16: out, map: outMap)
    }

    private static func cleanLoop(_ text: UnsafeBufferPointer<UInt16>, _ map: UnsafeBufferPointer<Int32>,
                                  _ out: UnsafeMutableBufferPointer<UInt16>, _ outMap: UnsafeMutableBufferPointer<Int32>) -> Int {
        var o = 0
        var pendingSpace: Int32 = -1      // source offset of a space run not yet written
        var pendingNewlines = 0, newlineSource: Int32 = 0
        var i = 0
        let n = text.count
        while i < n {
            let u = text[i]
            let src = map[i]
            i += 1
            // Fast path: a visible character with nothing pending (most of any text).
            if u > 0x20 && u < 0x7F || u >= 0x3001 && u < 0xD800, pendingSpace < 0, pendingNewlines == 0 {
                out[o] = u; outMap[o] = src; o += 1
                continue
            }
            if u == 0x0A || u == 0x0D || u == 0x2028 || u == 0x2029 || u == 0x85 {
                if u == 0x0D, i < n, text[i] == 0x0A { i += 1 }
                if pendingNewlines == 0 { newlineSource = src }
                pendingNewlines += (u == 0x2029 ? 2 : 1)
                pendingSpace = -1
                continue
            }
            if isSpace(u) {
                if pendingSpace < 0 { pendingSpace = src }
                continue
            }
            if isInvisible(u) { continue }
            if pendingNewlines > 0 {
                if o > 0 {
                    for _ in 0..<min(pendingNewlines, 2) { out[o] = 0x0A; outMap[o] = newlineSource; o += 1 }
                }
                pendingNewlines = 0
                pendingSpace = -1
            } else if pendingSpace >= 0 {
                if o > 0, out[o - 1] != 0x0A { out[o] = 0x20; outMap[o] = pendingSpace; o += 1 }
                pendingSpace = -1
            }
            out[o] = u; outMap[o] = src; o += 1
        }
        return o
    }
}
