/// The CJK Unified Ideographs of the BMP (U+3400–4DBF, U+4E00–9FFF): no case, no space, and
/// their own NFKC form, so text made of them and of ASCII can be folded byte by byte
/// (`TextShingles.normalise`, a claim's key) without Foundation's Unicode passes.
public enum UnifiedIdeograph {
    @inline(__always) public static func contains(_ v: UInt32) -> Bool { (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) }
}
