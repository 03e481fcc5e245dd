import NoteGraphCore

/// One token or literal way into a rule (a modifier: `about`, `more than`, `~`, `down`…) with
/// what must follow it. Most figure rules begin with the same optional modifiers, so a stage
/// keeps each distinct branch once and the matcher asks it once per token, not once per rule.
struct LookaheadBranch: @unchecked Sendable {
    /// The first token's filter, then its check (-1: none) or the literal (count 0: none; in
    /// the stage's arena).
    var first: KeyFilter
    var check: Int
    var literal: UnsafeBufferPointer<UInt16>
    /// Keys of the token after the first element; nil: anything or nothing.
    var follow: KeyFilter?

    init(_ keys: LookaheadKeys.Branch, arena: FilterArena) {
        follow = keys.follow.map(arena.filter)
        literal = UnsafeBufferPointer(start: nil, count: 0)
        switch keys.first {
        case let .token(k, check):
            first = k.map(arena.filter) ?? .everything
            self.check = check
        case let .literal(units, k):
            first = arena.filter(k)
            check = -1
            let buffer = arena.buffer(units.count, of: UInt16.self, initial: 0)
            buffer.update(from: units, count: units.count)
            literal = UnsafeBufferPointer(start: buffer, count: units.count)
        case .item:
            preconditionFailure("item ways in are checked by Lookahead")
        }
    }

    /// Whether the branch can start at token `p` of a sentence ending at `limit`. A token
    /// branch's own check runs last (through `run`, which remembers dear checks): it turns away
    /// the many digit-led tokens a rule like `t:[first:"0123456789" & all:"0123456789.kMGW"]`
    /// is proposed at.
    func allows(_ features: [TokenFeatures], at p: Int, limit: Int, view: DocumentView, run: inout Run) -> Bool {
        guard first.admits(features[p]) else { return false }
        if literal.count > 0 {
            guard let end = view.literal(literal, from: p, limit: limit) else { return false }
            guard let follow else { return true }
            return end < limit && follow.admits(features[end])
        }
        if let follow, !(p + 1 < limit && follow.admits(features[p + 1])) { return false }
        return check < 0 || run.passes(check, p)
    }
}
