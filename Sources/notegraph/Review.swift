import ArgumentParser

/// `notegraph review`: a person's verdicts on claims. Verdicts live in their own table, so no
/// re-run overwrites them; after each import they follow their claim or are kept as orphaned.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List claims to review and record verdicts (accept, reject, edit); list orphaned verdicts.",
        discussion: """
            Verdicts survive re-runs: when a claim's id changes they move to the claim at the same place; \
            when no claim is there they are kept as orphaned ('review orphaned') and re-attached if it comes back. \
            Unknown claim ids are refused before anything is recorded (exit status 2).
            """,
        subcommands: [ReviewList.self, ReviewAccept.self, ReviewReject.self, ReviewEdit.self, ReviewOrphaned.self])
}
