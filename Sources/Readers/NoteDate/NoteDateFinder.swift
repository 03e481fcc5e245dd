import Foundation
import NoteGraphCore

/// Finds the date a note states for itself: HTML metadata first, else a date line near the top
/// ("Note date: 2025-06-30", a "Source · 2025-12-17 03:37" dateline). The line patterns are data
/// (`Resources/datelines.json`) with their examples beside them; later stages resolve relative
/// dates ("今年", "last quarter") against what this finds.
public struct NoteDateFinder: Sendable {
    public struct Pattern: Sendable {
        public let name: String
        let regex: NSRegularExpression
        public let examples: [(line: String, date: String)]
        public let nonExamples: [String]
    }

    public let patterns: [Pattern]
    public let scanLines: Int
    let months: [String: Int]

    /// The built-in patterns; a broken resource is a bug in the package, reported as such.
    public static let builtIn: NoteDateFinder = {
        do {
            guard let url = Bundle.module.url(forResource: "datelines", withExtension: "json", subdirectory: "Resources") else {
                throw InternalError("NoteDateFinder", "datelines.json missing from the package resources")
            }
            return try NoteDateFinder(data: Data(contentsOf: url), file: "datelines.json")
        } catch {
            fatalError("built-in datelines.json does not load: \(error)")
        }
    }()

    public init(data: Data, file: String) throws {
        let json = try JSONValue.parse(data)
        scanLines = json["scanLines"]?.intValue ?? 15
        var months: [String: Int] = [:]
        if case let .object(fields)? = json["months"] { for (k, v) in fields { months[k] = v.intValue } }
        self.months = months
        var patterns: [Pattern] = []
        for (i, p) in (json["patterns"]?.arrayValue ?? []).enumerated() {
            guard let name = p["name"]?.stringValue, let source = p["regex"]?.stringValue else {
                throw ConfigError(file: file, keyPath: "patterns[\(i)]", "needs a name and a regex")
            }
            let regex: NSRegularExpression
            do { regex = try NSRegularExpression(pattern: source) } catch {
                throw ConfigError(file: file, keyPath: "patterns[\(i)].regex", "invalid regular expression: \(error)")
            }
            let examples = (p["examples"]?.arrayValue ?? []).compactMap { e -> (String, String)? in
                guard let l = e["line"]?.stringValue, let d = e["date"]?.stringValue else { return nil }
                return (l, d)
            }
            if examples.isEmpty { throw ConfigError(file: file, keyPath: "patterns[\(i)].examples", "a pattern needs examples") }
            let nonExamples = (p["nonExamples"]?.arrayValue ?? []).compactMap(\.stringValue)
            patterns.append(Pattern(name: name, regex: regex, examples: examples, nonExamples: nonExamples))
        }
        self.patterns = patterns
    }

    /// The note's date from its metadata or its first lines.
    public func find(metaDates: [String], text: DocumentText) -> NoteDate? {
        for meta in metaDates {
            if let iso = Self.isoDay(meta) { return NoteDate(iso: iso, origin: "html-meta") }
        }
        for line in text.firstLines(scanLines) {
            if let found = match(line) { return NoteDate(iso: found.date, origin: "dateline:" + found.pattern) }
        }
        return nil
    }

    /// The first pattern matching one line, with the date it gives.
    public func match(_ line: String) -> (pattern: String, date: String)? {
        // Every pattern needs a four-digit year: most lines have none, and skip the regexes.
        var run = 0, hasYear = false
        for u in line.utf8 {
            run = (u >= 0x30 && u <= 0x39) ? run + 1 : 0
            if run == 4 { hasYear = true; break }
        }
        guard hasYear else { return nil }
        let ns = line as NSString
        for p in patterns {
            guard let m = p.regex.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { continue }
            func group(_ name: String) -> String? {
                let r = m.range(withName: name)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
            guard let y = group("y").flatMap({ Int($0) }), let d = group("d").flatMap({ Int($0) }) else { continue }
            let month = group("m").flatMap { Int($0) } ?? group("mon").flatMap { months[String($0.prefix(3)).lowercased()] }
            guard let mo = month, let iso = Self.iso(y, mo, d) else { continue }
            return (p.name, iso)
        }
        return nil
    }

    /// `YYYY-MM-DD` from the start of an ISO timestamp, if it is a real date.
    static func isoDay(_ value: String) -> String? {
        let parts = value.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return iso(y, m, d)
    }

    static func iso(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= days[m - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
