import CICU
import NoteGraphCore

/// Decides how a file's bytes are encoded and decodes them, or says clearly why it cannot.
///
/// The order is fixed and never guesses silently: BOM → strict UTF-8 → a charset declared in
/// pipeline.json → a charset the HTML declares → strict GB18030 / Big5 when the bytes read as
/// common Chinese text → ICU's detector when it is confident → an "ambiguous encoding" error
/// naming the byte offset where UTF-8 failed. ICU's detector comes last because it is wrong on
/// short GBK and on GBK that is mostly ASCII.
public struct EncodingDetector: Sendable {
    public var options: ReaderOptions

    public init(options: ReaderOptions = ReaderOptions()) { self.options = options }

    public struct Decoded: Sendable {
        public var utf16: [UInt16]
        public var encoding: String
        /// How the encoding was chosen ("BOM", "valid UTF-8", "declared in pipeline.json", …).
        public var reason: String
    }

    public func decode(_ bytes: [UInt8], path: String, htmlDeclaredCharset: String? = nil) throws -> Decoded {
        guard !bytes.isEmpty else { throw InputError(path: path, "empty file (0 bytes): nothing to import") }
        if let bom = Self.bom(bytes) {
            let body = Array(bytes[bom.length...])
            if body.isEmpty { throw InputError(path: path, "empty file: only a \(bom.charset) byte-order mark") }
            return try decodeStrict(body, charset: bom.charset, path: path, offsetBase: bom.length, reason: "byte-order mark")
        }
        let declared = options.declaredCharset(for: path)
        // NUL bytes are text in UTF-16/32: only a declaration can say so without a BOM.
        if !(declared?.charset.hasPrefix("UTF-16") ?? false), let nul = Self.binaryOffset(bytes) {
            throw InputError(path: path, location: "byte \(nul)", "binary file (NUL or control bytes), not a text note")
        }
        let utf8Error: Int
        switch Self.convert(bytes, charset: "UTF-8") {
        case let .success(units): return Decoded(utf16: units, encoding: "UTF-8", reason: "valid UTF-8")
        case let .failure(offset): utf8Error = offset
        }
        if let declared {
            return try decodeStrict(bytes, charset: declared.charset, path: path, offsetBase: 0,
                                    reason: "declared in pipeline.json for \(declared.glob)")
        }
        if let declared = htmlDeclaredCharset, Self.isKnownCharset(declared) {
            if case let .success(units) = Self.convert(bytes, charset: declared) {
                return Decoded(utf16: units, encoding: declared, reason: "declared in the HTML")
            }
        }
        if let chinese = Self.chineseCandidate(bytes) { return chinese }
        var guess = "none"
        if let (name, confidence) = Self.detect(bytes) {
            guess = "\(name) at \(confidence)%"
            if confidence >= options.detectorConfidence, case let .success(units) = Self.convert(bytes, charset: name) {
                return Decoded(utf16: units, encoding: name, reason: "ICU detector, \(confidence)% confident")
            }
        }
        throw InputError(path: path, location: "byte \(utf8Error)",
                         "ambiguous encoding: not valid UTF-8 from this byte on, not recognisably GB18030 or Big5 Chinese, and the charset detector is not confident (best guess: \(guess)); declare the charset in pipeline.json (read stage, options.charsets)")
    }

    private func decodeStrict(_ bytes: [UInt8], charset: String, path: String, offsetBase: Int, reason: String) throws -> Decoded {
        switch Self.convert(bytes, charset: charset) {
        case let .success(units): return Decoded(utf16: units, encoding: charset, reason: reason)
        case let .failure(offset):
            if offset < 0 { throw InputError(path: path, "unknown charset \(charset)") }
            throw InputError(path: path, location: "byte \(offset + offsetBase)", "undecodable bytes: not valid \(charset) (\(reason))")
        }
    }

    enum Conversion { case success([UInt16]), failure(Int) }

    /// Strict conversion with ICU: `.failure(offset)` at the first bad byte, `.failure(-1)` for an
    /// unknown charset.
    static func convert(_ bytes: [UInt8], charset: String) -> Conversion {
        var out = [UInt16](repeating: 0, count: bytes.count + 1)
        var errorOffset: Int32 = 0
        let n = bytes.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                cicu_to_utf16(charset, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &errorOffset)
            }
        }
        if n == -2 { return .failure(-1) }
        if n < 0 { return .failure(Int(errorOffset)) }
        out.removeSubrange(Int(n)...)
        return .success(out)
    }

    static func isKnownCharset(_ name: String) -> Bool {
        if case .failure(-1) = convert([0x41], charset: name) { return false }
        return true
    }

    static func bom(_ b: [UInt8]) -> (charset: String, length: Int)? {
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return ("UTF-32LE", 4) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return ("UTF-32BE", 4) }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return ("UTF-8", 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return ("UTF-16LE", 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// Offset of the first byte that marks a binary file: a NUL, or (in the first 64 KB) a share of
    /// C0 control bytes no text note has.
    static func binaryOffset(_ b: [UInt8]) -> Int? {
        if let nul = b.firstIndex(of: 0) { return nul }
        let head = b.prefix(65536)
        var controls = 0, first = -1
        for (i, c) in head.enumerated() where c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x1B {
            controls += 1
            if first < 0 { first = i }
        }
        return controls * 100 > head.count ? first : nil
    }

    /// Strict GB18030 or Big5, chosen only when the bytes read as common Chinese text in exactly
    /// one of them: most double-byte characters in GB2312's level-1 block (the 3,755 commonest
    /// hanzi) for GB18030, in Big5's frequent-character block for Big5.
    static func chineseCandidate(_ bytes: [UInt8]) -> Decoded? {
        let gb = commonShare(bytes, common: { lead, trail in
            (0xB0...0xD7).contains(lead) && trail >= 0xA1 || (0xA1...0xA3).contains(lead) && trail >= 0xA1
        })
        let big5 = commonShare(bytes, common: { lead, trail in
            (0xA4...0xC6).contains(lead) || (0xA1...0xA3).contains(lead) && (trail >= 0x40)
        })
        let threshold = 0.85, margin = 0.15
        var order: [(String, Double)] = [("GB18030", gb), ("Big5", big5)].filter { $0.1 >= threshold }
        order.sort { $0.1 > $1.1 }
        guard let best = order.first else { return nil }
        if order.count == 2, best.1 - order[1].1 < margin { return nil }
        guard case let .success(units) = convert(bytes, charset: best.0) else { return nil }
        let han = units.filter { (0x4E00...0x9FFF).contains($0) }.count
        let nonASCII = units.filter { $0 >= 0x80 }.count
        guard nonASCII > 0, han * 10 >= nonASCII * 6 else { return nil }
        return Decoded(utf16: units, encoding: best.0, reason: "strict \(best.0), common Chinese text")
    }

    /// Share of double-byte pairs (lead ≥ 0x81) that `common` accepts.
    private static func commonShare(_ b: [UInt8], common: (UInt8, UInt8) -> Bool) -> Double {
        var i = 0, pairs = 0, good = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            guard i + 1 < b.count else { break }
            pairs += 1
            if common(c, b[i + 1]) { good += 1 }
            i += 2
        }
        return pairs == 0 ? 0 : Double(good) / Double(pairs)
    }

    static func detect(_ bytes: [UInt8]) -> (String, Int)? {
        var name = [CChar](repeating: 0, count: 64)
        let confidence = bytes.withUnsafeBufferPointer { cicu_detect($0.baseAddress, Int32($0.count), &name, 64) }
        guard confidence >= 0 else { return nil }
        let end = name.firstIndex(of: 0) ?? name.count
        return (String(decoding: name[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(confidence))
    }
}
