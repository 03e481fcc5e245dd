import ArgumentParser
import Foundation
import Pipeline

extension GrammarCommand {
    /// `notegraph grammar profile PATH…`: the dearest rules of each grammar stage on real notes.
    struct Profile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the pipeline over files and print, per grammar stage, the rules that cost most: starts, matches, milliseconds. Build with -c release for real figures.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Files or folders to profile.") var paths: [String]
        @Option(help: "Process the input this many times.") var `repeat` = 1
        @Option(help: "Rules to print per stage.") var top = 8

        func run() throws {
            let result = try GrammarProfiler(settings: try global.settings()).run(paths: paths, repeat: `repeat`)
            for f in result.failures { Console.error(f) }
            print(String(format: "input: %.2f MB", Double(result.bytes) / 1e6))
            for stage in result.stages {
                let rulesSeconds = stage.rules.reduce(0.0) { $0 + Double($1.1.nanoseconds) / 1e9 }
                print(String(format: "\n%@: %.3f s in matching (%.3f s running rules), %d sentences", stage.stage, stage.seconds, rulesSeconds, stage.sentences))
                let scan = stage.scan
                print(String(format: "  scan: %d tokens, %d with a way in, %d ways asked, %d tokens proposing rules, %d rule starts, %d not started (a word they need is not in the sentence)",
                             scan.tokens, scan.admitted, scan.ways, scan.proposing, stage.rules.reduce(0) { $0 + $1.1.starts }, scan.skipped))
                print("  " + "rule".padding(toLength: 48, withPad: " ", startingAt: 0) + "    starts   matches     steps        ms")
                for (id, row) in stage.rules.prefix(top) {
                    print("  " + id.padding(toLength: 48, withPad: " ", startingAt: 0)
                          + String(format: "%10d%10d%10d%10.1f", row.starts, row.matches, row.steps, Double(row.nanoseconds) / 1e6))
                }
            }
            if !result.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
