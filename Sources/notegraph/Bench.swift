import ArgumentParser
import Foundation
import Pipeline

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure throughput per stage (MB/s), end to end, peak memory, and ICU word segmentation alone as the ceiling.",
        discussion: """
            Build with -c release for meaningful figures: swift run -c release notegraph bench ../shared/corpus --repeat 120. \
            --reimport N times what a re-run over N unchanged files costs: swift run -c release notegraph bench --reimport 1000 ../shared/corpus
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Files or folders to measure.")
    var paths: [String]

    @Option(help: "Process the input this many times (stored as separate documents in a scratch store).")
    var `repeat`: Int = 1

    @Option(help: "Time a re-import instead: copy the input up to N files, import them, then time 'ingest' of the unchanged folder.")
    var reimport: Int?

    func run() throws {
        if let reimport {
            guard reimport >= 1 else { throw ValidationError("--reimport must be at least 1") }
            do { try BenchReimport.run(count: reimport, paths: paths, config: global.config) } catch BenchReimport.ExitCodeError.changes {
                Console.error("the re-import of an unchanged folder changed something")
                throw ExitCode(1)
            }
            return
        }
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
        let settings = try global.settings()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notegraph-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try BenchRunner(settings: settings).run(paths: paths, repeat: `repeat`, storePath: scratch.appendingPathComponent("bench.sqlite").path)
        for failure in report.failures { Console.error(failure) }
        let mb = Double(report.inputBytes) / 1_048_576
        print(String(format: "input: %d files, %.2f MB (%d× the %d given)", report.files, mb, `repeat`, report.files / max(1, `repeat`)))
        func row(_ name: String, _ seconds: Double, _ note: String = "") {
            print(name.padding(toLength: 24, withPad: " ", startingAt: 0) + String(format: "%9.3f %10.2f", seconds, report.mbps(seconds)) + note)
        }
        print("stage".padding(toLength: 24, withPad: " ", startingAt: 0) + "  seconds       MB/s")
        var readSegment = 0.0, extraction = 0.0
        for (name, seconds) in report.stageSeconds {
            row(name, seconds)
            if ["read", "normalize", "segment"].contains(name) { readSegment += seconds }
            if settings.grammar.stageOrder.contains(name) { extraction += seconds }
        }
        row("extraction", extraction, String(format: "  (the grammar stages together: %d rules)", settings.grammar.ruleCount))
        row("store", report.storeSeconds)
        row("end to end", report.endToEndSeconds)
        row("ICU words alone", report.icuSeconds, "  (the ceiling: ICU's word iterator over the same text)")
        let ratio = readSegment > 0 ? report.icuSeconds / readSegment : 0
        print(String(format: "read+normalize+segment: %.2f MB/s = %.0f%% of the ICU-alone ceiling", report.mbps(readSegment), ratio * 100))
        print(String(format: "peak RSS: %.1f MB after the first pass, %.1f MB at the end", Double(report.peakRSSAfterFirstPass) / 1024, Double(report.peakRSS) / 1024))
        if !report.failures.isEmpty { throw ExitCode(1) }
    }
}
