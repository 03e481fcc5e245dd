import ArgumentParser
import GraphStore

/// `review accept`: the claims are right as extracted.
struct ReviewAccept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept claims by id, or every claim matching filters with --all-matching.",
        discussion: """
            Every id is checked first: if any is unknown, retired or not a claim, nothing is recorded and \
            the command exits with status 2 naming each such id. --all-matching needs at least one of \
            --company, --source, --document, --rule, --modality (pending claims unless --status says otherwise).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: ClaimFilterOptions

    @Argument(help: "Claim ids (claim:…).")
    var ids: [String] = []

    @Flag(help: "Decide every claim the filters match instead of ids.")
    var allMatching = false

    @Option(help: "Why, in a few words; kept with the verdict.")
    var note: String?

    @Option(help: "Who decides (default: $USER).")
    var reviewer: String?

    func run() throws {
        try ReviewDecision.run(.accept, ids: ids, allMatching: allMatching, filters: filters, note: note, reviewer: reviewer, global: global)
    }
}
