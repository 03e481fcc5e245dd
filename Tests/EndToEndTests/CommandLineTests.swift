import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// Exit statuses, messages and the fixtures' golden export, through the CLI.
final class CommandLineTests: XCTestCase {
    /// Fixtures/notes imported from the package root must export exactly Fixtures/golden/fixtures.jsonl.
    /// After a deliberate change, regenerate with NOTEGRAPH_UPDATE_GOLDEN=1 swift test --filter testFixturesMatchTheGoldenExport
    /// and review the diff.
    func testFixturesMatchTheGoldenExport() throws {
        let scratch = try ScratchFolder()
        let ingest = try CLI.run(["ingest", "Fixtures/notes", "--store", scratch.path("g.sqlite")])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        XCTAssertTrue(ingest.stdout.hasPrefix("8 imported, 0 unchanged, 0 failed"), ingest.stdout)
        let export = try CLI.run(["export", "--store", scratch.path("g.sqlite"), "--out", scratch.path("out.jsonl")])
        XCTAssertEqual(export.status, 0, export.stderr)
        let actual = try String(contentsOf: scratch.url.appendingPathComponent("out.jsonl"), encoding: .utf8)
        let golden = TestPaths.fixtures.appendingPathComponent("golden/fixtures.jsonl")
        if ProcessInfo.processInfo.environment["NOTEGRAPH_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let a = actual.split(separator: "\n"), e = expected.split(separator: "\n")
        XCTAssertEqual(a.count, e.count)
        for (x, y) in zip(a, e) where x != y { XCTFail("export differs from golden:\n\(x.prefix(400))\n\(y.prefix(400))"); break }
    }

    func testConfigurationErrorsExitWithTwoBeforeReadingAnything() throws {
        let scratch = try ScratchFolder()
        let config = try scratch.write("pipeline.json", #"{"stages": [{"name": "read"}, {"name": "tokenise"}]}"#)
        let result = try CLI.run(["ingest", "Fixtures/notes", "--config", config, "--store", scratch.path("g.sqlite")])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: \(config): stages[1].name: unknown value \"tokenise\"; valid choices: read, normalize, segment, lexicon, numbers, dates, figures, metrics, companies, cues, context, actions, events, claims\n")
        XCTAssertEqual(result.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("g.sqlite")), "nothing was opened or read")
    }

    /// A broken user grammar stops the import before any note is read: nothing half-runs.
    func testBrokenUserGrammarStopsTheImportBeforeReading() throws {
        let scratch = try ScratchFolder()
        _ = try scratch.write("figures/mine.rules", "rule r\n  match n:<number> [lower:widgets\n  action figure.money USD\n  example \"3 widgets\"\n")
        let config = try scratch.write("pipeline.json", #"{"grammars": ["figures/mine.rules"]}"#)
        let result = try CLI.run(["ingest", "Fixtures/notes", "--config", config, "--store", scratch.path("g.sqlite")])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("error: \(scratch.path("figures/mine.rules")):2:34: expected ']', '&' or '|', found end of pattern"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path("g.sqlite")), "nothing was opened or read")
        // `grammar test` on a good user file runs its examples and says how many.
        _ = try scratch.write("figures/mine.rules", "rule r\n  match n:<number> [lower:widgets]\n  action figure.money USD\n  example \"3 widgets\" => value=3 unit=USD\n")
        let test = try CLI.run(["grammar", "test", "mine.rules", "--config", config])
        XCTAssertEqual(test.status, 0, test.stderr)
        XCTAssertTrue(test.stdout.hasPrefix("1 examples, 0 failed"), test.stdout)
    }

    func testUsageErrorsExitWithTwo() throws {
        let result = try CLI.run(["ingest"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Missing expected argument"), result.stderr)
        XCTAssertEqual(try CLI.run(["frobnicate"]).status, 2)
        XCTAssertEqual(try CLI.run(["bench", "Fixtures/notes", "--repeat", "0"]).status, 2)
    }

    func testSomeFilesFailingExitsWithOneAndKeepsTheRest() throws {
        let scratch = try ScratchFolder()
        try scratch.write("in/ok.txt", "Micron and SK Hynix raised HBM prices.")
        try scratch.write("in/empty.txt", "")
        let result = try CLI.run(["ingest", scratch.path("in"), scratch.path("nope"), "--store", scratch.path("g.sqlite")])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("error: \(scratch.path("in/empty.txt")): empty file (0 bytes): nothing to import"), result.stderr)
        XCTAssertTrue(result.stderr.contains("error: \(scratch.path("nope")): no such file or directory"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("1 imported, 0 unchanged, 2 failed"), result.stdout)
        let stats = try CLI.run(["stats", "--store", scratch.path("g.sqlite")])
        XCTAssertTrue(stats.stdout.contains("company: 2"), stats.stdout)
    }

    func testTheStoreEnvironmentVariableIsUsed() throws {
        let scratch = try ScratchFolder()
        try scratch.write("a.txt", "Broadcom ships custom accelerators.")
        let result = try CLI.run(["ingest", scratch.path("a.txt")], environment: ["NOTEGRAPH_STORE": scratch.path("env.sqlite")])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("env.sqlite")))
    }

    /// An unreadable file. Root reads everything, so when the tests run as root the CLI is run as
    /// the unprivileged user nobody (setpriv), which is what a user without permission sees.
    func testAnUnreadableFileIsReported() throws {
        let scratch = try ScratchFolder()
        chmod(scratch.url.path, 0o777)
        let file = try scratch.write("secret.txt", "Oracle capex rises.")
        try scratch.write("open.txt", "Oracle capex rises again.")
        chmod(file, 0o000)
        chmod(scratch.path("open.txt"), 0o644)
        var prefix: [String] = []
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("setpriv (util-linux) is needed to drop root") }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let result = try CLI.run(["ingest", file, scratch.path("open.txt"), "--store", scratch.path("g.sqlite")], in: scratch.url, prefix: prefix)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("error: \(file): cannot open: permission denied"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("1 imported, 0 unchanged, 1 failed"), result.stdout)
    }
}
