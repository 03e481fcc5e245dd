import ArgumentParser
import GraphStore
import NoteGraphCore

/// `review orphaned`: verdicts whose claim no run finds any more. They are kept, not dropped, so
/// a reviewer's work survives a grammar change; this lists them with the text they were given
/// on and where it was, to be decided again or left until the claim comes back.
struct ReviewOrphaned: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orphaned",
        abstract: "List verdicts whose claim is gone (kept, never dropped), with the text and place they were given on.",
        aliases: ["orphans"])

    @OptionGroup var global: GlobalOptions

    @Flag(help: "One JSON object per line (the verdict with its anchor), for scripts.")
    var json = false

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(settings)
        let orphans = try store.verdicts().filter { $0.state == .orphaned }
        for v in orphans {
            if json { print(v.json.serialized); continue }
            print("verdict \(v.id): \(v.decision.rawValue) by \(v.reviewer) at \(v.at) on \(v.claimID)\(v.note.map { " (\"\($0)\")" } ?? "")")
            print("  \"\(v.original["text"]?.stringValue ?? "")\"")
            if let a = v.anchor { print("  was at \(a.path) [\(a.start)..<\(a.end)] \"\(a.text)\"") }
            if let detail = v.stateDetail { print("  " + detail) }
        }
        if !json { print("\(orphans.count) orphaned verdict\(orphans.count == 1 ? "" : "s")") }
    }
}
