import ArgumentParser
import GraphStore
import NoteGraphCore

/// `review edit`: the claim is real but extracted wrong; the corrected fields replace the
/// extracted ones in the export (named in its `edited` field), the extracted values stay in the
/// verdict, and a re-run never overwrites the correction.
struct ReviewEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Correct a claim's text, source or figures (counts as accepted).",
        discussion: """
            --source takes a company id (company:nomura), a person's name, or 'author' for the note's \
            author; --figures a comma-separated list of figure ids ('' for none). Unknown ids are refused \
            and nothing is recorded (exit status 2).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The claim id (claim:…).")
    var id: String

    @Option(help: "The corrected text of the claim.")
    var text: String?

    @Option(help: "Who asserts it: company:…, a person's name, or 'author'.")
    var source: String?

    @Option(help: "The figures it states: figure:a,figure:b ('' for none).")
    var figures: String?

    @Option(help: "Why, in a few words; kept with the verdict.")
    var note: String?

    @Option(help: "Who decides (default: $USER).")
    var reviewer: String?

    func run() throws {
        let edit = ClaimEdit(text: text, source: source.map { $0 == "author" ? .null : .string($0) },
                             figures: figures.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } })
        guard !edit.isEmpty else { throw UsageError("review edit \(id): give at least one of --text, --source, --figures") }
        let who = try ReviewDecision.reviewer(reviewer)
        let settings = try global.settings()
        let store = try global.openStore(settings)
        let recorded = try store.recordVerdicts(claimIDs: [id], decision: .edit, edit: edit, note: note, reviewer: who)
        print(ReviewDecision.summary(recorded, decision: .edit, reviewer: who))
        print("corrected: " + edit.fields.map { "\($0.0) = \($0.1.serialized)" }.joined(separator: "; "))
    }
}
