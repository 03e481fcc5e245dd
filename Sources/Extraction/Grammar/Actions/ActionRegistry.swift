import NoteGraphCore

/// The one table of actions rules may name. A rule naming anything else is refused when its
/// grammar loads.
public enum ActionRegistry {
    public static let all: [GrammarAction] = NumberActions.all + DateActions.all + RelativeDateActions.all + FigureActions.all + MetricActions.all + CompanyActions.all + ClaimActions.all + EventActions.all

    static let byName: [String: GrammarAction] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func action(_ name: String) -> GrammarAction? { byName[name] }
}
