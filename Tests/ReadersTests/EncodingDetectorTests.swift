import NoteGraphCore
import TestSupport
import XCTest
@testable import Readers

final class EncodingDetectorTests: XCTestCase {
    let detector = EncodingDetector()

    func decoded(_ name: String) throws -> (String, String) {
        let out = try detector.decode(try TestPaths.fixtureBytes(name), path: name)
        return (String(decoding: out.utf16, as: UTF16.self), out.encoding)
    }

    /// Each non-UTF-8 fixture decodes, in the encoding it was written in, to its UTF-8 original.
    func testEncodedFixturesDecodeToTheirOriginals() throws {
        for (file, encoding, original) in [("utf16-note.txt", "UTF-16LE", "utf16-note.utf8.txt"),
                                           ("utf16be-note.txt", "UTF-16BE", "utf16be-note.utf8.txt"),
                                           ("gb18030-note.txt", "GB18030", "gb18030-note.utf8.txt"),
                                           ("big5-note.txt", "Big5", "big5-note.utf8.txt")] {
            let (text, found) = try decoded(file)
            XCTAssertEqual(found, encoding, file)
            XCTAssertEqual(text, try TestPaths.expectedText(original), file)
        }
    }

    func testUTF8BOMIsDropped() throws {
        let out = try detector.decode([0xEF, 0xBB, 0xBF] + Array("台积电 TSMC".utf8), path: "bom.txt")
        XCTAssertEqual(String(decoding: out.utf16, as: UTF16.self), "台积电 TSMC")
        XCTAssertEqual(out.reason, "byte-order mark")
    }

    /// ICU's detector gets short, mostly-ASCII GBK wrong; the GB2312 level-1 test does not.
    func testShortMostlyASCIIGBK() throws {
        // "Revenue 增长 65%, capex 上调" in GBK.
        let gbk: [UInt8] = Array("Revenue ".utf8) + [0xD4, 0xF6, 0xB3, 0xA4] + Array(" 65%, capex ".utf8) + [0xC9, 0xCF, 0xB5, 0xF7]
        let out = try detector.decode(gbk, path: "short.txt")
        XCTAssertEqual(out.encoding, "GB18030")
        XCTAssertEqual(String(decoding: out.utf16, as: UTF16.self), "Revenue 增长 65%, capex 上调")
    }

    func testEmptyFileIsRefused() {
        XCTAssertThrowsError(try detector.decode([], path: "notes/empty.txt")) { error in
            XCTAssertEqual((error as? InputError)?.message, "notes/empty.txt: empty file (0 bytes): nothing to import")
        }
    }

    func testBOMOnlyFileIsRefused() {
        XCTAssertThrowsError(try detector.decode([0xFF, 0xFE], path: "bom-only.txt")) { error in
            XCTAssertTrue("\(error)".contains("bom-only.txt: empty file"), "\(error)")
        }
    }

    func testBinaryFileIsRefusedWithOffset() {
        let bytes: [UInt8] = Array("PK".utf8) + [3, 4, 20, 0, 0, 8] + Array(repeating: 0x41, count: 40)
        XCTAssertThrowsError(try detector.decode(bytes, path: "archive.txt")) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("archive.txt: byte 5: binary file"), message)
        }
    }

    func testUndecodableBytesAreAnAmbiguousEncodingWithOffset() {
        let bytes: [UInt8] = Array("Capex note ".utf8) + [0x80, 0xFF, 0x81, 0xFE, 0xFF] + Array(" end".utf8)
        XCTAssertThrowsError(try detector.decode(bytes, path: "garbled.txt")) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("garbled.txt: byte 11: ambiguous encoding"), message)
        }
    }

    func testDeclaredCharsetWins() throws {
        var options = ReaderOptions()
        options.charsets = [.init(glob: "legacy/**/*.txt", charset: "GB18030")]
        let out = try EncodingDetector(options: options).decode(try TestPaths.fixtureBytes("gb18030-note.txt"), path: "notes/legacy/a/b.txt")
        XCTAssertEqual(out.encoding, "GB18030")
        XCTAssertTrue(out.reason.contains("pipeline.json"))
    }

    func testDeclaredCharsetThatDoesNotFitIsAnError() throws {
        var options = ReaderOptions()
        options.charsets = [.init(glob: "*.txt", charset: "UTF-16LE")]
        // Odd length: cannot be UTF-16.
        XCTAssertThrowsError(try EncodingDetector(options: options).decode([0x41, 0x00, 0xC3], path: "odd.txt")) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.hasPrefix("odd.txt: byte 2: undecodable bytes: not valid UTF-16LE"), message)
        }
    }

    func testGlobs() {
        XCTAssertTrue(Glob.matches("*.txt", "a/b/c.txt"))
        XCTAssertTrue(Glob.matches("legacy/**/*.txt", "notes/legacy/x.txt"))
        XCTAssertTrue(Glob.matches("legacy/**/*.txt", "legacy/a/b/x.txt"))
        XCTAssertFalse(Glob.matches("legacy/*.txt", "legacy/a/x.txt"))
        XCTAssertFalse(Glob.matches("*.md", "a/b/c.txt"))
    }
}
