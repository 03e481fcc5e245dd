import Extraction
import Foundation
import NoteGraphCore
import Segmentation

/// What a pipeline version is computed from, read without compiling anything: pipeline.json's
/// bytes, the bytes of every lexicon and rule file it names or ships with, and the executable.
/// Loading the pipeline itself (parsing 1000+ lexicon entries, compiling every grammar) takes
/// longer than checking a thousand unchanged files, so `ingest` looks this key up in the store
/// first: a store that already knows the version these exact inputs give can skip unchanged
/// files without loading the pipeline at all (`BatchImporter`), and loads it only when a file
/// must be read. Any byte of difference, or a rebuilt executable, gives another key, and the
/// pipeline is then loaded and checked before anything is read, as always.
public struct PipelineInputs: Sendable {
    /// The snapshot part under which the store keeps key → version.
    public static let snapshotPart = "inputs"

    /// The configuration file, nil for the built-in defaults.
    public var configFile: String?
    /// `store.path` from pipeline.json, if it has one.
    public var storePath: String?
    /// SHA-256 over everything above, hex.
    public var key: String

    /// Reads the inputs for `--config path` (nil: ./pipeline.json if present). Returns nil when
    /// anything is unusual (unreadable file, bad JSON, a listed file missing): the caller then
    /// loads the pipeline the normal way, which reports the problem precisely.
    public static func read(config path: String?) -> PipelineInputs? {
        let file = path ?? (FileManager.default.fileExists(atPath: PipelineSettings.fileName) ? PipelineSettings.fileName : nil)
        var parts: [String] = [PipelineSettings.engineVersion, Self.executableStamp()]
        var json = JSONValue.object([])
        var directory = URL(fileURLWithPath: ".").standardizedFileURL
        if let file {
            guard let data = FileManager.default.contents(atPath: file), let parsed = try? JSONValue.parse(data) else { return nil }
            json = parsed
            directory = URL(fileURLWithPath: file).deletingLastPathComponent().standardizedFileURL
            parts.append("config\n" + String(decoding: data, as: UTF8.self))
        } else {
            parts.append("config: built-in defaults")
        }
        parts.append("directory\n" + directory.path)
        func listed(_ key: String) -> [URL]? {
            guard let value = json[key] else { return [] }
            guard let items = value.arrayValue else { return nil }
            let names = items.compactMap(\.stringValue)
            return names.count == items.count ? names.map { directory.appendingPathComponent($0).standardizedFileURL } : nil
        }
        guard let lexicons = listed("lexicons"), let grammars = listed("grammars"),
              let builtInLexicons = try? LexiconLoader.builtInFiles(), let builtInGrammars = try? Grammar.builtInFiles() else { return nil }
        let corrections = directory.appendingPathComponent(PipelineSettings.correctionsFileName).standardizedFileURL
        let optional = FileManager.default.fileExists(atPath: corrections.path) ? [corrections] : []
        for url in builtInLexicons + lexicons + optional + builtInGrammars + grammars {
            guard let bytes = FileManager.default.contents(atPath: url.path) else { return nil }
            parts.append(url.path + "\n" + StableID.sha256Hex(Array(bytes)))
        }
        let storePath = json["store"]?["path"]?.stringValue
        return PipelineInputs(configFile: file, storePath: storePath, key: StableID.sha256Hex(Array(parts.joined(separator: "\u{0}").utf8)))
    }

    /// The store path: --store, else $NOTEGRAPH_STORE, else pipeline.json's store.path, else the
    /// default (as `PipelineSettings.resolveStorePath`).
    public func resolveStorePath(option: String?) -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["NOTEGRAPH_STORE"], !env.isEmpty { return env }
        return storePath ?? PipelineSettings.defaultStorePath
    }

    /// The running executable's size and modification time: a rebuilt engine may compute
    /// versions differently, so its key must not match one an older build recorded.
    static func executableStamp() -> String {
        let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        var info = stat()
        guard stat(path, &info) == 0 else { return "executable: unknown \(UUID().uuidString)" }
        return "executable \(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
