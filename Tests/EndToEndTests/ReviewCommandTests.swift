import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// `notegraph review` through the CLI, on the notes of Fixtures/claims (15 claims: 8 in the
/// Chinese digest, 7 in the English note; 2 opinions, 2 by Nomura, 1 about Micron).
final class ReviewCommandTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: String!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = scratch.path("g.sqlite")
        let ingest = try CLI.run(["ingest", "Fixtures/claims", "--store", store])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
    }

    func review(_ args: [String], environment: [String: String] = [:]) throws -> CLI.Result {
        try CLI.run(["review"] + args + ["--store", store], environment: environment)
    }

    /// `review list --json` with these filters: one parsed object per line.
    func listed(_ filters: [String] = []) throws -> [JSONValue] {
        let result = try review(["list", "--json"] + filters)
        XCTAssertEqual(result.status, 0, result.stderr)
        return try result.stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
    }

    func ids(_ claims: [JSONValue]) -> [String] { claims.compactMap { $0["id"]?.stringValue } }

    func exported() throws -> [String: JSONValue] {
        let export = try CLI.run(["export", "--store", store])
        var out: [String: JSONValue] = [:]
        for line in export.stdout.split(separator: "\n") {
            let json = try JSONValue.parse(Data(line.utf8))
            if json["kind"] == .string("claim") { out[json["id"]!.stringValue!] = json }
        }
        return out
    }

    func testListJSONHasEveryFieldAndTheFiltersNarrow() throws {
        let all = try listed()
        XCTAssertEqual(all.count, 15)
        for claim in all {
            for key in ["id", "text", "source", "modality", "date", "subjects", "figures", "review", "document", "line", "sentence"] {
                XCTAssertNotNil(claim[key], "\(key) missing in \(claim.serialized)")
            }
            XCTAssertEqual(claim["review"], .string("pending"))
            let sentence = try XCTUnwrap(claim["sentence"]?.stringValue)
            XCTAssertTrue(sentence.contains(claim["text"]!.stringValue!), "the sentence holds the claim: \(sentence)")
        }
        XCTAssertEqual(Set(try listed(["--modality", "opinion"]).compactMap { $0["text"]?.stringValue }),
                       ["美光的估值仍有上修空间", "custom accelerators are underappreciated"])
        XCTAssertEqual(try listed(["--source", "company:nomura"]).count, 2)
        XCTAssertEqual(try listed(["--source", "nomura", "--modality", "forecast"]).count, 2)
        XCTAssertEqual(try listed(["--source", "Dana Whitfield"]).compactMap { $0["text"]?.stringValue },
                       ["the company does not plan to add new fabs this year"])
        XCTAssertEqual(try listed(["--source", "author"]).count, 2)
        XCTAssertEqual(try listed(["--company", "micron"]).compactMap { $0["text"]?.stringValue }, ["美光的估值仍有上修空间"])
        let english = try listed(["--document", "Fixtures/claims/research-note-en.md"])
        XCTAssertEqual(english.count, 7)
        XCTAssertEqual(Set(english.compactMap { $0["document"]?.stringValue }), ["Fixtures/claims/research-note-en.md"])
        XCTAssertEqual(try listed(["--limit", "3"]).count, 3)
        // By document: the digest's claims first (its path sorts first), each file in reading order.
        let byDocument = try listed(["--sort", "document"])
        XCTAssertEqual(byDocument.prefix(8).compactMap { $0["document"]?.stringValue }, Array(repeating: "Fixtures/claims/digest-zh.txt", count: 8))
        let lines = byDocument.prefix(8).compactMap { $0["line"]?.intValue }
        XCTAssertEqual(lines, lines.sorted())
        // By date (the default): undated claims last.
        let dates = all.map { $0["date"]?.stringValue }
        XCTAssertEqual(dates.firstIndex(of: nil).map { dates[$0...].allSatisfy { $0 == nil } }, true)
    }

    /// The plain listing shows file:line and the sentence the way `show` does.
    func testPlainListShowsWhereEachClaimIsSaid() throws {
        let result = try review(["list", "--company", "micron"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, result.stdout)
        XCTAssertTrue(lines[0].hasPrefix("claim:") && lines[0].contains("opinion") && lines[0].contains("source: company:ubs"), lines[0])
        XCTAssertEqual(lines[1], "  \"美光的估值仍有上修空间\"")
        XCTAssertTrue(lines[2].hasPrefix("  Fixtures/claims/digest-zh.txt:"), lines[2])
        XCTAssertTrue(lines[2].contains("美光的估值仍有上修空间"), lines[2])
        let show = try CLI.run(["show", ids(try listed(["--company", "micron"]))[0], "--store", store])
        let location = lines[2].dropFirst(2).split(separator: " ")[0]
        XCTAssertTrue(show.stdout.contains(" in \(location) ["), "show points to the same place:\n\(show.stdout)")
        XCTAssertEqual(lines[3], "1 pending claims")
        let bad = try review(["list", "--company", "nobody"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--company nobody: no company company:nobody in the store"), bad.stderr)
        XCTAssertEqual(try review(["list", "--status", "done"]).status, 2)
    }

    func testAcceptRejectAndEditAreRecordedAndExported() throws {
        let nomura = ids(try listed(["--source", "company:nomura"]))
        let accept = try review(["accept"] + nomura + ["--note", "checked against the report", "--reviewer", "ana"])
        XCTAssertEqual(accept.status, 0, accept.stderr)
        XCTAssertTrue(accept.stdout.hasPrefix("accepted 2 claims as ana"), accept.stdout)
        let opinion = ids(try listed(["--company", "micron"]))
        XCTAssertEqual(try review(["reject"] + opinion, environment: ["USER": "bo"]).stdout, "rejected 1 claim as bo: \(opinion[0])\n")
        XCTAssertEqual(Set(ids(try listed(["--status", "accepted"]))), Set(nomura))
        XCTAssertEqual(ids(try listed(["--status", "rejected"])), opinion)
        XCTAssertEqual(try listed().count, 12)
        XCTAssertEqual(try listed(["--status", "all"]).count, 15)

        let dana = ids(try listed(["--source", "Dana Whitfield"]))[0]
        let edit = try review(["edit", dana, "--text", "the company plans no new fabs this year", "--source", "author", "--note", "paraphrase"])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let claims = try exported()
        XCTAssertEqual(claims[nomura[0]]?["review"], .string("accepted"))
        XCTAssertEqual(claims[opinion[0]]?["review"], .string("rejected"))
        XCTAssertEqual(claims[dana]?["text"], .string("the company plans no new fabs this year"))
        XCTAssertEqual(claims[dana]?["source"], .null)
        XCTAssertEqual(claims[dana]?["edited"], .array([.string("text"), .string("source")]))
        // A later verdict replaces the one in force and says so.
        let again = try review(["reject", nomura[0]])
        XCTAssertTrue(again.stdout.hasPrefix("rejected 1 claim (1 had an earlier verdict, replaced)"), again.stdout)
        XCTAssertEqual(try exported()[nomura[0]]?["review"], .string("rejected"))
        XCTAssertEqual(try review(["edit", dana]).status, 2, "an edit with nothing to correct is refused")
        let figure = try review(["edit", dana, "--figures", "figure:none"])
        XCTAssertEqual(figure.status, 2)
        XCTAssertTrue(figure.stderr.contains("no figure figure:none in the store"), figure.stderr)
    }

    func testBulkDecisionsNeedAFilterAndSayHowManyWereDecided() throws {
        for args in [["accept", "--all-matching"], ["reject", "--all-matching", "--status", "all"]] {
            let refused = try review(args)
            XCTAssertEqual(refused.status, 2, args.joined(separator: " "))
            XCTAssertTrue(refused.stderr.contains("--all-matching: give at least one filter"), refused.stderr)
        }
        XCTAssertEqual(try listed(["--status", "all"]).filter { $0["review"] != .string("pending") }.count, 0, "nothing was decided")
        let bulk = try review(["reject", "--all-matching", "--modality", "opinion", "--note", "views, not claims"])
        XCTAssertEqual(bulk.status, 0, bulk.stderr)
        XCTAssertTrue(bulk.stdout.hasPrefix("rejected 2 claims"), bulk.stdout)
        let english = try review(["accept", "--all-matching", "--document", "Fixtures/claims/research-note-en.md"])
        XCTAssertTrue(english.stdout.hasPrefix("accepted 6 claims"), "the English opinion was decided already: \(english.stdout)")
        XCTAssertEqual(try listed().count, 7)
        XCTAssertEqual(try review(["accept", "--all-matching", "--modality", "opinion"]).stdout,
                       "no pending claims match the filters: nothing decided\n")
        let mixed = try review(["accept", "claim:x", "--all-matching", "--modality", "fact"])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("not both"), mixed.stderr)
    }

    /// Unknown ids: every one named, nothing recorded, exit status 2.
    func testUnknownIdsAreAllNamedAndNothingIsRecorded() throws {
        let good = ids(try listed())[0]
        let result = try review(["accept", "claim:nope", good, "claim:0000000000000000", "company:nomura"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "error: \(store!): no claim claim:nope in the store; no claim claim:0000000000000000 in the store; "
                                      + "company:nomura is a company, not a claim\n")
        XCTAssertEqual(try listed().count, 15, "the good id was not recorded either")
        XCTAssertEqual(try review(["orphaned"]).stdout, "0 orphaned verdicts\n")
    }
}
