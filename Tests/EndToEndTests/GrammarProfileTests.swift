import TestSupport
import XCTest

/// `notegraph grammar profile`: per stage, the rules that ran with their counts.
final class GrammarProfileTests: XCTestCase {
    /// Rows are "  RULE STARTS MATCHES MS"; returns (starts, matches) of `rule`.
    private func row(_ rule: String, in output: String) -> (Int, Int)? {
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 4, parts[0] == rule, let s = Int(parts[1]), let m = Int(parts[2]) { return (s, m) }
        }
        return nil
    }

    func testEveryGrammarStageIsReportedWithTheRulesThatRan() throws {
        let result = try CLI.run(["grammar", "profile", "Fixtures/claims/research-note-en.md", "--top", "100"])
        XCTAssertEqual(result.status, 0, result.stderr)
        for stage in ["numbers", "dates", "figures", "metrics", "companies", "cues", "actions"] {
            XCTAssertTrue(result.stdout.contains("\n\(stage): "), "no section for \(stage):\n\(result.stdout)")
        }
        // The note states "$720 billion" and "40%": Arabic numbers start and match.
        let arabic = try XCTUnwrap(row("numbers/en#arabic", in: result.stdout), result.stdout)
        XCTAssertGreaterThan(arabic.1, 0)
        XCTAssertGreaterThanOrEqual(arabic.0, arabic.1)
        // A rule that starts at every company mention but matches only before a cue verb.
        let says = try XCTUnwrap(row("cues/en#source_forecasts", in: result.stdout), result.stdout)
        XCTAssertGreaterThan(says.0, says.1)
    }

    func testAMissingFileIsNamedAndTheExitStatusSaysSo() throws {
        let result = try CLI.run(["grammar", "profile", "Fixtures/claims/no-such-note.md"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no-such-note.md"), result.stderr)
    }
}
