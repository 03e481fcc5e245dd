/// Small helpers for reading document text from its UTF-16 units (`DocumentView.text.utf16`)
/// where the actions used to slice it into Strings and walk Characters.
enum UnitText {
    /// Whether every unit is printable ASCII other than the space (0x21–0x7E): in such text each
    /// unit is one Character, lowercasing is ASCII's, and nothing splits at whitespace.
    @inline(__always) static func isPrintableASCII(_ units: ArraySlice<UInt16>) -> Bool {
        for u in units where u <= 0x20 || u >= 0x7F { return false }
        return true
    }

    /// The String of units known to be ASCII, built byte by byte: `String(decoding:as:)` takes a
    /// generic transcoding path on Linux that costs more than the lookup the string is for.
    static func ascii(_ units: ArraySlice<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count) { bytes in
            var i = 0
            for u in units { bytes[i] = UInt8(truncatingIfNeeded: u); i += 1 }
            return i
        }
    }
}
