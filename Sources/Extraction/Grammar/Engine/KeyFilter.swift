import NoteGraphCore

/// A set of `FirstKey`s asked "may token t have one of you?" in a few loads: kinds, scripts,
/// classes and dimensions as bit masks (names by `TokenKeys.bit`, so two names may share a
/// bit: the filter may let a token through that the full test turns down, never the reverse),
/// first units as a bitmap, words in a `HashIndex`. Plain values pointing
/// into buffers a `FilterArena` owns: the matcher asks at nearly every token, and a filter
/// holding arrays or classes would cost reference counting on every ask.
struct KeyFilter: @unchecked Sendable {
    var kinds: UInt32 = 0
    var scripts: UInt32 = 0
    var classes: UInt64 = 0
    var dimensions: UInt64 = 0
    /// 1024-word bitmap of first units, or nil if none.
    var units: UnsafePointer<UInt64>?
    /// Word hashes, nil if none.
    var words: HashIndex?

    /// Whether the token's type (its kind, script, first unit and word: `TokenTypes`) is let
    /// through, whatever its class and items.
    @inline(__always) func admitsType(_ f: TokenFeatures) -> Bool {
        if kinds & (1 << UInt32(f.kind.rawValue)) != 0 || scripts & (1 << UInt32(f.script.rawValue)) != 0 { return true }
        if let units, units[Int(f.firstUnit >> 6)] & (1 << UInt64(f.firstUnit & 63)) != 0 { return true }
        return words?.contains(f.hash) ?? false
    }

    /// Whether the token's class or items are let through.
    @inline(__always) func admitsToken(_ f: TokenFeatures) -> Bool { f.classBit & classes != 0 || f.dimensionBits & dimensions != 0 }
}

/// Owns the buffers of a stage's `KeyFilter`s and tables; the stage's matcher keeps it as long
/// as itself (a `Run` keeps one for its memo).
final class FilterArena: @unchecked Sendable {
    private var buffers: [UnsafeMutableRawPointer] = []
    /// First-unit bitmaps by their units: 8 KB each, and many filters share one (digits).
    private var bitmaps: [[UInt16]: UnsafePointer<UInt64>] = [:]

    deinit { for b in buffers { b.deallocate() } }

    /// A buffer of `count` values set to `initial`, freed with the arena. Written only while
    /// the stage is being built; read-only (and so shareable between threads) after.
    func buffer<T: BitwiseCopyable>(_ count: Int, of: T.Type, initial: T) -> UnsafeMutablePointer<T> {
        let b = UnsafeMutablePointer<T>.allocate(capacity: count)
        // Doubling copies (memcpy) fill a large buffer (a run's check memo: tokens × checks)
        // several times faster than storing the value element by element.
        if count > 0 { b.initialize(to: initial) }
        var filled = min(count, 1)
        while filled < count {
            let n = min(filled, count - filled)
            (b + filled).initialize(from: b, count: n)
            filled += n
        }
        buffers.append(UnsafeMutableRawPointer(b))
        return b
    }

    /// A buffer of `count` values left unset, freed with the arena: for memos whose parts are
    /// set before they are read.
    func uninitialized<T: BitwiseCopyable>(_ count: Int, of: T.Type) -> UnsafeMutablePointer<T> {
        let b = UnsafeMutablePointer<T>.allocate(capacity: count)
        buffers.append(UnsafeMutableRawPointer(b))
        return b
    }

    func filter(_ keys: Set<FirstKey>) -> KeyFilter {
        var f = KeyFilter()
        var units: [UInt16] = [], words: [UInt64] = []
        for k in keys {
            switch k {
            case let .kind(x): f.kinds |= 1 << UInt32(x.rawValue)
            case let .script(x): f.scripts |= 1 << UInt32(x.rawValue)
            case let .firstUnit(u): units.append(u)
            case let .lower(h): words.append(h)
            case let .lexiconClass(c): f.classes |= TokenKeys.bit(c)
            case let .dimension(d): f.dimensions |= TokenKeys.bit(d)
            }
        }
        if !units.isEmpty {
            units.sort()
            if let known = bitmaps[units] { f.units = known } else {
                let b = buffer(1024, of: UInt64.self, initial: 0)
                for u in units { b[Int(u >> 6)] |= 1 << UInt64(u & 63) }
                f.units = UnsafePointer(b)
                bitmaps[units] = f.units
            }
        }
        if !words.isEmpty { f.words = HashIndex(words.map { ($0, 0) }, arena: self) }
        return f
    }
}
