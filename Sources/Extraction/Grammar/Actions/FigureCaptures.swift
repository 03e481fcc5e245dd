/// The captures a figure rule names for `FigureReading` (n, lo, half and the modifiers), found in
/// one pass over a match's captures. Why: asking `ActionInput.capture` for each of a dozen names
/// compared every capture's name with each of them, at every candidate figure.
struct FigureCaptures {
    enum Role: Int {
        case n, lo, half, approx, over, under, down, up, yoy, qoq, mom, ctx

        /// Words at the edges of a match that are not part of the figure's own span (`core`).
        var isModifier: Bool { rawValue >= Role.approx.rawValue }
    }

    /// Where the first capture named n, and lo, is in the captures (−1: none). Positions, not
    /// copies: copying a capture retains its name and value, and the reading asks for n once.
    private var nAt: Int32 = -1
    private var loAt: Int32 = -1
    private var present: UInt16 = 0

    init(_ captures: [Capture]) {
        for i in captures.indices {
            guard let role = Self.role(captures[i].name) else { continue }
            let bit: UInt16 = 1 << role.rawValue
            if present & bit == 0 {
                if role == .n { nAt = Int32(i) } else if role == .lo { loAt = Int32(i) }
            }
            present |= bit
        }
    }

    /// The first capture named n (lo) among the captures this was made from.
    func n(_ captures: [Capture]) -> Capture? { nAt < 0 ? nil : captures[Int(nAt)] }
    func lo(_ captures: [Capture]) -> Capture? { loAt < 0 ? nil : captures[Int(loAt)] }

    @inline(__always) func has(_ role: Role) -> Bool { present & (1 << role.rawValue) != 0 }

    /// Whether any modifier was captured (else the figure's span is the whole match).
    var hasModifiers: Bool { present >> Role.approx.rawValue != 0 }

    /// The role a capture name stands for. A name equal to one of these (lowercase ASCII) is
    /// byte for byte that name, as no other text is canonically equivalent to it: its length
    /// and first byte leave one name to compare.
    static func role(_ name: String) -> Role? {
        let u = name.utf8
        guard let first = u.first else { return nil }
        switch (u.count, first) {
        case (1, UInt8(ascii: "n")): return .n
        case (2, UInt8(ascii: "l")): return name == "lo" ? .lo : nil
        case (2, UInt8(ascii: "u")): return name == "up" ? .up : nil
        case (3, UInt8(ascii: "y")): return name == "yoy" ? .yoy : nil
        case (3, UInt8(ascii: "q")): return name == "qoq" ? .qoq : nil
        case (3, UInt8(ascii: "m")): return name == "mom" ? .mom : nil
        case (3, UInt8(ascii: "c")): return name == "ctx" ? .ctx : nil
        case (4, UInt8(ascii: "h")): return name == "half" ? .half : nil
        case (4, UInt8(ascii: "o")): return name == "over" ? .over : nil
        case (4, UInt8(ascii: "d")): return name == "down" ? .down : nil
        case (5, UInt8(ascii: "u")): return name == "under" ? .under : nil
        case (6, UInt8(ascii: "a")): return name == "approx" ? .approx : nil
        default: return nil
        }
    }
}
