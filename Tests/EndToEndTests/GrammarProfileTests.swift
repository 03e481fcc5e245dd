import TestSupport
import XCTest

/// `notegraph grammar profile`: per stage, the rules that ran with their counts.
final class GrammarProfileTests: XCTestCase {
    /// Rows are "  RULE STARTS MATCHES STEPS MS"; returns (starts, matches, steps) of `rule`.
    private func row(_ rule: String, in output: String) -> (Int, Int, Int)? {
        for line in output.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 5, parts[0] == rule, let s = Int(parts[1]), let m = Int(parts[2]), let k = Int(parts[3]) { return (s, m, k) }
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
        // Its pattern ran as steps; a single-token rule (arabic) takes none.
        XCTAssertGreaterThan(says.2, says.0)
        XCTAssertEqual(arabic.2, 0)
        // The scan line of each stage, with the rules not started for want of a word.
        XCTAssertTrue(result.stdout.contains("not started (a word they need is not in the sentence)"), result.stdout)
    }

    func testAMissingFileIsNamedAndTheExitStatusSaysSo() throws {
        let result = try CLI.run(["grammar", "profile", "Fixtures/claims/no-such-note.md"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("no-such-note.md"), result.stderr)
    }
}
