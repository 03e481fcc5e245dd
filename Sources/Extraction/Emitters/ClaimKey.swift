import NoteGraphCore

/// The text a claim's id is made of (with its source): its wording with spacing and case
/// folded, so the same sentence syndicated to two notes is one claim.
enum ClaimKey {
    /// The text lower-cased, without white space.
    static func folded(_ body: String) -> String {
        if let plain = foldedPlain(body) { return plain }
        var out = String.UnicodeScalarView()
        for scalar in body.lowercased().unicodeScalars where !scalar.properties.isWhitespace { out.append(scalar) }
        return String(out)
    }

    /// `folded` of a text whose scalars, but for ASCII letters, do not change when lower-cased
    /// (nearly every claim: Chinese text, its punctuation, English in ASCII) — its UTF-8
    /// copied with ASCII letters lowered and spaces left out, instead of lower-casing and then
    /// appending scalar by scalar; nil for any other text.
    static func foldedPlain(_ body: String) -> String? {
        var body = body
        return body.withUTF8 { bytes -> String? in
            // First: may it be done here?
            var i = 0
            while i < bytes.count {
                let (scalar, length) = decode(bytes, at: i)
                if scalar.value >= 0x80, !UnifiedIdeograph.contains(scalar.value), scalar.properties.changesWhenLowercased { return nil }
                i += length
            }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var o = 0, i = 0
                while i < bytes.count {
                    let (scalar, length) = decode(bytes, at: i)
                    if scalar.value < 0x80 {
                        let b = bytes[i]
                        if !(0x09...0x0D).contains(b), b != 0x20 { out[o] = (0x41...0x5A).contains(b) ? b + 0x20 : b; o += 1 }
                    } else if UnifiedIdeograph.contains(scalar.value) || !scalar.properties.isWhitespace {
                        for k in 0..<length { out[o + k] = bytes[i + k] }
                        o += length
                    }
                    i += length
                }
                return o
            }
        }
    }

    /// The scalar that starts at `i` in valid UTF-8, and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b = UInt32(bytes[i])
        if b < 0x80 { return (Unicode.Scalar(UInt8(b)), 1) }
        if b < 0xE0 { return (Unicode.Scalar((b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F))!, 2) }
        if b < 0xF0 {
            return (Unicode.Scalar((b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F))!, 3)
        }
        let v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(v)!, 4)
    }
}
