import ArgumentParser
import Foundation
import NoteGraphCore

/// `notegraph`: research notes in, a knowledge graph out.
///
/// Exit status: 0 when everything asked for was done, 1 when some files failed, 2 for a usage or
/// configuration error (nothing was read then).
@main
struct NoteGraph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notegraph",
        abstract: "Turn a folder of research notes into a knowledge graph.",
        subcommands: [Ingest.self, Export.self, Show.self, Stats.self, Review.self, Bench.self, GrammarCommand.self, LexiconCommand.self, SplitCommand.self, MergeCommand.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as UserError {
            Console.error(error.message)
            Foundation.exit(2)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if code == ExitCode(64) || code == .validationFailure {
                Console.error(fullMessage(for: error))
                FileHandle.standardError.write(Data("Run 'notegraph --help' for usage.\n".utf8))
                Foundation.exit(2)
            }
            Console.error("\(error)")
            Foundation.exit(code == .failure ? 1 : code.rawValue)
        }
    }
}
