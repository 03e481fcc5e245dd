import NoteGraphCore

/// For all the stages of one grammar at once, the stages whose index (`FirstTokenIndex`) may
/// propose something at a token of a given type: by its kind and script, its first unit or its
/// word. Asked once per type of a vocabulary by each stage's memory (`TypeMemory.catchUp`),
/// which marks the types without its bit as starting nothing.
final class QuietIndex: @unchecked Sendable {
    /// Per kind × 16 + script: the stages proposing by kind, script or everywhere.
    private let kindScript: [UInt32]
    /// Units and words (as `FollowTable.unitKey` and hashes) → index into `masks`.
    private let units: HashIndex
    private let words: HashIndex
    private let masks: [UInt32]
    private let arena = FilterArena()

    /// At most this many stages: one bit each.
    static let maxStages = 32

    /// `indexes[s]`: stage s's index.
    init(_ indexes: [FirstTokenIndex]) {
        precondition(indexes.count <= Self.maxStages)
        var kindScript = [UInt32](repeating: 0, count: 64)
        var byUnit: [UInt16: UInt32] = [:], byWord: [UInt64: UInt32] = [:]
        for (s, index) in indexes.enumerated() {
            let bit = UInt32(1) << UInt32(s)
            for k in 0..<64 where index.quietKindScript & (1 << UInt64(k)) == 0 { kindScript[k] |= bit }
            for u in index.firstUnits { byUnit[u, default: 0] |= bit }
            for h in index.wordHashes { byWord[h, default: 0] |= bit }
        }
        self.kindScript = kindScript
        var masks: [UInt32] = [], unitPairs: [(UInt64, Int32)] = [], wordPairs: [(UInt64, Int32)] = []
        for (u, m) in byUnit { unitPairs.append((FollowTable.unitKey(u), Int32(masks.count))); masks.append(m) }
        for (h, m) in byWord { wordPairs.append((h, Int32(masks.count))); masks.append(m) }
        units = HashIndex(unitPairs, arena: arena)
        words = HashIndex(wordPairs, arena: arena)
        self.masks = masks
    }

    /// Writes for each type (`features[type]`: its features) the stages that may propose at it.
    func stages(_ out: UnsafeMutablePointer<UInt32>, types: Int, features: UnsafePointer<TokenFeatures>) {
        kindScript.withUnsafeBufferPointer { kindScript in
            masks.withUnsafeBufferPointer { masks in
                for type in 0..<types {
                    let f = features[type]
                    var m = kindScript[Int(f.kind.rawValue) &* 16 &+ Int(f.script.rawValue)]
                    if let k = units[FollowTable.unitKey(f.firstUnit)] { m |= masks[Int(k)] }
                    if let k = words[f.hash] { m |= masks[Int(k)] }
                    out[type] = m
                }
            }
        }
    }
}
