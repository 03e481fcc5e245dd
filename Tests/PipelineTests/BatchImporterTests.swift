import Foundation
import GraphStore
import NoteGraphCore
import TestSupport
import XCTest
@testable import Pipeline

/// Every kind of bad input: a clear one-line message naming the file, the batch goes on, nothing
/// already stored is lost.
final class BatchImporterTests: XCTestCase {
    var scratch: ScratchFolder!
    var store: SQLiteGraphStore!
    var settings: PipelineSettings!

    override func setUpWithError() throws {
        scratch = try ScratchFolder()
        store = try SQLiteGraphStore(path: scratch.path("store.sqlite"))
        settings = try PipelineSettings(json: .object([]), file: "(defaults)", directory: scratch.url)
    }

    func run(_ paths: [String]) -> (BatchImporter.Summary, [String], [String]) {
        var failures: [String] = [], warnings: [String] = []
        let summary = BatchImporter(settings: settings, store: store).run(paths: paths) { event in
            if case let .failed(_, message, _) = event { failures.append(message) }
            if case let .warning(path, message) = event { warnings.append("\(path): \(message)") }
        }
        return (summary, failures, warnings)
    }

    func testBadInputsAreReportedAndTheBatchGoesOn() throws {
        let good = try scratch.write("notes/a-good.txt", "英伟达和台积电的合作继续深化。")
        _ = run([good])
        XCTAssertEqual(try store.stats().documents, 1)

        let dir = scratch.url.appendingPathComponent("notes")
        try scratch.write("notes/b-empty.txt", "")
        try scratch.write("notes/c-binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00] + Array(repeating: 0x41, count: 100))
        try scratch.write("notes/d-undecodable.txt", Array("Capex ".utf8) + [0x80, 0xFF, 0x81, 0xFE] + Array(" end".utf8))
        try scratch.write("notes/e-deep.html", String(repeating: "<div>", count: 10_000) + "NVIDIA deep" + String(repeating: "</div>", count: 10_000))
        var attrs = "<div"
        for i in 0..<100_000 { attrs += " a\(i)=\"1\"" }
        try scratch.write("notes/f-attrs.html", attrs + ">TSMC attributes</div>")
        try scratch.write("notes/g-laughs.html", "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><p>AMD &c;</p>")
        try scratch.write("notes/h-xxe.html", "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><p>Intel &x;</p>")
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("i-fifo.txt").path, 0o644), 0)
        XCTAssertEqual(symlink(dir.appendingPathComponent("j-loop.txt").path, dir.appendingPathComponent("k-loop.txt").path), 0)
        XCTAssertEqual(symlink(dir.appendingPathComponent("k-loop.txt").path, dir.appendingPathComponent("j-loop.txt").path), 0)
        XCTAssertEqual(symlink(dir.path, dir.appendingPathComponent("l-self").path), 0)
        try scratch.write("notes/.hidden.txt", "never read")
        try scratch.write("notes/m-data.csv", "not a note")

        let (summary, failures, warnings) = run([dir.path, scratch.path("missing.txt")])
        XCTAssertEqual(failures.count, 8, failures.joined(separator: "\n"))
        func failure(_ name: String) -> String? { failures.first { $0.contains(name) } }
        XCTAssertEqual(failure("b-empty"), "\(dir.path)/b-empty.txt: empty file (0 bytes): nothing to import")
        XCTAssertTrue(failure("c-binary")?.hasSuffix("c-binary.txt: byte 4: binary file (NUL or control bytes), not a text note") ?? false)
        XCTAssertTrue(failure("d-undecodable")?.contains("d-undecodable.txt: byte 6: ambiguous encoding") ?? false)
        XCTAssertTrue(failure("i-fifo")?.hasSuffix("i-fifo.txt: a FIFO (named pipe), not a file: skipped without opening it") ?? false)
        XCTAssertTrue(failure("j-loop")?.hasSuffix("j-loop.txt: symbolic link loop") ?? false)
        XCTAssertTrue(failure("k-loop")?.hasSuffix("k-loop.txt: symbolic link loop") ?? false)
        XCTAssertTrue(failure("l-self")?.hasSuffix("l-self: symbolic link loop: this folder contains itself") ?? false)
        XCTAssertEqual(failure("missing"), "\(scratch.path("missing.txt")): no such file or directory")
        // The HTML attacks import with warnings, and their visible text only.
        XCTAssertEqual(summary.documents, 4)
        XCTAssertEqual(summary.unchanged, 1, "a-good.txt was already stored")
        XCTAssertTrue(warnings.contains { $0.contains("e-deep.html") && $0.contains("nested deeper") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("f-attrs.html") && $0.contains("100000 attributes") }, "\(warnings)")
        var texts: [String: String] = [:]
        try store.export { line in
            let json = try JSONValue.parse(Data(line.utf8))
            if let path = json["path"]?.stringValue { texts[URL(fileURLWithPath: path).lastPathComponent] = json["text"]?.stringValue }
        }
        XCTAssertEqual(texts["g-laughs.html"], "AMD &c;")
        XCTAssertEqual(texts["h-xxe.html"], "Intel &x;")
        XCTAssertEqual(texts["e-deep.html"], "NVIDIA deep")
        XCTAssertEqual(texts["f-attrs.html"], "TSMC attributes")
        XCTAssertNotNil(texts["a-good.txt"], "nothing already stored is lost")
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }

    func testAFiftyMegabyteSingleLineFileIsRefusedBeforeReading() throws {
        let path = scratch.path("huge.txt")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        let chunk = Data(String(repeating: "capex ", count: 174_763).utf8)   // ~1 MB, no line break
        for _ in 0..<50 { handle.write(chunk) }
        try handle.close()
        let (summary, failures, _) = run([path])
        XCTAssertEqual(summary.failed, 1)
        XCTAssertEqual(failures, ["\(path): file is 50.0 MB, over the 32.0 MB limit (read stage, options.maxBytes)"])
    }

    func testALongSingleLineFileUnderTheLimitImportsWithCutSentences() throws {
        let path = try scratch.write("long.txt", String(repeating: "NVIDIA supply chain capex ", count: 40_000))
        let (summary, failures, warnings) = run([path])
        XCTAssertEqual(summary.documents, 1, "\(failures)")
        XCTAssertTrue(warnings.contains { $0.contains("sentence(s) longer than 2000 characters were cut") }, "\(warnings)")
    }

    func testUnchangedFilesAreSkippedByHash() throws {
        let path = try scratch.write("n.txt", "台积电扩产。")
        XCTAssertEqual(run([path]).0.documents, 1)
        let again = run([path]).0
        XCTAssertEqual(again.documents, 0)
        XCTAssertEqual(again.unchanged, 1)
        try scratch.write("n.txt", "台积电继续扩产。")
        XCTAssertEqual(run([path]).0.documents, 1)
        XCTAssertEqual(try store.stats().documents, 1, "the old version was replaced")
    }
}
