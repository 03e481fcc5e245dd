import ArgumentParser

/// What `review accept` and `review reject` take: claim ids or `--all-matching` with filters,
/// and the note and reviewer kept with the verdict. One declaration, so the two commands can
/// never drift apart in what they accept.
struct DecisionOptions: ParsableArguments {
    @OptionGroup var filters: ClaimFilterOptions

    @Argument(help: "Claim ids (claim:…).")
    var ids: [String] = []

    @Flag(help: "Decide every claim the filters match instead of ids.")
    var allMatching = false

    @Option(help: "Why, in a few words; kept with the verdict.")
    var note: String?

    @Option(help: "Who decides (default: $USER).")
    var reviewer: String?

    /// The help text both commands show after their options.
    static let discussion = """
        Every id is checked first: if any is unknown, retired or not a claim, nothing is recorded and \
        the command exits with status 2 naming each such id. --all-matching needs at least one of \
        --company, --source, --document, --rule, --modality (pending claims unless --status says otherwise).
        """
}
