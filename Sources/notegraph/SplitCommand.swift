import ArgumentParser
import Foundation
import GraphStore
import NoteGraphCore

/// `notegraph split ID --mention M`: undoes a merge the pipeline made (exact key, alignment,
/// near-duplicate) for one mention. Kept in the store's overrides, so later imports split it too.
struct SplitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "split",
        abstract: "Detach one mention of a record into a record of its own (kept across re-imports).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The record, e.g. claim:1a2b3c4d5e6f7a8b.")
    var id: String

    @Option(help: "The mention to detach, as 'notegraph show ID' prints it (doc:…@start-end).")
    var mention: String

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(settings)
        let newID = try store.split(id, mention: mention)
        print("split \(mention) from \(id) into \(newID)")
    }
}
