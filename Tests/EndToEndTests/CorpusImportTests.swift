import Foundation
import NoteGraphCore
import TestSupport
import XCTest

/// The whole import path on the five real notes in ../shared/corpus, through the CLI.
final class CorpusImportTests: XCTestCase {
    nonisolated(unsafe) static var scratch: ScratchFolder!
    nonisolated(unsafe) static var ingest: CLI.Result!
    nonisolated(unsafe) static var records: [JSONValue] = []

    override class func setUp() {
        super.setUp()
        do {
            scratch = try ScratchFolder()
            ingest = try CLI.run(["ingest", TestPaths.corpus.path, "--store", scratch.path("g.sqlite")])
            let export = try CLI.run(["export", "--format", "jsonl", "--store", scratch.path("g.sqlite")])
            records = try export.stdout.split(separator: "\n").map { try JSONValue.parse(Data($0.utf8)) }
        } catch {
            XCTFail("\(error)")
        }
    }

    var documents: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: Self.records.filter { $0["kind"] == .string("document") }.map { ($0["id"]!.stringValue!, $0) })
    }

    var companies: [JSONValue] { Self.records.filter { $0["kind"] == .string("company") } }

    func testImportSucceedsWithASummary() {
        XCTAssertEqual(Self.ingest.status, 0, Self.ingest.stderr)
        XCTAssertTrue(Self.ingest.stdout.hasPrefix("5 imported, 0 unchanged, 0 failed; store: 5 documents, "), Self.ingest.stdout)
        XCTAssertTrue(Self.ingest.stdout.contains("MB/s"))
        XCTAssertEqual(documents.count, 5)
    }

    /// Every company and organisation named in the corpus (listed by hand in
    /// Resources/corpus-companies.tsv) is one node, found in that file.
    func testEveryCorpusCompanyIsOneNode() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "corpus-companies", withExtension: "tsv", subdirectory: "Resources"))
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        XCTAssertGreaterThan(rows.count, 250)
        let fileOf = documents.mapValues { URL(fileURLWithPath: $0["path"]!.stringValue!).lastPathComponent }
        var found: Set<String> = []
        for company in companies {
            for m in company["mentions"]!.arrayValue! { found.insert(fileOf[m["doc"]!.stringValue!]! + "\t" + company["id"]!.stringValue!) }
        }
        var missing: [String] = []
        for row in rows where !found.contains(row[0] + "\tcompany:" + row[2]) { missing.append(row.joined(separator: " ")) }
        XCTAssertEqual(missing, [])
        let ids = companies.map { $0["id"]!.stringValue! }
        XCTAssertEqual(ids.count, Set(ids).count, "one node per company")
        let expected = Set(rows.map { "company:" + $0[2] })
        let mentioned = companies.filter { !($0["mentions"]!.arrayValue!.isEmpty) }.map { $0["id"]!.stringValue! }
        XCTAssertEqual(Set(mentioned).subtracting(expected), [], "companies found that the list does not name")
    }

    /// Lexicon parents become SUBSIDIARY_OF edges (AWS → Amazon, GCP → Google → Alphabet); a
    /// parent no note names is still a node, without mentions, so no edge dangles.
    func testSubsidiariesPointToTheirParents() throws {
        let edges = Self.records.filter { $0["kind"] == .string("edge") && $0["type"] == .string("SUBSIDIARY_OF") }
        let pairs = Set(edges.map { $0["from"]!.stringValue! + " > " + $0["to"]!.stringValue! })
        for pair in ["company:aws > company:amazon", "company:google-cloud > company:alphabet", "company:google > company:alphabet",
                     "company:oakley > company:essilorluxottica", "company:mit-han-lab > company:mit", "company:arm > company:softbank"] {
            XCTAssertTrue(pairs.contains(pair), pair)
        }
        let ids = Set(companies.map { $0["id"]!.stringValue! })
        for e in edges { XCTAssertTrue(ids.contains(e["to"]!.stringValue!) && ids.contains(e["from"]!.stringValue!), "\(e)") }
        let parents = Set(edges.map { $0["to"]!.stringValue! })
        for company in companies where company["mentions"]!.arrayValue!.isEmpty {
            XCTAssertTrue(parents.contains(company["id"]!.stringValue!), "\(company["id"]!) has no mention and is nobody's parent")
        }
        let essilor = try XCTUnwrap(companies.first { $0["id"] == .string("company:essilorluxottica") })
        XCTAssertEqual(essilor["mentions"], .array([]))
    }

    func testOneNodeWhateverTheLanguage() throws {
        func names(_ id: String) -> [String] { companies.first { $0["id"] == .string(id) }?["names"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        XCTAssertEqual(Set(names("company:nvidia")), ["NVIDIA", "英伟达", "NVDA", "Nvidia"])
        XCTAssertTrue(names("company:tsmc").contains("台积电") && names("company:tsmc").contains("TSMC"))
        XCTAssertTrue(names("company:morgan-stanley").contains("摩根士丹利"))
        XCTAssertTrue(names("company:jpmorgan").contains("摩根大通") && names("company:jpmorgan").contains("JPMorgan"))
        XCTAssertTrue(names("company:huaan-securities").contains("华安证券"))
        XCTAssertTrue(names("company:soochow-securities").contains("东吴证券"))
        let nvidia = try XCTUnwrap(companies.first { $0["id"] == .string("company:nvidia") })
        XCTAssertEqual(nvidia["ticker"], .string("NVDA"))
        XCTAssertEqual(nvidia["known"], .bool(true))
    }

    func testNoProductOrPersonBecomesACompany() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "corpus-non-companies", withExtension: "txt", subdirectory: "Resources"))
        let banned = Set(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init))
        XCTAssertGreaterThan(banned.count, 30)
        for company in companies {
            for m in company["mentions"]!.arrayValue! {
                XCTAssertFalse(banned.contains(m["text"]!.stringValue!), "\(m["text"]!) became \(company["id"]!)")
            }
        }
    }

    /// document.text[start:end] == mention.text for every mention, in Unicode scalars.
    func testEveryMentionSlicesItsDocumentExactly() throws {
        let texts = documents.mapValues { Array($0["text"]!.stringValue!.unicodeScalars) }
        var checked = 0
        for record in Self.records {
            for m in record["mentions"]?.arrayValue ?? [] {
                let text = try XCTUnwrap(texts[m["doc"]!.stringValue!])
                let s = m["start"]!.intValue!, e = m["end"]!.intValue!
                XCTAssertEqual(String(String.UnicodeScalarView(text[s..<e])), m["text"]!.stringValue!)
                let rule = m["rule"]!.stringValue!
                // Records come from the stages that write them: figures, companies, claims (cues), events.
                XCTAssertTrue(["companies/", "figures/", "cues/", "actions/", "events/"].contains { rule.hasPrefix($0) }, rule)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1000)
    }

    func testEveryRecordCarriesTheContractFields() {
        for record in Self.records {
            guard let kind = RecordKind(rawValue: record["kind"]?.stringValue ?? "") else { return XCTFail("\(record)") }
            XCTAssertNotNil(record["id"]?.stringValue)
            for field in kind.contractFields { XCTAssertNotNil(record[field], "\(kind.rawValue) lacks \(field)") }
        }
        XCTAssertEqual(Self.records.filter { $0["kind"] == .string("edge") && $0["type"] == .string("MENTIONS") }.count,
                       Self.records.filter { RecordKind.nodeKinds.map(\.rawValue).contains($0["kind"]?.stringValue ?? "") }
                        .map { Set($0["mentions"]!.arrayValue!.map { $0["doc"]!.stringValue! }).count }.reduce(0, +))
    }

    func testNoteDatesAndLanguages() {
        let byFile = Dictionary(uniqueKeysWithValues: documents.values.map { (URL(fileURLWithPath: $0["path"]!.stringValue!).lastPathComponent.prefix(3), $0) })
        XCTAssertEqual(byFile["000"]?["date"], .string("2026-04-27"))
        XCTAssertEqual(byFile["003"]?["date"], .string("2025-12-17"))
        XCTAssertEqual(byFile["002"]?["date"], .null)
        XCTAssertEqual(byFile["001"]?["lang"], .string("mixed"))
        XCTAssertEqual(byFile["002"]?["lang"], .string("en"))
        XCTAssertEqual(byFile["004"]?["lang"], .string("zh"))
    }

    func testImportingAgainChangesNothing() throws {
        let before = try CLI.run(["export", "--store", Self.scratch.path("g.sqlite")]).stdout
        let again = try CLI.run(["ingest", TestPaths.corpus.path, "--store", Self.scratch.path("g.sqlite")])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stdout.hasPrefix("0 imported, 5 unchanged, 0 failed"), again.stdout)
        XCTAssertEqual(try CLI.run(["export", "--store", Self.scratch.path("g.sqlite")]).stdout, before)
    }

    func testShowPrintsMentionsWithTheirSentences() throws {
        let show = try CLI.run(["show", "company:huaan-securities", "--store", Self.scratch.path("g.sqlite")])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("\"name\":\"Huaan Securities\""))
        XCTAssertTrue(show.stdout.contains("mention 1: \"华安证券\" in "), show.stdout)
        XCTAssertTrue(show.stdout.contains("003_b11c3acae4a53b12.txt:"), show.stdout)
        let missing = try CLI.run(["show", "company:nobody", "--store", Self.scratch.path("g.sqlite")])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no record with id company:nobody"))
    }

    func testStats() throws {
        let stats = try CLI.run(["stats", "--store", Self.scratch.path("g.sqlite")])
        XCTAssertEqual(stats.status, 0)
        XCTAssertTrue(stats.stdout.contains("documents: 5"))
        XCTAssertTrue(stats.stdout.contains("company: \(companies.count)"))
    }
}
