import Extraction
import Foundation
import NoteGraphCore

/// What a grammar fingerprint stood for, kept in the store: a digest of each rule file in
/// force (built-in files of the pipeline's grammar stages, then pipeline.json's), so a re-run
/// can say which files changed.
struct GrammarSnapshot: Equatable {
    /// Display name (`Grammars/figures/en.rules`, or a user file's path) → digest of its text.
    var files: [String: String]

    init(files: [String: String]) { self.files = files }

    init(stages: [String], userFiles: [URL]) throws {
        var files: [String: String] = [:]
        for url in try Grammar.builtInFiles() {
            let stage = url.deletingLastPathComponent().lastPathComponent
            guard stages.contains(stage) else { continue }
            files["Grammars/\(stage)/\(url.lastPathComponent)"] = Self.digest(url)
        }
        for url in userFiles { files[url.path] = Self.digest(url) }
        self.files = files
    }

    static func digest(_ url: URL) -> String {
        StableID.sha256Hex((try? Data(contentsOf: url)) ?? Data()).prefix(16).description
    }

    var json: String { JSONValue.object(files.keys.sorted().map { ($0, .string(files[$0]!)) }).serialized }

    init?(json text: String) {
        guard case let .object(fields)? = try? JSONValue.parse(Data(text.utf8)) else { return nil }
        files = Dictionary(uniqueKeysWithValues: fields.compactMap { key, value in value.stringValue.map { (key, $0) } })
    }

    /// "figures/mine.rules modified, Grammars/dates/x.rules added".
    func changes(since old: GrammarSnapshot) -> String {
        var parts: [String] = []
        for key in files.keys.sorted() {
            if old.files[key] == nil { parts.append(key + " added") } else if old.files[key] != files[key] { parts.append(key + " modified") }
        }
        for key in old.files.keys.sorted() where files[key] == nil { parts.append(key + " removed") }
        return parts.isEmpty ? "rule files unchanged, their order or stages changed" : parts.joined(separator: ", ")
    }
}
