import ArgumentParser
import Foundation
import GraphStore
import NoteGraphCore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print one record with its mentions and the sentences they are in.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A record id, e.g. company:nvidia or doc:1a2b3c4d5e6f7a8b.")
    var id: String

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(settings)
        guard let record = try store.record(id: id) else {
            Console.error("no record with id \(id) (ids look like company:nvidia, doc:…; see 'notegraph export')")
            throw ExitCode(1)
        }
        var json = record.json
        if case var .object(fields) = json, record.json["kind"]?.stringValue == "document" {
            // The text is long: show its start only.
            if let i = fields.firstIndex(where: { $0.0 == "text" }), case let .string(t) = fields[i].1, t.count > 300 {
                fields[i].1 = .string(String(t.prefix(300)) + "…")
            }
            json = .object(fields)
        }
        if record.json["kind"]?.stringValue == "claim" {
            try ClaimSummary.lines(record.json, store: store).forEach { print($0) }
            print("")
        }
        print(json.serialized)
        for (n, item) in record.mentions.enumerated() {
            print("")
            MentionText.lines(item, number: n + 1).forEach { print($0) }
            if record.mentions.count > 1, let kind = record.json["kind"]?.stringValue {
                print("  why in this record: " + MergeExplanation.why(item.mention, kind: kind))
                print("  mention id (for notegraph split): " + SQLiteGraphStore.mentionID(item.mention))
            }
        }
    }
}
