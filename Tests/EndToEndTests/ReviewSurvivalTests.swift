import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// Verdicts survive a grammar change through the CLI: claims are accepted and rejected, a user
/// rule file (Fixtures/review/cues/en.rules, listed in pipeline.json `grammars`) replaces the
/// built-in opinion cue so extraction changes, the notes are imported again, and every verdict
/// is still on its claim, moved to the claim at its anchor, or reported orphaned: none is lost.
/// Taking the rule file out again brings every verdict back to a claim.
final class ReviewSurvivalTests: XCTestCase {
    func testEveryVerdictIsAttachedMovedOrReportedOrphanedAfterAGrammarChange() throws {
        let scratch = try ScratchFolder()
        let store = scratch.path("g.sqlite"), config = scratch.path("pipeline.json")
        try scratch.write("cues/en.rules", Array(try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("review/cues/en.rules"))))
        try scratch.write("pipeline.json", #"{"grammars": []}"#)
        func run(_ args: [String]) throws -> CLI.Result {
            let result = try CLI.run(args + ["--store", store, "--config", config])
            XCTAssertEqual(result.status, 0, "\(args): \(result.stderr)")
            return result
        }
        func reviews() throws -> [String: String] {
            var out: [String: String] = [:]
            for line in try run(["export"]).stdout.split(separator: "\n") {
                let json = try JSONValue.parse(Data(line.utf8))
                if json["kind"] == .string("claim") { out[json["id"]!.stringValue!] = json["review"]!.stringValue! }
            }
            return out
        }
        _ = try run(["ingest", "Fixtures/claims"])
        _ = try run(["review", "accept", "--all-matching", "--document", "Fixtures/claims/research-note-en.md", "--reviewer", "ana"])
        _ = try run(["review", "reject", "--all-matching", "--modality", "opinion", "--status", "all", "--reviewer", "ana"])
        _ = try run(["review", "accept", "--all-matching", "--source", "company:nomura", "--status", "all", "--reviewer", "bo"])
        let before = try reviews()
        let decided = before.filter { $0.value != "pending" }
        XCTAssertEqual(decided.count, 9)
        XCTAssertEqual(decided.values.filter { $0 == "rejected" }.count, 2)

        // The grammar changes: the built-in opinion cue is replaced by one no note uses.
        try scratch.write("pipeline.json", #"{"grammars": ["cues/en.rules"]}"#)
        let rerun = try run(["ingest", "Fixtures/claims"])
        XCTAssertTrue(rerun.stdout.contains("read: 2 because the grammar changed (\(scratch.url.standardizedFileURL.path)/cues/en.rules added)"), rerun.stdout)
        XCTAssertTrue(rerun.stdout.contains("retired (") && rerun.stdout.contains("claim"), "extraction changed: \(rerun.stdout)")
        let after = try reviews()
        XCTAssertNotEqual(Set(after.keys), Set(before.keys), "some claims changed")
        var moved: [String: String] = [:]
        for line in rerun.stdout.split(separator: "\n") where line.hasPrefix("verdict ") && line.contains(" moved from ") {
            let words = line.split(separator: " ").map(String.init)
            moved[words[4]] = words[6]
        }
        let orphaned = try run(["review", "orphaned", "--json"]).stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        let orphanedClaims = Set(orphaned.compactMap { $0["claim"]?.stringValue })
        XCTAssertFalse(orphanedClaims.isEmpty, "the opinion the rule no longer finds leaves an orphaned verdict")
        for claim in orphanedClaims {
            XCTAssertTrue(rerun.stdout.contains("verdict ") && rerun.stdout.contains("on \(claim) is orphaned"), "reported by ingest: \(claim)")
        }
        var attached = 0
        for (claim, review) in decided {
            if after[claim] == review { attached += 1 }
            else if let to = moved[claim] { XCTAssertEqual(after[to], review, "the verdict on \(claim) moved to \(to) with its decision") }
            else { XCTAssertTrue(orphanedClaims.contains(claim), "the verdict on \(claim) is neither on a claim nor reported orphaned") }
        }
        XCTAssertEqual(attached + moved.count + orphanedClaims.count, decided.count, "every verdict accounted for exactly once")
        XCTAssertGreaterThan(attached, 0)
        XCTAssertEqual(after.values.filter { $0 != "pending" }.count, decided.count - orphanedClaims.count)

        // The rule file taken out again: the claims come back, and with them every verdict.
        try scratch.write("pipeline.json", #"{"grammars": []}"#)
        _ = try run(["ingest", "Fixtures/claims"])
        XCTAssertEqual(try reviews(), before)
        XCTAssertEqual(try run(["review", "orphaned"]).stdout, "0 orphaned verdicts\n")
    }
}
