import Foundation
import GRDB
import NoteGraphCore
import TestSupport
import XCTest

/// `notegraph ingest` killed with SIGKILL at several points: the store passes SQLite's
/// integrity check after each kill, verdicts recorded before are all still there, and a run to
/// completion exports exactly what an uninterrupted run into a fresh store exports. Each
/// document is saved in one transaction, so a kill loses at most the document being read.
final class CrashTests: XCTestCase {
    /// ~20 notes under distinct names: the fixture notes, claims and events, and the corpus.
    /// The claim notes go in `a/`, which sorts (and is imported) first.
    func makeFolder(_ scratch: ScratchFolder) throws -> URL {
        let folder = scratch.url.appendingPathComponent("in")
        for (sub, target) in [("notes", "b"), ("claims", "a"), ("events", "b")] {
            let dir = TestPaths.fixtures.appendingPathComponent(sub)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where !name.hasSuffix(".tsv") {
                try scratch.write("in/\(target)/\(sub)-\(name)", Array(try Data(contentsOf: dir.appendingPathComponent(name))))
            }
        }
        for file in try TestPaths.corpusFiles() {
            try scratch.write("in/b/corpus-\(file.lastPathComponent)", Array(try Data(contentsOf: file)))
        }
        return folder
    }

    /// Starts `notegraph ingest` and kills it once it has printed `lines` "imported" lines, or
    /// after `seconds`, whichever comes first. Returns how many files it said it imported.
    func ingestKilled(_ folder: URL, store: String, scratch: ScratchFolder, afterImported lines: Int, orAfter seconds: Double) throws -> Int {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["ingest", folder.path, "--store", store]
        process.currentDirectoryURL = scratch.url
        let log = scratch.path("ingest-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: log))
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        var imported = 0
        while process.isRunning && Date() < deadline {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            imported = text.split(separator: "\n").filter { $0.hasPrefix("imported ") }.count
            if imported >= lines { break }
            usleep(2_000)
        }
        let killed = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try handle.close()
        if killed { XCTAssertEqual(process.terminationReason, .uncaughtSignal, "killed by SIGKILL") }
        return imported
    }

    func integrity(_ store: String) throws -> String {
        let queue = try DatabaseQueue(path: store)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    func export(_ store: String) throws -> String {
        let result = try CLI.run(["export", "--format", "jsonl", "--store", store])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    /// The verdicts: English-note claims accepted, opinions rejected.
    func decide(_ store: String, folder: URL) throws {
        for args in [["accept", "--all-matching", "--document", folder.appendingPathComponent("a/claims-research-note-en.md").path],
                     ["reject", "--all-matching", "--modality", "opinion", "--status", "all"]] {
            let result = try CLI.run(["review"] + args + ["--store", store, "--reviewer", "ana"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
    }

    func decided(_ store: String) throws -> [String: String] {
        let result = try CLI.run(["review", "list", "--json", "--status", "all", "--store", store])
        var out: [String: String] = [:]
        for line in result.stdout.split(separator: "\n") {
            let json = try JSONValue.parse(Data(line.utf8))
            if json["review"] != .string("pending") { out[json["id"]!.stringValue!] = json["review"]!.stringValue! }
        }
        return out
    }

    func testKilledImportsLeaveAConsistentStoreAndFinishAsAnUninterruptedRun() throws {
        let scratch = try ScratchFolder()
        let folder = try makeFolder(scratch)
        XCTAssertGreaterThanOrEqual(try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.contains(".") }.count, 15)
        let store = scratch.path("crash.sqlite")
        XCTAssertEqual(try CLI.run(["ingest", folder.appendingPathComponent("a").path, "--store", store]).status, 0)
        try decide(store, folder: folder)
        let verdicts = try decided(store)
        XCTAssertEqual(verdicts.count, 8)

        // Kills: very early (while the pipeline loads), then after 1, 3 and 6 more files.
        var progress: [Int] = []
        for (lines, seconds) in [(1000, 0.2), (1, 30.0), (3, 30.0), (6, 30.0)] {
            progress.append(try ingestKilled(folder, store: store, scratch: scratch, afterImported: lines, orAfter: seconds))
            XCTAssertEqual(try integrity(store), "ok", "after a kill at \(lines) files / \(seconds) s")
            XCTAssertEqual(try decided(store), verdicts, "verdicts recorded before the kill are all there")
        }
        XCTAssertTrue(progress.dropFirst().allSatisfy { $0 >= 1 }, "each later kill came during the import: \(progress)")

        let finish = try CLI.run(["ingest", folder.path, "--store", store])
        XCTAssertEqual(finish.status, 0, finish.stderr)
        XCTAssertFalse(finish.stdout.hasPrefix("0 imported"), "the killed runs left files to import: \(finish.stdout)")
        XCTAssertEqual(try integrity(store), "ok")

        let fresh = scratch.path("fresh.sqlite")
        let reference = try CLI.run(["ingest", folder.path, "--store", fresh])
        XCTAssertEqual(reference.status, 0, reference.stderr)
        // The same verdicts on the same claims (ids are stable), given after the import.
        for (verb, review) in [("accept", "accepted"), ("reject", "rejected")] {
            let ids = verdicts.filter { $0.value == review }.keys.sorted()
            let result = try CLI.run(["review", verb] + ids + ["--store", fresh, "--reviewer", "ana"])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let expected = try export(fresh), actual = try export(store)
        XCTAssertGreaterThan(expected.count, 100_000)
        if actual != expected {
            let a = actual.split(separator: "\n"), e = expected.split(separator: "\n")
            let first = zip(a, e).first { $0 != $1 }
            XCTFail("exports differ (\(a.count) vs \(e.count) lines); first difference:\n\(first.map { "\($0.0.prefix(300))\n\($0.1.prefix(300))" } ?? "")")
        }
        XCTAssertEqual(try decided(store), verdicts)
    }
}
