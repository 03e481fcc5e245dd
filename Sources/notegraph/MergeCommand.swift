import ArgumentParser
import Foundation
import GraphStore
import NoteGraphCore

/// `notegraph merge KEEP OTHER`: two records of one kind the pipeline kept apart are one. The
/// first survives; the second is retired with the reason and its verdict follows its mentions.
/// Kept in the store's overrides, so later imports merge them too.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the second record into the first (same kind; kept across re-imports).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The record that survives.")
    var keep: String

    @Argument(help: "The record merged into it.")
    var other: String

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(settings)
        let verdicts = try store.merge(keep: keep, other: other)
        print("merged \(other) into \(keep)")
        for v in verdicts where v.kind == .moved { print("verdict \(v.verdictID) moved from \(v.from) to \(v.to ?? "?")") }
    }
}
