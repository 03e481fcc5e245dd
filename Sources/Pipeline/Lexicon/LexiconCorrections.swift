import Foundation
import NoteGraphCore
import Segmentation

/// The user's lexicon corrections (`notegraph lexicon add/alias/merge`), kept in a lexicon file
/// beside pipeline.json so they survive re-runs, can be reviewed and committed, and apply on the
/// next import (the lexicon's fingerprint is part of the pipeline version, so every note is read
/// again with them).
///
/// A correction is a whole entry: a new company, or a copy of an existing one with more names
/// (a later lexicon file redefines an entry with the same id). Nothing is written unless the
/// lexicon still loads with the change.
public struct LexiconCorrections {
    public let settings: PipelineSettings
    public var file: URL { settings.correctionsFile }

    public init(settings: PipelineSettings) { self.settings = settings }

    /// A new company named `name` (also known by `names`), for an organisation found by rule.
    public func add(name: String, names: [String], id: String? = nil) throws -> LexiconEntry {
        let id = id ?? Self.slug(name)
        guard LexiconLoader.isSlug(id) else {
            throw InputError(path: file.path, "cannot make an id from \"\(name)\": give one with --new-id (lowercase letters, digits, hyphens)")
        }
        if let existing = settings.lexicon.entry(ofClass: "company", id: id) {
            throw InputError(path: file.path, "the lexicon already has an entry \(id) (\(existing.name), \(existing.origin)); choose another id with --new-id, or use 'notegraph lexicon alias \(id) NAME'")
        }
        var terms: [String] = []
        for n in [name] + names where !terms.contains(n) { terms.append(n) }
        let entry = LexiconEntry(id: id, lexiconClass: "company", name: name, terms: terms,
                                 properties: [("type", .string("company"))], origin: file.path)
        try save(entry)
        return entry
    }

    /// `names` added to the company `id` (a built-in entry is copied into the corrections).
    public func alias(_ id: String, names: [String]) throws -> LexiconEntry {
        guard var entry = settings.lexicon.entry(ofClass: "company", id: id) else {
            throw InputError(path: file.path, "no company \(id) in the lexicon (ids look like nvidia or company:nvidia)")
        }
        for n in names.map(LexiconLoader.normalize) where !entry.terms.contains(n) { entry.terms.append(n) }
        try save(entry)
        return entry
    }

    /// Whether the company `id` is defined in the corrections file (so a merge may remove it).
    public func isCorrection(_ id: String) -> Bool {
        settings.lexicon.entry(ofClass: "company", id: id)?.origin.hasPrefix(file.path + ":") ?? false
    }

    /// Writes `entry` in place of the corrections line with its id (or at the end), without the
    /// lines of `removing`, after checking the lexicon loads that way.
    public func save(_ entry: LexiconEntry, removing: [String] = []) throws {
        var lines = (try? String(contentsOf: file, encoding: .utf8))?.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) ?? []
        if lines.last == "" { lines.removeLast() }
        if lines.isEmpty {
            lines = ["# Lexicon corrections made with `notegraph lexicon add/alias/merge` (format: docs/lexicons.md).",
                     "# Entries here replace built-in entries with the same id."]
        }
        func id(of line: String) -> String? {
            guard line.hasPrefix("{"), let json = try? JSONValue.parse(Data(line.utf8)) else { return nil }
            return json["id"]?.stringValue
        }
        lines.removeAll { id(of: $0).map(removing.contains) ?? false }
        let newLine = LexiconWriter.line(entry)
        if let i = lines.firstIndex(where: { id(of: $0) == entry.id }) { lines[i] = newLine } else { lines.append(newLine) }
        let text = lines.joined(separator: "\n") + "\n"
        // The whole lexicon must still load: a name another entry has is refused here, with the
        // loader's own message.
        var loader = LexiconLoader()
        for url in try LexiconLoader.builtInFiles() + settings.lexiconFiles {
            try loader.add(data: try Data(contentsOf: url), file: url.path)
        }
        try loader.add(data: Data(text.utf8), file: file.path)
        _ = try loader.finish()
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// "Foo Bar Holdings" → "foo-bar-holdings"; Chinese names keep no letters, so need --id.
    public static func slug(_ name: String) -> String {
        var out = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { out.unicodeScalars.append(scalar) }
            else if !out.isEmpty, !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
