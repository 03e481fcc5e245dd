import ArgumentParser
import Foundation
import GraphStore
import NoteGraphCore
import Pipeline

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import notes (files or folders, recursively: .txt .md .html .htm) into the store.",
        discussion: """
            Unchanged files are skipped; after a lexicon change only the documents containing a name that \
            changed are read again, after a grammar or pipeline.json change all are. --dry-run prints what \
            would change, per document and in total, and writes nothing.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files or folders to import.")
    var paths: [String]

    @Flag(help: "Print what would be added, changed and retired, per document, without writing anything.")
    var dryRun = false

    func run() throws {
        // The pipeline is loaded up front unless the store already knows the version its exact
        // inputs give: then unchanged files are skipped without loading it (see PipelineInputs).
        let inputs = PipelineInputs.read(config: global.config)
        var settings: PipelineSettings?
        if inputs == nil || !FileManager.default.fileExists(atPath: inputs!.resolveStorePath(option: global.store)) {
            settings = try global.settings()
        }
        let storePath = settings?.resolveStorePath(option: global.store) ?? inputs!.resolveStorePath(option: global.store)
        // A dry run works on a copy of the store in memory: the store file is only read.
        let store = dryRun ? try SQLiteGraphStore(inMemoryCopyOf: storePath) : try SQLiteGraphStore(path: storePath)
        if dryRun { print("dry run: nothing will be written to \(storePath)") }
        let importer: BatchImporter
        if let inputs {
            importer = BatchImporter(inputs: inputs, store: store) { [global] in try settings ?? global.settings() }
            if !importer.knowsVersion { try importer.loadPipeline() }
        } else {
            importer = BatchImporter(settings: settings!, store: store)
        }
        var total = 0
        let summary = importer.run(paths: paths) { event in
            switch event {
            case let .started(n): total = n
            case let .imported(file):
                let why = file.cause == BatchImporter.newFile ? "" : " (\(file.cause)\(file.detail.map { "; " + $0 } ?? ""))"
                if dryRun {
                    print("would \(file.cause == BatchImporter.newFile ? "import" : "read again") \(file.path)\(why): \(ChangeReport.describe(file.changes))")
                } else if Console.isTerminal {
                    Console.progress(file.index + 1, total, file.path)
                } else {
                    Console.write("imported \(file.path)\(why): \(file.document.language.rawValue), \(file.extraction.nodes.count) records, \(file.extraction.mentions.count) mentions")
                }
            case let .unchanged(path, index):
                if Console.isTerminal { Console.progress(index + 1, total, path) } else if !dryRun { Console.write("unchanged \(path): skipped") }
            case let .spared(path, cause, index):
                if Console.isTerminal { Console.progress(index + 1, total, path) } else if !dryRun { Console.write("unchanged \(path): not read again: \(cause)") }
            case let .failed(_, message, _): Console.error(message)
            case let .warning(path, message): Console.warning("\(path): \(message)")
            }
        }
        Console.endProgress()
        let stats = try store.counts()
        let kinds = RecordKind.nodeKinds.map { "\(stats.nodesByKind[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        let mb = Double(summary.bytes) / 1_048_576
        print(String(format: "%@%d imported, %d unchanged, %d failed; store: %d documents, %@; %d warnings, %d errors; %.2f MB in %.2f s (%.2f MB/s)",
                     dryRun ? "would be: " : "", summary.documents, summary.unchanged, summary.failed, stats.documents, kinds, summary.warnings,
                     summary.failed, mb, summary.seconds, summary.seconds > 0 ? mb / summary.seconds : 0))
        for line in ChangeReport.lines(summary, dryRun: dryRun) { print(line) }
        for count in try store.dedupCounts() where count.mentions > 0 { print("dedup " + count.line) }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}
