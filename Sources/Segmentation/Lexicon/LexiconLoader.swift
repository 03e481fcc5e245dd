import Foundation
import NoteGraphCore

/// Loads lexicon files: JSON Lines, one entry per line, `#` comments and blank lines allowed.
/// A line is a company or organisation, or (with `"class": "product"`) a product and its maker.
/// The format is documented in docs/lexicons.md.
///
/// Checks everything at load time and names the file, line and entry of each problem: bad JSON,
/// unknown keys, a missing or malformed id, an empty name, a duplicate id, a malformed ticker, a
/// parent that does not exist, and a surface form claimed by two entries. A later file may
/// redefine an entry of an earlier one by reusing its id (user lexicons extend the built-in one).
public struct LexiconLoader {
    public static let companyKeys = ["id", "name", "type", "zh_hans", "zh_hant", "aliases", "tickers", "sector", "region", "parent", "fy_end", "ambiguous"]
    public static let companyTypes = ["company", "broker", "bank", "media", "research", "fund", "government", "university", "consortium", "lab"]

    /// The lexicons shipped with NoteGraph.
    public static func builtInFiles() throws -> [URL] {
        try ["companies", "products"].map { name in
            guard let url = Bundle.module.url(forResource: name, withExtension: "jsonl", subdirectory: "Resources/lexicons") else {
                throw InternalError("LexiconLoader", "\(name).jsonl missing from the package resources")
            }
            return url
        }
    }

    /// Loads the built-in lexicons and then `userFiles`, in order.
    public static func load(userFiles: [URL] = []) throws -> Lexicon {
        var loader = LexiconLoader()
        for url in try builtInFiles() + userFiles {
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw InputError(path: url.path, "cannot read lexicon file: \(error.localizedDescription)")
            }
            try loader.add(data: data, file: url.path)
        }
        return try loader.finish()
    }

    var entries: [LexiconEntry] = []
    var index: [String: Int] = [:]          // class/id → position
    var lines: [String: Int] = [:]          // class/id → line, for messages

    public init() {}

    public mutating func add(data: Data, file: String) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(path: file, "lexicon file is not valid UTF-8")
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let entry = try Self.companyEntry(String(trimmed), file: file, stem: stem, line: lineNumber)
            let key = entry.lexiconClass + "/" + entry.id
            if let existing = index[key] {
                if entries[existing].origin.hasPrefix(file + ":") {
                    throw InputError(path: file, location: "line \(lineNumber) (entry \(entry.id))",
                                     "duplicate id \"\(entry.id)\", first defined on line \(lines[key] ?? 0)")
                }
                entries[existing] = entry                  // a later file redefines the entry
            } else {
                index[key] = entries.count
                entries.append(entry)
            }
            lines[key] = lineNumber
        }
    }

    /// Cross-entry checks, then the lexicon (with one `ambiguous` entry per shared name).
    public func finish() throws -> Lexicon {
        var owner: [String: LexiconEntry] = [:]
        var sharers: [String: [LexiconEntry]] = [:]
        var sharedOrder: [String] = []
        for e in entries {
            for name in e.sharedNames {
                if sharers[name] == nil { sharedOrder.append(name) }
                sharers[name, default: []].append(e)
            }
        }
        for e in entries {
            for term in e.terms {
                let key = e.lexiconClass + "\u{1F}" + term
                let (path, line) = Self.split(e.origin)
                if let other = owner[key], other.id != e.id {
                    throw InputError(path: path, location: "line \(line) (entry \(e.id))",
                                     "\"\(term)\" is also a name of entry \(other.id) (\(other.origin)); a name may belong to one entry only, "
                                        + "unless every entry that uses it lists it under \"ambiguous\" and a companies context rule decides between them")
                }
                if let other = sharers[term]?.first(where: { $0.id != e.id }) {
                    throw InputError(path: path, location: "line \(line) (entry \(e.id))",
                                     "\"\(term)\" is a shared name of entry \(other.id) (\(other.origin)); list it under \"ambiguous\" here too, or remove it")
                }
                owner[key] = e
            }
            if e.lexiconClass == "product" { continue }
            if let parent = e.property("parent")?.stringValue, index[e.lexiconClass + "/" + parent] == nil {
                let (path, line) = Self.split(e.origin)
                throw InputError(path: path, location: "line \(line) (entry \(e.id))", "parent \"\(parent)\" is not an entry of the lexicon")
            }
        }
        for e in entries where e.lexiconClass == "product" {
            try checkProduct(e, owner: owner, sharedNames: Set(sharedOrder))
        }
        var all = entries
        for name in sharedOrder {
            var shared = LexiconEntry(id: name, lexiconClass: "ambiguous", name: name, terms: [name], origin: sharers[name]![0].origin)
            shared.candidates = sharers[name]!.map(\.id)
            all.append(shared)
        }
        return Lexicon(entries: all)
    }

    public static func split(_ origin: String) -> (String, Int) {
        guard let colon = origin.lastIndex(of: ":") else { return (origin, 0) }
        return (String(origin[..<colon]), Int(origin[origin.index(after: colon)...]) ?? 0)
    }

    static func companyEntry(_ line: String, file: String, stem: String, line number: Int) throws -> LexiconEntry {
        func fail(_ id: String?, _ reason: String) -> InputError {
            InputError(path: file, location: "line \(number)" + (id.map { " (entry \($0))" } ?? ""), reason)
        }
        let json: JSONValue
        do { json = try JSONValue.parse(Data(line.utf8)) } catch {
            throw fail(nil, "not a JSON object: \(Self.reason(error))")
        }
        guard case let .object(fields) = json else { throw fail(nil, "expected a JSON object, found \(json.typeDescription)") }
        let id = json["id"]?.stringValue
        if let lexiconClass = json["class"] {
            guard lexiconClass == .string("product") else {
                throw fail(id, "unknown class \(lexiconClass.serialized); valid: \"product\" (a company line has no class)")
            }
            return try productEntry(json, fields: fields, origin: "\(file):\(number)", fail: { fail(id, $0) })
        }
        for (key, _) in fields where !companyKeys.contains(key) {
            throw fail(id, "unknown key \"\(key)\"; valid keys: \(companyKeys.joined(separator: ", "))")
        }
        guard let id, !id.isEmpty else { throw fail(nil, "missing \"id\"") }
        guard isSlug(id) else { throw fail(id, "id must be lowercase letters, digits and single hyphens, e.g. \"morgan-stanley\"") }
        guard let rawName = json["name"]?.stringValue else { throw fail(id, "missing \"name\"") }
        let name = rawName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw fail(id, "empty name") }
        func strings(_ key: String) throws -> [String] {
            guard let v = json[key], v != .null else { return [] }
            guard case let .array(items) = v else { throw fail(id, "\"\(key)\" must be an array of strings, found \(v.typeDescription)") }
            return try items.map { item in
                guard case let .string(s) = item else { throw fail(id, "\"\(key)\" must hold strings, found \(item.typeDescription)") }
                let t = s.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { throw fail(id, "empty name in \"\(key)\"") }
                return t
            }
        }
        func string(_ key: String) throws -> String? {
            guard let v = json[key], v != .null else { return nil }
            guard case let .string(s) = v else { throw fail(id, "\"\(key)\" must be a string, found \(v.typeDescription)") }
            return s
        }
        let tickers = try strings("tickers")
        for t in tickers where !isTicker(t) {
            throw fail(id, "malformed ticker \"\(t)\": expected e.g. NVDA, BRK.B, 2330.TW, 0700.HK, 688012.SH, 300750.SZ, 005930.KS, 6857.T, ASML.AS")
        }
        var properties: [(String, JSONValue)] = []
        if let type = try string("type") {
            guard companyTypes.contains(type) else { throw fail(id, "unknown type \"\(type)\"; valid: \(companyTypes.joined(separator: ", "))") }
            properties.append(("type", .string(type)))
        } else {
            properties.append(("type", .string("company")))
        }
        for key in ["sector", "region", "parent", "fy_end"] {
            if let v = try string(key) { properties.append((key, .string(v))) }
        }
        if let fy = json["fy_end"]?.stringValue, !(fy.count == 2 && (Int(fy).map { (1...12).contains($0) } ?? false)) {
            throw fail(id, "fy_end must be a month \"01\" to \"12\", found \"\(fy)\"")
        }
        var terms: [String] = []
        for t in try [name] + strings("zh_hans") + strings("zh_hant") + strings("aliases") + tickers {
            let normalized = normalize(t)
            if !terms.contains(normalized) { terms.append(normalized) }
        }
        var entry = LexiconEntry(id: id, lexiconClass: "company", name: name, terms: terms, tickers: tickers,
                                 properties: properties, origin: "\(file):\(number)")
        for shared in try strings("ambiguous").map(normalize) {
            if terms.contains(shared) { throw fail(id, "\"\(shared)\" is listed under \"ambiguous\" and as a name; keep it in one place") }
            if !entry.sharedNames.contains(shared) { entry.sharedNames.append(shared) }
        }
        return entry
    }

    static func reason(_ error: Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }

    public static func isSlug(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") } }
    }

    /// US-style symbols (NVDA, BRK.B) or a local code with its exchange suffix.
    static func isTicker(_ t: String) -> Bool {
        let upperOrDigit: (Character) -> Bool = { ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard let code = parts.first, !code.isEmpty, code.count <= 10, code.allSatisfy(upperOrDigit) else { return false }
        if parts.count == 1 { return code.first.map { $0 >= "A" && $0 <= "Z" } ?? false }
        guard parts.count == 2, let suffix = parts.last else { return false }
        let exchanges: [String: (Character) -> Bool] = [
            "TW": { $0.isNumber }, "TWO": { $0.isNumber }, "HK": { $0.isNumber }, "SH": { $0.isNumber }, "SZ": { $0.isNumber },
            "KS": { $0.isNumber }, "KQ": { $0.isNumber }, "T": upperOrDigit, "BJ": { $0.isNumber },
        ]
        if let digitsOnly = exchanges[String(suffix)] { return code.allSatisfy(digitsOnly) }
        // European and other listings: letters/digits with a 1–3 letter exchange suffix (ASML.AS).
        if ["AS", "PA", "DE", "L", "SW", "MI", "CO", "ST", "HE", "OL", "BR", "MC", "VI", "IR", "TO", "AX", "SI", "NS", "BO", "TA", "F"].contains(String(suffix)) { return true }
        // US share classes: BRK.B
        return suffix.count == 1 && suffix.allSatisfy { $0 >= "A" && $0 <= "Z" } && code.first.map { $0 >= "A" && $0 <= "Z" } ?? false
    }

    /// Terms are matched against normalised text, so they are normalised the same way.
    public static func normalize(_ term: String) -> String {
        term.precomposedStringWithCompatibilityMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
