import NoteGraphCore

/// A set of `FirstKey`s asked "does token t have one of you?" in a few loads: kinds, scripts,
/// classes and dimensions as bit masks, first units as a bitmap, words by hash. The matcher uses one per rule for the
/// token after its first (`StageMatcher` skips an attempt at once when that token cannot go on
/// the match): `[kind:number] "亿"` is then tried only where 亿 follows, not at every number.
final class KeyFilter: Sendable {
    private let kinds: UInt32
    private let scripts: UInt32
    private let units: UnitSet
    private let words: HashIndex
    private let classes: UInt64
    private let dimensions: UInt64

    init(_ keys: Set<FirstKey>) {
        var kinds: UInt32 = 0, scripts: UInt32 = 0
        var unitList: [UInt16] = [], words: [(UInt64, Int32)] = []
        var classes: UInt64 = 0, dimensions: UInt64 = 0
        for k in keys {
            switch k {
            case let .kind(x): kinds |= 1 << UInt32(x.rawValue)
            case let .script(x): scripts |= 1 << UInt32(x.rawValue)
            case let .firstUnit(u): unitList.append(u)
            case let .lower(h): words.append((h, 0))
            case let .lexiconClass(c): classes |= TokenKeys.bit(c)
            case let .dimension(d): dimensions |= TokenKeys.bit(d)
            }
        }
        self.kinds = kinds
        self.scripts = scripts
        units = UnitSet(unitList)
        self.words = HashIndex(words)
        self.classes = classes
        self.dimensions = dimensions
    }

    /// Whether a token with these features may have one of the keys (it has one, or a name
    /// shares a bit with one).
    @inline(__always) func admits(_ f: TokenFeatures) -> Bool {
        if kinds & (1 << UInt32(f.kind.rawValue)) != 0 || scripts & (1 << UInt32(f.script.rawValue)) != 0 { return true }
        if f.classBit & classes != 0 || f.dimensionBits & dimensions != 0 { return true }
        if units.contains(f.firstUnit) { return true }
        return !words.isEmpty && words.contains(f.hash)
    }
}
