import Extraction
import Foundation
import NoteGraphCore

/// Runs the conformance cases of ../shared/conformance/recognizers-text (JSON lines written
/// outside this project) through the pipeline and counts, per file, language and kind, the
/// cases whose expectations NoteGraph meets. A case passes when what the grammars find of its
/// kind is exactly what it expects: the same spans (scalar offsets), the same values, and for
/// money the same currency, for ranges the same bounds, for dates the same resolved date where
/// the case gives one. Cases out of scope for research notes are listed with their reason in
/// Fixtures/conformance/exclusions.tsv and counted apart, never dropped silently.
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

    /// An expected or found span: where, and what it resolves to (the fields a case gives).
    struct Span: CustomStringConvertible {
        var start: Int
        var end: Int
        var value: Double?
        var currency: String?
        /// The unit the found figure must have (dimension cases, in NoteGraph's units; nil: any).
        var unit: String? = nil
        /// A price per unit (USD/share): the suite marks only its amount ("$98" of "$98 a share").
        var perUnit = false
        /// Bounds of a range (`range` cases: {"min", "max"}; an open bound is nil).
        var low: Double? = nil
        var high: Double? = nil
        /// A date at its precision (2016-03, 2016-Q3, 2016-01-10/2016-01-12).
        var date: String? = nil
        /// Readings a case also accepts when its `date` is null (past/future, candidates).
        var dates: [String] = []
        /// Whether the case resolves its dates at all (the extractor file gives spans only).
        var resolvesDate = false

        /// Whether `found` meets `expected` (a currency is compared only where the case gives one).
        static func meets(_ found: Span, _ expected: Span) -> Bool {
            let a = found, b = expected
            // A price per unit keeps its denominator in NoteGraph's span; the case's amount is its start.
            let sameSpan = a.start == b.start && (a.end == b.end || (a.perUnit && b.end > a.start && b.end < a.end))
            guard sameSpan, b.currency == nil || a.currency == b.currency,
                  b.unit == nil || a.unit == b.unit else { return false }
            if b.resolvesDate {
                guard let d = a.date else { return false }
                if d == b.date || b.dates.contains(d) { return true }
                // By meaning: the same days, whichever way each side writes a range's end.
                guard let found = ConformanceDate(d) else { return false }
                return ([b.date].compactMap { $0 } + b.dates).contains { ConformanceDate.suite($0).map(found.meets) ?? false }
            }
            // A case that gives a value only (money, percent, dimension) says nothing of the
            // bounds NoteGraph adds to "more than $247 million" (low 2.47e8): the value decides.
            if b.low == nil, b.high == nil, b.value != nil { return same(a.value, b.value) }
            return same(a.value, b.value) && same(a.low, b.low) && same(a.high, b.high)
        }

        static func same(_ x: Double?, _ y: Double?) -> Bool {
            switch (x, y) {
            case (nil, nil): return true
            case let (x?, y?): return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
            default: return false
            }
        }

        var description: String {
            "\(start)-\(end)" + (value.map { "=\($0)" } ?? "") + (low != nil || high != nil ? " [\(low.map { "\($0)" } ?? "")…\(high.map { "\($0)" } ?? "")]" : "")
                + (currency.map { " \($0)" } ?? "") + (unit.map { " \($0)" } ?? "") + (date.map { " \($0)" } ?? "") + (dates.isEmpty ? "" : " \(dates)")
        }
    }

    /// Pass counts by a row key (file, language, kind).
    public struct Tally: Sendable {
        public var passed = 0
        /// Cases counted (excluded ones are not).
        public var total = 0
        public var excluded = 0
        public var rate: Double { total == 0 ? 0 : Double(passed) / Double(total) }
    }

    public struct Report: Sendable {
        /// "file lang kind" → tally.
        public var rows: [String: Tally] = [:]
        /// First failures of each row, for reading: "text — expected … found …".
        public var examples: [String: [String]] = [:]
        /// Excluded cases that pass.
        public var stale: [String] = []
        public var total: Tally { rows.values.reduce(into: Tally()) { $0.passed += $1.passed; $0.total += $1.total; $0.excluded += $1.excluded } }

        /// Totals of the rows whose key contains `part` (a language, a kind, a file).
        public func total(matching part: String) -> Tally {
            rows.filter { $0.key.split(separator: " ").contains(Substring(part)) }.values
                .reduce(into: Tally()) { $0.passed += $1.passed; $0.total += $1.total; $0.excluded += $1.excluded }
        }
    }

    /// The note date of date cases that give none (their expectations are spans only).
    static let spanOnlyReferenceDate = "2016-11-07"

    /// Reads every `*.jsonl` file of `directory`; a malformed line is an error naming file and line.
    /// Expected values in the suite's units are converted with `units` (ConformanceUnits).
    static func cases(in directory: URL, units: ConformanceUnits) throws -> [Case] {
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
                // A day that does not exist (Feb 30, 2019-02-29) is one the suite marks invalid and
                // NoteGraph refuses by design: such an expectation is met by finding nothing.
                let spans = expected.filter { !ConformanceDate.namesImpossibleDay($0["timex"]?.stringValue ?? "") }.map { e in
                    var span = Span(start: e["start"]?.doubleValue.map(Int.init) ?? -1, end: e["end"]?.doubleValue.map(Int.init) ?? -1,
                                    value: e["value"]?.doubleValue, currency: kind == "money" ? e["currency"]?.stringValue : nil)
                    if kind == "dimension" || kind == "money" {
                        (span.value, span.unit) = units.convert(span.value, unit: e["unit"]?.stringValue, kind: kind)
                    }
                    if let range = e["value"], case .object = range {
                        span.low = range["min"]?.doubleValue
                        span.high = range["max"]?.doubleValue
                    }
                    // Date cases resolve when they say what to (the extractor's give spans only).
                    if e["timex"] != nil || e["date"] != nil {
                        span.resolvesDate = true
                        span.date = e["date"]?.stringValue
                        span.dates = ["date_future", "date_past"].compactMap { e[$0]?.stringValue }
                            + (e["date_candidates"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                        if span.date == nil && span.dates.isEmpty { span.resolvesDate = false }
                    }
                    return span
                }
                // Date cases without a reference date (the extractor's: spans only) are read as a
                // note dated by a fixed day, so that yearless and relative dates are found at all;
                // 2016-11-07 is the suite's own English reference, in a leap year (Feb 29 exists).
                let reference = json["reference_date"]?.stringValue.map { String($0.prefix(10)) }
                    ?? (kind == "date" ? Self.spanOnlyReferenceDate : nil)
                out.append(Case(file: name, line: i + 1, lang: lang, kind: kind, text: caseText,
                                referenceDate: reference, expected: spans))
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
        for item in work.items where Self.kind(of: item) == c.kind {
            let v = item.value
            let (start, end) = item.core
            spans.append(Span(start: original(start, end: false), end: original(end, end: true),
                              value: v["value"]?.doubleValue, currency: c.kind == "money" ? v["unit"]?.stringValue.map { String($0.prefix { $0 != "/" }) } : nil,
                              unit: c.kind == "dimension" ? v["unit"]?.stringValue : nil,
                              perUnit: c.kind == "money" && v["unit"]?.stringValue?.contains("/") == true,
                              low: v["low"]?.doubleValue, high: v["high"]?.doubleValue, date: v["date"]?.stringValue))
        }
        return spans
    }

    /// The conformance kind an item answers: numbers (a range when it has bounds), figures by
    /// unit (% or percentage points, a currency — its price per unit too —, anything else
    /// measured), dates.
    static func kind(of item: Item) -> String? {
        let v = item.value
        switch item.dimension {
        case "number": return v["low"] != nil || v["high"] != nil ? "range" : "number"
        case "date": return "date"
        case "figure":
            guard let unit = v["unit"]?.stringValue else { return nil }
            // A percentage point is the suite's percent too (六个百分点 = 6 percent).
            if unit == "%" || unit == "pp" { return "percent" }
            let head = unit.prefix { $0 != "/" }
            if head.count == 3, head.allSatisfy({ $0.isASCII && $0.isUppercase }) { return "money" }
            // Counts, multiples and durations are no dimension of the suite (it reads durations
            // as dates).
            return ["count", "x", "year", "month", "week", "day"].contains(unit) ? nil : "dimension"
        default: return nil
        }
    }

    /// Cases left out on purpose, `file:line<TAB>reason` a line (# comments): read so that no
    /// case is dropped silently; a line naming no case, or giving no reason, is an error.
    static func exclusions(_ url: URL, cases: [Case]) throws -> [String: String] {
        let known = Set(cases.map { "\($0.file):\($0.line)" })
        var out: [String: String] = [:]
        let text = try String(contentsOf: url, encoding: .utf8)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw InputError(path: url.path, location: "line \(i + 1)", "expected `file:line<TAB>reason`, found \"\(line.prefix(60))\"")
            }
            guard known.contains(parts[0]) else {
                throw InputError(path: url.path, location: "line \(i + 1)", "no conformance case \(parts[0])")
            }
            out[parts[0]] = parts[1]
        }
        return out
    }

    /// Runs every case; cases listed in `exclusions` are run too but counted apart (an excluded
    /// case that passes is reported, so the list does not outlive its reason).
    public func run(directory: URL, exclusions: URL? = nil, examplesPerRow: Int = 3) throws -> Report {
        var report = Report()
        let cases = try Self.cases(in: directory, units: try ConformanceUnits.builtIn())
        let excluded = try exclusions.map { try Self.exclusions($0, cases: cases) } ?? [:]
        for c in cases {
            let key = "\(c.file) \(c.lang) \(c.kind)"
            let found = try self.found(c)
            let passed = found.count == c.expected.count && zip(found.sorted { $0.start < $1.start },
                                                                 c.expected.sorted { $0.start < $1.start }).allSatisfy(Span.meets)
            if let reason = excluded["\(c.file):\(c.line)"] {
                report.rows[key, default: Tally()].excluded += 1
                if passed { report.stale.append("\(c.file):\(c.line) passes but is excluded (\(reason))") }
                continue
            }
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
