import NoteGraphCore

/// Reworded duplicates within one note: the headline restated in the body, a syndicated
/// article pasted twice with its punctuation changed. Records are given in text order, each
/// with its id, signature (what must agree exactly) and SimHash; a record whose fingerprint is
/// within `maxDistance` of an earlier canonical record with the same signature joins it. The
/// earlier one wins, so the note's first wording (its headline) keeps its id on every run.
public enum NearDuplicates {
    public struct Candidate {
        public var id: String
        public var signature: String
        public var simhash: UInt64
        public init(id: String, signature: String, simhash: UInt64) {
            self.id = id
            self.signature = signature
            self.simhash = simhash
        }
    }

    /// For each id that joins another: the canonical id and the distance. Each id is judged by
    /// its first candidate; a canonical id never joins a later one.
    public static func find(_ candidates: [Candidate], maxDistance: Int) -> [String: (canonical: String, distance: Int)] {
        var out: [String: (canonical: String, distance: Int)] = [:]
        var canonical: [String: [Candidate]] = [:]   // by signature, in text order
        var judged: Set<String> = []
        for c in candidates where judged.insert(c.id).inserted {
            var best: (Candidate, Int)?
            for earlier in canonical[c.signature] ?? [] {
                let d = SimHash.distance(earlier.simhash, c.simhash)
                if d <= maxDistance, d < (best?.1 ?? Int.max) { best = (earlier, d) }
            }
            if let (target, d) = best {
                out[c.id] = (target.id, d)
            } else {
                canonical[c.signature, default: []].append(c)
            }
        }
        return out
    }
}
