/// One instruction as the matcher runs it: a plain 24-byte value, so that reading one costs a
/// load and no reference counting (an `Instruction` carries an array or a string, retained and
/// released each time a `switch` binds it). Literals and dimensions are numbered in the stage's
/// `StageCode`; program counters are positions in its step pool.
struct Step: Sendable {
    enum Op: UInt8, Sendable {
        case token, literal, dimension, split, save, assertStart, assertEnd, match
    }

    var op: Op
    /// Set on an inner split of an alternation (`a | b | c` is a chain of splits, each the
    /// second alternative of the one before) that nothing else reaches: `Run.reached` follows
    /// it in the loop of the chain's first split, without a call and a memo cell of its own
    /// (two in five splits the matcher asked were such links).
    var link = false
    /// The step after this one (a split's first alternative).
    var next: Int32
    /// The check (token), literal or dimension number, save slot, or a split's second alternative.
    var arg: Int32
    /// `next` and (for a split) `arg` with capture saves skipped: saves mark where a capture
    /// begins or ends and never change how far a match reaches, so `Run.best` jumps over them
    /// (a third of its steps were saves); `Run.captures` follows the saves themselves.
    var reach: Int32 = -1
    var reachArg: Int32 = -1
    /// The stage filter the token here must pass for any match to continue from this step
    /// (−1: none, e.g. when the rest may match without a token).
    var filter: Int32
}
