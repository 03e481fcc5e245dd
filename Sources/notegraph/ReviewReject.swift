import ArgumentParser
import GraphStore

/// `review reject`: the claims are wrong (not a claim, misread, misattributed).
struct ReviewReject: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject claims by id, or every claim matching filters with --all-matching.",
        discussion: DecisionOptions.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DecisionOptions

    func run() throws {
        try ReviewDecision.run(.reject, options, global: global)
    }
}
