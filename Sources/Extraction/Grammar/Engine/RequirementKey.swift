import NoteGraphCore

/// One thing a sentence's token can be to meet a rule's requirement (`Compiler.requirement`): a
/// key its type decides (its word, its first character), or a token passing one of the stage's
/// rare tests. The test says what no word or first character can: a number glued to its unit
/// (`120kW`, `10x`) starts with a digit, as most numbers do, so a rule taking "120 kW" or
/// "120kW" needed nothing of a sentence and started at every "~" or "about" before an amount.
enum RequirementKey: Hashable, Sendable {
    case key(FirstKey)
    /// A token passing the stage's test of this index (`CheckTable.isRare`): decided by the
    /// token's type, as the keys are.
    case test(Int)
}
