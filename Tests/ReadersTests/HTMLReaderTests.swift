import NoteGraphCore
import TestSupport
import XCTest
@testable import Readers

final class HTMLReaderTests: XCTestCase {
    let reader = HTMLReader()

    func text(_ html: String, path: String = "page.html") throws -> (String, RawNote) {
        let raw = try reader.read(Array(html.utf8), path: path)
        return (String(decoding: raw.text, as: UTF16.self), raw)
    }

    func testTimelineFixtureKeepsOnlyVisibleText() throws {
        let raw = try reader.read(try TestPaths.fixtureBytes("timeline.html"), path: "timeline.html")
        let text = String(decoding: raw.text, as: UTF16.self)
        for marker in ["ZZ-STYLE", "ZZ-CSS", "ZZ-SCRIPT", "ZZ-NAV", "ZZ-NOSCRIPT", "ZZ-TEMPLATE", "ZZ-HIDDEN-ATTR",
                       "ZZ-DISPLAY-NONE", "ZZ-ARIA-HIDDEN", "ZZ-ASIDE", "ZZ-FOOTER"] {
            XCTAssertFalse(text.contains(marker), "\(marker) leaked into the text")
        }
        XCTAssertFalse(text.contains("Meta cancels all capex"))
        let lines = text.split(separator: "\n").map(String.init)
        // Adjacent blocks never glue together.
        XCTAssertTrue(lines.contains("Basket"), "\(lines.prefix(20))")
        XCTAssertTrue(lines.contains("184.3"))
        XCTAssertFalse(text.contains("Basket184.3"))
        XCTAssertTrue(lines.contains("Apr 27, 2026"))
        XCTAssertEqual(raw.title, "AI Compute Chain — Event Timeline")
        XCTAssertEqual(raw.declaredLanguage, "en")
        XCTAssertEqual(raw.metaDates.first, "2026-04-27T08:00:00Z")
        XCTAssertEqual(raw.times.count, 12)
        XCTAssertEqual(raw.times.first?.datetime, "2022-11-30")
        // The element's text starts where the time was recorded.
        let first = try XCTUnwrap(raw.times.first)
        XCTAssertTrue(String(decoding: raw.text[Int(first.offset)...].prefix(12), as: UTF16.self).hasPrefix("Nov 30, 2022"))
        // Entities are decoded; <br> breaks the line.
        XCTAssertTrue(lines.contains("中文版: coming soon"), "\(lines.suffix(12))")
        XCTAssertTrue(lines.contains("Edition: English"))
        XCTAssertTrue(raw.warnings.isEmpty, "\(raw.warnings)")
    }

    func testTableRowsArePipeRowsAndListItemsSeparateLines() throws {
        let (text, _) = try text("<table><tr><th>Metric</th><th>2026</th></tr><tr><td>Capex</td><td>$700B</td></tr></table><ul><li>a</li><li>b</li></ul>")
        XCTAssertEqual(text, "| Metric | 2026 |\n| Capex | $700B |\na\nb")
    }

    /// Blocks and line breaks inside a cell do not cut its row; a table in a cell stays in it.
    func testBlocksInsideCellsStayInTheirRow() throws {
        let (text, _) = try text("<p>Intro</p><table><tr><td><p>Cap</p><p>ex</p></td><td>1<br>2</td><td><table><tr><td>in</td><td>ner</td></tr></table></td></tr></table><p>After</p>")
        XCTAssertEqual(text, "Intro\n| Cap ex | 1 2 | in ner |\nAfter")
    }

    func testBrokenMarkupIsRecovered() throws {
        let (text, _) = try text("<html><body><p>one<p>two</div><li>three <b>bold</i> end")
        XCTAssertEqual(text.split(separator: "\n").map(String.init), ["one", "two", "three bold end"])
    }

    func testDeepNestingDoesNotBlowUp() throws {
        let depth = 10_000
        let html = String(repeating: "<div>", count: depth) + "deep text" + String(repeating: "</div>", count: depth) + "<p>after</p>"
        let (text, raw) = try text(html)
        XCTAssertTrue(text.contains("deep text"))
        XCTAssertTrue(text.contains("after"))
        XCTAssertFalse(raw.warnings.isEmpty, "depth beyond the limit is reported")
    }

    func testTagWithAHundredThousandAttributesIsBounded() throws {
        var html = "<html><body><div"
        for i in 0..<100_000 { html += " a\(i)=\"v\"" }
        html += ">attribute flood</div><p>next</p></body></html>"
        let (text, raw) = try text(html)
        XCTAssertEqual(text, "attribute flood\nnext")
        XCTAssertTrue(raw.warnings.contains { $0.contains("100000 attributes") }, "\(raw.warnings)")
    }

    func testInternalEntityDefinitionsAreNeverExpanded() throws {
        var dtd = "<!DOCTYPE html [<!ENTITY lol \"lol\">"
        for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
        dtd += "]>"
        let (text, _) = try text(dtd + "<html><body><p>start &lol9; end</p></body></html>")
        XCTAssertFalse(text.contains("lollol"))
        XCTAssertLessThan(text.utf16.count, 200)
        XCTAssertTrue(text.contains("start"))
    }

    func testExternalEntitiesAreNeverLoaded() throws {
        let html = "<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><html><body><p>x &xxe; y</p><img src=\"file:///etc/passwd\"></body></html>"
        let (text, _) = try text(html)
        XCTAssertFalse(text.contains("root:"))
        XCTAssertTrue(text.hasPrefix("x"))
    }

    func testDeclaredLegacyCharsetIsHonouredWhenBytesAreNotUTF8() throws {
        // <meta charset="gbk"> then 英伟达 in GBK.
        let bytes = Array("<html><head><meta charset=\"gbk\"><title>t</title></head><body><p>".utf8) + [0xD3, 0xA2, 0xCE, 0xB0, 0xB4, 0xEF] + Array("</p></body></html>".utf8)
        let raw = try reader.read(bytes, path: "gbk.html")
        XCTAssertEqual(String(decoding: raw.text, as: UTF16.self), "英伟达")
        XCTAssertEqual(raw.encoding, "gbk")
    }

    func testPageDeclaringAnotherCharsetButSentAsUTF8StaysUTF8() throws {
        let (text, _) = try text("<html><head><meta charset=\"iso-8859-1\"></head><body><p>台积电 — TSMC</p></body></html>")
        XCTAssertEqual(text, "台积电 — TSMC")
    }
}
