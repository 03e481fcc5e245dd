import Extraction
import Foundation
import NoteGraphCore

/// Runs the conformance cases of ../shared/conformance/recognizers-text (JSON lines written
/// outside this project) through the pipeline and counts, per file, language and kind, the
/// cases whose expectations NoteGraph meets. A case passes when what the grammars find of its
/// kind is exactly what it expects: the same spans (scalar offsets), the same values, and for
/// money the same currency. Kinds NoteGraph has no stage for yet count as failures, so the
/// rates say how far the figure and date stages are from the suite, not how well they do on
/// what they attempt.
public struct Conformance {
    public let settings: PipelineSettings

    public init(settings: PipelineSettings) { self.settings = settings }

    /// One case as the file gives it.
    struct Case {
        var file: String
        var line: Int
        var lang: String
        var kind: String
        var text: String
        var referenceDate: String?
        var expected: [Span]
    }

    /// An expected or found figure: where, what value, which currency.
    struct Span: CustomStringConvertible {
        var start: Int
        var end: Int
        var value: Double?
        var currency: String?

        /// Whether `found` meets `expected` (a currency is compared only where the case gives one).
        static func meets(_ found: Span, _ expected: Span) -> Bool {
            let a = found, b = expected
            guard a.start == b.start, a.end == b.end, b.currency == nil || a.currency == b.currency else { return false }
            switch (a.value, b.value) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
            default: return false
            }
        }

        var description: String {
            "\(start)-\(end)" + (value.map { "=\($0)" } ?? "") + (currency.map { " \($0)" } ?? "")
        }
    }

    /// Pass counts by a row key (file, language, kind).
    public struct Tally: Sendable {
        public var passed = 0
        public var total = 0
        public var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    }

    public struct Report: Sendable {
        /// "file lang kind" → tally.
        public var rows: [String: Tally] = [:]
        /// First failures of each row, for reading: "text — expected … found …".
        public var examples: [String: [String]] = [:]
        public var total: Tally { rows.values.reduce(into: Tally()) { $0.passed += $1.passed; $0.total += $1.total } }
    }

    /// Reads every `*.jsonl` file of `directory`; a malformed line is an error naming file and line.
    static func cases(in directory: URL) throws -> [Case] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        var out: [Case] = []
        for name in files {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
                guard let json = try? JSONValue.parse(Data(line.utf8)), let lang = json["lang"]?.stringValue,
                      let kind = json["kind"]?.stringValue, let caseText = json["text"]?.stringValue,
                      let expected = json["expected"]?.arrayValue else {
                    throw InputError(path: directory.appendingPathComponent(name).path, location: "line \(i + 1)",
                                     "not a conformance case (an object with lang, kind, text and expected)")
                }
                let spans = expected.map { e in
                    Span(start: e["start"]?.doubleValue.map(Int.init) ?? -1, end: e["end"]?.doubleValue.map(Int.init) ?? -1,
                         value: e["value"]?.doubleValue, currency: kind == "money" ? e["currency"]?.stringValue : nil)
                }
                out.append(Case(file: name, line: i + 1, lang: lang, kind: kind, text: caseText,
                                referenceDate: json["reference_date"]?.stringValue.map { String($0.prefix(10)) }, expected: spans))
            }
        }
        return out
    }

    /// What the pipeline finds of `kind` in `text`, as spans.
    func found(_ c: Case) throws -> [Span] {
        let work = try GrammarWorkbench(settings: settings).run(c.text, referenceDate: c.referenceDate)
        guard let document = work.document else { return [] }
        // Offsets in the case's own text: the stored text is normalised (trimmed, NFKC), so go
        // back through the source map, then from UTF-16 to scalars.
        var scalarAt = [Int](repeating: 0, count: c.text.utf16.count + 1)
        var k = 0, n = 0
        for scalar in c.text.unicodeScalars {
            for _ in 0..<scalar.utf16.count { scalarAt[k] = n; k += 1 }
            n += 1
        }
        scalarAt[k] = n
        func original(_ offset: Int32, end: Bool) -> Int {
            let o = end ? document.sourceMap.sourceOffset(ofText: Int(offset) - 1) + 1 : document.sourceMap.sourceOffset(ofText: Int(offset))
            return scalarAt[min(max(o, 0), scalarAt.count - 1)]
        }
        var spans: [Span] = []
        for item in work.items {
            let unit = item.value["unit"]?.stringValue
            let wanted: Bool
            switch c.kind {
            case "number": wanted = item.dimension == "number"
            case "percent": wanted = item.dimension == "figure" && unit == "%"
            case "money": wanted = item.dimension == "figure" && unit != nil && unit != "%"
            default: wanted = false   // dimension, range, date, datetime: no stage yet
            }
            guard wanted else { continue }
            spans.append(Span(start: original(item.start, end: false), end: original(item.end, end: true),
                              value: item.value["value"]?.doubleValue, currency: c.kind == "money" ? unit : nil))
        }
        return spans
    }

    public func run(directory: URL, examplesPerRow: Int = 3) throws -> Report {
        var report = Report()
        for c in try Self.cases(in: directory) {
            let key = "\(c.file) \(c.lang) \(c.kind)"
            let found = try self.found(c)
            let passed = found.count == c.expected.count && zip(found.sorted { $0.start < $1.start },
                                                                 c.expected.sorted { $0.start < $1.start }).allSatisfy(Span.meets)
            report.rows[key, default: Tally()].total += 1
            if passed {
                report.rows[key, default: Tally()].passed += 1
            } else if report.examples[key, default: []].count < examplesPerRow {
                report.examples[key, default: []].append("line \(c.line): \(c.text.prefix(60)) — expected \(c.expected) found \(found)")
            }
        }
        return report
    }
}
