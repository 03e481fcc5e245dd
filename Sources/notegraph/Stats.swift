import ArgumentParser
import Foundation
import NoteGraphCore

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Counts by kind, documents and the store's size.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Per kind: mentions, records, and merges by cause (exact key, aligned EN/ZH, near-duplicate, user).")
    var dedup = false

    func run() throws {
        let settings = try global.settings()
        let path = settings.resolveStorePath(option: global.store)
        let store = try global.openStore(settings)
        let stats = try store.stats()
        print("store: \(path) (\(String(format: "%.2f", Double(stats.bytes) / 1_048_576)) MB)")
        print("documents: \(stats.documents)")
        for kind in RecordKind.nodeKinds { print("\(kind.rawValue): \(stats.nodesByKind[kind.rawValue] ?? 0)") }
        print("edges: \(stats.edges)")
        print("mentions: \(stats.mentions)")
        if dedup { for count in try store.dedupCounts() { print("dedup " + count.line) } }
    }
}
