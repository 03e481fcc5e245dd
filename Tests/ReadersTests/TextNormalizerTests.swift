import NoteGraphCore
import XCTest
@testable import Readers

final class TextNormalizerTests: XCTestCase {
    let normalizer = TextNormalizer()

    func run(_ s: String) throws -> (String, TextNormalizer.Output) {
        let out = try normalizer.normalize(Array(s.utf16))
        return (String(decoding: out.utf16, as: UTF16.self), out)
    }

    /// DocumentText's own UTF-16 → String transcoder agrees with the standard library on every
    /// UTF-8 length and on lone surrogates (both give U+FFFD).
    func testDocumentTextTranscodesLikeTheStandardLibrary() {
        let samples: [[UInt16]] = [
            Array("NVIDIA 英伟达 é ü 😀 $1.29T".utf16), [0xD800], [0x41, 0xDC00, 0x42], [0xD83D, 0x41], [],
            Array("輝達\n2330.TW 🇹🇼".utf16),
        ]
        for units in samples {
            let text = DocumentText(utf16: units)
            XCTAssertEqual(text.string, String(decoding: units, as: UTF16.self), "\(units)")
            if units.count > 2 { XCTAssertEqual(text.slice(1..<units.count), String(decoding: units[1...], as: UTF16.self)) }
        }
    }

    func testFullWidthFormsBecomeASCII() throws {
        XCTAssertEqual(try run("资本开支４３１０亿美元，同比＋６５％").0, "资本开支4310亿美元,同比+65%")
    }

    func testInvisibleCharactersAreRemoved() throws {
        XCTAssertEqual(try run("NV\u{200B}IDIA\u{FEFF} cap\u{00AD}ex\u{200E}\u{0007}").0, "NVIDIA capex")
    }

    func testWhitespaceIsFolded() throws {
        let (text, _) = try run("  a \t\u{00A0} b  \r\nc\u{3000}d\r\r\n\n\n\n  e  ")
        XCTAssertEqual(text, "a b\nc d\n\ne")
    }

    func testEveryUnitMapsBackToItsSource() throws {
        let source = "Ｑ3 revenue　 ＄２１５.９B\u{200B} 英伟达\r\n\n\nnext"
        let (text, out) = try run(source)
        XCTAssertEqual(text, "Q3 revenue $215.9B 英伟达\n\nnext")
        let src = Array(source.utf16)
        XCTAssertEqual(out.map.count, out.utf16.count + 1)
        for (i, unit) in out.utf16.enumerated() where unit != 0x20 && unit != 0x0A {
            // Unchanged characters map to themselves; rewritten ones to the character they came from.
            let original = String(decoding: [src[Int(out.map[i])]], as: UTF16.self)
            XCTAssertEqual(original.precomposedStringWithCompatibilityMapping, String(decoding: [unit], as: UTF16.self))
        }
        // "英伟达" in the stored text maps back to the same span of the source.
        let stored = Array(text.utf16), needle = Array("英伟达".utf16)
        let at = try XCTUnwrap((0...(stored.count - needle.count)).first { Array(stored[$0..<($0 + needle.count)]) == needle })
        XCTAssertEqual(String(decoding: src[Int(out.map[at])..<Int(out.map[at]) + 3], as: UTF16.self), "英伟达")
    }

    func testSourceMapGivesLinesAndColumns() throws {
        let raw = try TextReader().read(Array("line one\n  second line: ＮＶＩＤＩＡ\nthird".utf8), path: "a.txt", format: .text)
        let out = try normalizer.normalize(raw.text)
        let map = SourceMap(unitMap: out.map.dropLast(), anchors: raw.anchors)
        let text = String(decoding: out.utf16, as: UTF16.self)
        XCTAssertEqual(text, "line one\nsecond line: NVIDIA\nthird")
        let nvidia = text.utf16.count - "NVIDIA\nthird".utf16.count
        XCTAssertEqual(map.location(ofText: nvidia).line, 2)
        XCTAssertEqual(map.location(ofText: nvidia).column, 16)
        XCTAssertEqual(map.location(ofText: text.utf16.count - 5).line, 3)
    }
}
