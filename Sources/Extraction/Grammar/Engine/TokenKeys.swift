import NoteGraphCore

/// Case folding and hashing of token text on UTF-16 units, without building Strings: the
/// matcher runs on every token of every note. Folding is ASCII only (Chinese has no case;
/// other cased scripts match as written, which the rule language documents).
enum TokenKeys {
    @inline(__always) static func fold(_ u: UInt16) -> UInt16 { u >= 0x41 && u <= 0x5A ? u | 0x20 : u }

    /// FNV-1a (`FNV1a`'s steps) over the folded units.
    static func hash(_ units: ArraySlice<UInt16>) -> UInt64 {
        units.withUnsafeBufferPointer { hash($0, 0..<$0.count) }
    }

    static func hash(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in range {
            h = (h ^ UInt64(fold(units[k]))) &* 0x100000001b3
        }
        return h
    }

    /// One bit of 64 standing for a name (a lexicon class, a dimension), chosen by its hash:
    /// masks of these make Bloom-style filters (two names may share a bit; a filter then lets
    /// through a token the full test turns down, never the other way round).
    static func bit(_ name: String) -> UInt64 {
        1 << (FNV1a.hash(name) >> 58)
    }
}
