import ArgumentParser
import GraphStore

/// `review accept`: the claims are right as extracted.
struct ReviewAccept: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Accept claims by id, or every claim matching filters with --all-matching.",
        discussion: DecisionOptions.discussion)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DecisionOptions

    func run() throws {
        try ReviewDecision.run(.accept, options, global: global)
    }
}
