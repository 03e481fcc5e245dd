import NoteGraphCore
import Readers
import TestSupport
import XCTest
@testable import Segmentation

/// Normalises and segments a string as the pipeline does.
func segment(_ s: String, maxSentenceLength: Int = 2000) throws -> (DocumentText, Segmenter.Output) {
    let out = try TextNormalizer().normalize(Array(s.utf16))
    let text = DocumentText(utf16: out.utf16)
    return (text, try Segmenter(maxSentenceLength: maxSentenceLength).segment(text))
}

final class SegmenterTests: XCTestCase {
    func sentences(_ s: String) throws -> [String] {
        let (text, out) = try segment(s)
        return out.segments.sentences.map { text.slice($0.range) }
    }

    /// Cutting a long text at line breaks and segmenting the pieces on several threads must give
    /// exactly what one pass over the whole gives: on every corpus note and UTF-8 fixture, cut
    /// into 2, 3 and 7 chunks.
    func testChunkedSegmentationEqualsOnePass() throws {
        var files = try TestPaths.corpusFiles()
        files += ["en-research-note.md", "zh-news-digest.txt", "bilingual-qa.txt"].map { TestPaths.notes.appendingPathComponent($0) }
        var cutFiles: Set<String> = []
        defer { XCTAssertGreaterThanOrEqual(cutFiles.count, files.count - 2, "most notes have line breaks to cut at") }
        for file in files {
            let out = try TextNormalizer().normalize(Array(try String(contentsOf: file, encoding: .utf8).utf16))
            let text = DocumentText(utf16: out.utf16)
            var single = Segmenter()
            single.maxChunks = 1
            let expected = try single.segment(text)
            for chunks in [2, 3, 7] {
                var parallel = Segmenter()
                parallel.parallelThreshold = 1
                parallel.maxChunks = chunks
                if Segmenter.chunks(text.utf16, count: chunks).count > 1 { cutFiles.insert(file.lastPathComponent) }
                let got = try parallel.segment(text)
                let name = "\(file.lastPathComponent) in \(chunks) chunks"
                XCTAssertEqual(got.segments.tokens, expected.segments.tokens, name)
                XCTAssertEqual(got.segments.sentences.map(\.range), expected.segments.sentences.map(\.range), name)
                XCTAssertEqual(got.segments.sentences.map(\.tokens), expected.segments.sentences.map(\.tokens), name)
                XCTAssertEqual(got.segments.paragraphs.map(\.range), expected.segments.paragraphs.map(\.range), name)
                XCTAssertEqual(got.language, expected.language, name)
            }
        }
    }

    func testEnglishSentencesKeepAbbreviationsAndDecimals() throws {
        XCTAssertEqual(try sentences("Capex in the U.S. rose 1.29 times last year. Mr. Huang disagreed! Did it? Yes."),
                       ["Capex in the U.S. rose 1.29 times last year.", "Mr. Huang disagreed!", "Did it?", "Yes."])
    }

    func testChineseSentencePunctuation() throws {
        XCTAssertEqual(try sentences("资本开支大增。英伟达再创新高！需求会持续吗？我们认为会；但有风险"),
                       ["资本开支大增。", "英伟达再创新高!", "需求会持续吗?", "我们认为会;", "但有风险"])
    }

    func testEnglishSemicolonDoesNotSplit() throws {
        XCTAssertEqual(try sentences("Memory is tight; prices rise."), ["Memory is tight; prices rise."])
    }

    func testLinesAreParagraphsWithTheirLanguage() throws {
        let (_, out) = try segment("Hyperscaler capex keeps rising.\n超大规模云厂商的资本开支在持续上升，增速超出市场预期。\n谷歌 Gemini 3 Pro and OpenAI Sora 2 推理需求\n2026 | 7000")
        XCTAssertEqual(out.segments.paragraphs.map(\.language), [.en, .zh, .mixed, .none])
        XCTAssertEqual(out.language, .mixed)
    }

    func testTokenKindsScriptsAndLowercase() throws {
        let (text, out) = try segment("NVIDIA 4310亿美元, +65% 台积电")
        let tokens = out.segments.tokens
        func token(_ s: String) -> Token? { tokens.first { $0.text(in: text) == s } }
        XCTAssertEqual(token("NVIDIA")?.kind, .word)
        XCTAssertEqual(token("NVIDIA")?.script, .latin)
        XCTAssertEqual(token("NVIDIA")?.lower(in: text), "nvidia")
        XCTAssertEqual(token("4310")?.kind, .number)
        XCTAssertEqual(token(",")?.kind, .punctuation)
        XCTAssertEqual(token("+")?.kind, .symbol)
        XCTAssertEqual(token("%")?.kind, .punctuation)
        XCTAssertTrue(tokens.contains { $0.script == .han && $0.kind == .word })
        XCTAssertFalse(tokens.contains { text.slice($0.range).trimmingCharacters(in: .whitespaces).isEmpty }, "no space tokens")
    }

    /// A 1 MB paragraph without sentence punctuation is cut into bounded sentences.
    func testLongParagraphIsCutIntoBoundedSentences() throws {
        let paragraph = String(repeating: "capex supply chain demand ", count: 40_000)
        let (_, out) = try segment(paragraph, maxSentenceLength: 2000)
        XCTAssertGreaterThan(out.cutSentences, 400)
        XCTAssertTrue(out.segments.sentences.allSatisfy { $0.range.count <= 2000 })
        // Every token still belongs to exactly one sentence.
        XCTAssertEqual(out.segments.sentences.map(\.tokens.count).reduce(0, +), out.segments.tokens.count)
    }

    func testSurrogatePairsGiveScalarOffsets() throws {
        let (text, out) = try segment("𠀀 NVIDIA")
        let nvidia = try XCTUnwrap(out.segments.tokens.first { $0.text(in: text) == "NVIDIA" })
        XCTAssertEqual(nvidia.start, 3)
        XCTAssertEqual(text.scalarOffset(Int(nvidia.start)), 2)
        XCTAssertEqual(text.utf16Offset(scalar: 2), 3)
    }
}
