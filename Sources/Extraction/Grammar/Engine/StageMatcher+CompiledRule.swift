import NoteGraphCore

extension StageMatcher {
    /// A class so that handing one to the matcher loop costs one reference count, not one per field.
    public final class CompiledRule: @unchecked Sendable {
        public let rule: Rule
        let program: Program
        let action: GrammarAction
        /// Position in the stage: the last tie-breaker.
        let order: Int
        /// The action's reading of the rule's arguments.
        let prepared: (any Sendable)?
        /// What the matcher reads at every attempt, each in a field of its own: reading one
        /// through `rule`, `program` or `action` copied the whole struct (and retained all it
        /// holds) at every attempt.
        let single: (check: Int, capture: Int?)?
        /// A buffer the rule owns, not an array: read through a rule held without reference
        /// counting, an array was retained and released at every attempt, a count both cores
        /// wrote; the names themselves are short strings held inline. Written only by `init`
        /// (hence the class is Sendable).
        let captureNames: UnsafeBufferPointer<String>
        let id: String
        let dimension: String
        let priority: Int
        let arguments: [String]
        let perform: @Sendable (ActionInput) -> JSONValue?

        init(rule: Rule, program: Program, action: GrammarAction, order: Int) {
            self.rule = rule
            self.program = program
            self.action = action
            self.order = order
            prepared = action.prepare(rule.arguments)
            single = program.single
            let names = UnsafeMutablePointer<String>.allocate(capacity: max(1, program.captureNames.count))
            names.initialize(from: program.captureNames, count: program.captureNames.count)
            captureNames = UnsafeBufferPointer(start: names, count: program.captureNames.count)
            id = rule.id
            dimension = action.dimension
            priority = rule.priority
            arguments = rule.arguments
            perform = action.run
        }

        deinit {
            UnsafeMutablePointer(mutating: captureNames.baseAddress!).deinitialize(count: captureNames.count)
            UnsafeMutablePointer(mutating: captureNames.baseAddress!).deallocate()
        }
    }
}
