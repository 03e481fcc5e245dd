import ArgumentParser
import Foundation
import NoteGraphCore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the graph as JSON Lines (the contract in docs/records.md).")

    enum Format: String, ExpressibleByArgument { case jsonl }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format.")
    var format: Format = .jsonl

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let settings = try global.settings()
        let store = try global.openStore(settings)
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: nil), let handle = FileHandle(forWritingAtPath: out) else {
                throw ConfigError(file: out, keyPath: "", "cannot write the export file")
            }
            defer { try? handle.close() }
            var buffer = Data()
            try store.export { line in
                buffer.append(contentsOf: line.utf8)
                buffer.append(0x0A)
                if buffer.count > 1 << 20 { handle.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            handle.write(buffer)
        } else {
            var buffer = ""
            try store.export { line in
                buffer += line
                buffer += "\n"
                if buffer.utf8.count > 1 << 20 { FileHandle.standardOutput.write(Data(buffer.utf8)); buffer = "" }
            }
            FileHandle.standardOutput.write(Data(buffer.utf8))
        }
    }
}
