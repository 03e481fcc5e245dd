import ArgumentParser
import Foundation
import GraphStore
import NoteGraphCore
import Pipeline

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import notes (files or folders, recursively: .txt .md .html .htm) into the store.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files or folders to import.")
    var paths: [String]

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(settings)
        let importer = BatchImporter(settings: settings, store: store)
        var total = 0
        let summary = importer.run(paths: paths) { event in
            switch event {
            case let .started(n): total = n
            case let .imported(path, document, extraction, index):
                if Console.isTerminal { Console.progress(index + 1, total, path) } else {
                    Console.write("imported \(path): \(document.language.rawValue), \(extraction.nodes.count) records, \(extraction.mentions.count) mentions")
                }
            case let .unchanged(path, index):
                if Console.isTerminal { Console.progress(index + 1, total, path) } else { Console.write("unchanged \(path): skipped") }
            case let .failed(_, message, _): Console.error(message)
            case let .warning(path, message): Console.warning("\(path): \(message)")
            }
        }
        Console.endProgress()
        let stats = try store.stats()
        let kinds = RecordKind.nodeKinds.map { "\(stats.nodesByKind[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let mb = Double(summary.bytes) / 1_048_576
        print(String(format: "%d imported, %d unchanged, %d failed; store: %d documents, %@; %d warnings, %d errors; %.2f MB in %.2f s (%.2f MB/s)",
                     summary.documents, summary.unchanged, summary.failed, stats.documents, kinds, summary.warnings,
                     summary.failed, mb, summary.seconds, summary.seconds > 0 ? mb / summary.seconds : 0))
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
