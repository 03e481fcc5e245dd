import Extraction
import Foundation
import NoteGraphCore
import Readers
import Segmentation

/// pipeline.json, read and checked: the stages in order with their options, the lexicons, the
/// store. Everything wrong with it is reported before any note is read, with the key path,
/// what was expected and the valid choices.
public struct PipelineSettings {
    public static let fileName = "pipeline.json"
    public static let defaultStorePath = ".notegraph/graph.sqlite"
    public static let correctionsFileName = "notegraph-lexicon.jsonl"
    /// Bump when extraction output changes for the same input: stored documents of another
    /// version are re-extracted on the next import.
    public static let engineVersion = "notegraph-0.1.0"

    public var file: String
    public var stages: [Stage]
    public var storePath: String?
    public var lexicon: Lexicon
    /// The lexicon files pipeline.json lists, in order.
    public var lexiconFiles: [URL]
    /// Corrections made with `notegraph lexicon add/alias/merge`, beside pipeline.json (or in
    /// the current folder without one); loaded after every other lexicon when it exists.
    public var correctionsFile: URL
    public var grammar: Grammar
    /// The user rule files pipeline.json lists, in order.
    public var grammarFiles: [URL]
    /// The engine, the stage list with its options, the lexicon's and the grammar's
    /// fingerprints: a document imported under another version is re-read where the change
    /// can affect it (`RereadPlanner`).
    public var pipelineVersion: PipelineVersion
    public var version: String { pipelineVersion.string }

    /// Reads `path`; when `path` is nil, ./pipeline.json if present, else the built-in defaults.
    public static func load(path: String?) throws -> PipelineSettings {
        if let path {
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigError(file: path, keyPath: "", "no such configuration file")
            }
            return try load(file: path)
        }
        if FileManager.default.fileExists(atPath: fileName) { return try load(file: fileName) }
        return try PipelineSettings(json: .object([]), file: "(built-in defaults)", directory: URL(fileURLWithPath: "."))
    }

    static func load(file: String) throws -> PipelineSettings {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ConfigError(file: file, keyPath: "", "cannot read: \(error.localizedDescription)")
        }
        let json: JSONValue
        do { json = try JSONValue.parse(data) } catch {
            throw ConfigError(file: file, keyPath: "", "not valid JSON: \(Self.describe(error))")
        }
        return try PipelineSettings(json: json, file: file, directory: URL(fileURLWithPath: file).deletingLastPathComponent())
    }

    public init(json: JSONValue, file: String, directory: URL) throws {
        self.file = file
        let root = try ConfigReader(file: file, path: "", value: json)
        _ = try root.int("version", default: 1, range: 1...1)
        let store = try root.object("store")
        storePath = try store.string("path")
        try store.finish()
        let lexiconFiles = try root.strings("lexicons").map { directory.appendingPathComponent($0).standardizedFileURL }
        for (i, url) in lexiconFiles.enumerated() where !FileManager.default.fileExists(atPath: url.path) {
            throw ConfigError(file: file, keyPath: "lexicons[\(i)]", "no such lexicon file: \(url.path)")
        }
        let grammarFiles = try root.strings("grammars").map { directory.appendingPathComponent($0).standardizedFileURL }
        for (i, url) in grammarFiles.enumerated() where !FileManager.default.fileExists(atPath: url.path) {
            throw ConfigError(file: file, keyPath: "grammars[\(i)]", "no such rule file: \(url.path)")
        }
        // The stage list first: the grammar needs the order of its stages.
        var listed: [(name: String, options: JSONValue, path: String)] = []
        if root.raw("stages") == nil {
            listed = StageRegistry.names.map { ($0, .null, "") }
        } else {
            for item in try root.objects("stages") {
                guard let name = try item.string("name", choices: StageRegistry.names) else {
                    throw item.fail("name", "missing; valid stages: \(StageRegistry.names.joined(separator: ", "))")
                }
                if listed.contains(where: { $0.name == name }) { throw item.fail("name", "stage \"\(name)\" is listed twice") }
                listed.append((name, item.raw("options") ?? .null, item.path))
                try item.finish()
            }
        }
        let corrections = directory.appendingPathComponent(Self.correctionsFileName).standardizedFileURL
        let allLexiconFiles = lexiconFiles + (FileManager.default.fileExists(atPath: corrections.path) ? [corrections] : [])
        var loadedLexicon: Lexicon?
        let lexicon: () throws -> Lexicon = {
            if let loadedLexicon { return loadedLexicon }
            let lexicon = try LexiconLoader.load(userFiles: allLexiconFiles)
            loadedLexicon = lexicon
            return lexicon
        }
        let grammarStages = listed.map(\.name).filter(Grammar.builtInStages.contains)
        var loadedGrammar: Grammar?
        let grammar: () throws -> Grammar = {
            if let loadedGrammar { return loadedGrammar }
            let classes = Set(try lexicon().entries.map(\.lexiconClass)).union(["company", "ambiguous", "product"])
            let grammar = try Grammar(stages: grammarStages, userFiles: grammarFiles, lexiconClasses: classes)
            loadedGrammar = grammar
            return grammar
        }
        let context = StageRegistry.Context(lexicon: lexicon, grammar: grammar)
        var stages: [Stage] = []
        var described: [String] = []
        for (name, options, path) in listed {
            let reader = try ConfigReader(file: file, path: path.isEmpty ? "" : path + ".options", value: options == .null && path.isEmpty ? .object([]) : options)
            stages.append(try StageRegistry.factory(name)!(reader, context))
            described.append(name + options.serialized)
        }
        try root.finish()
        try StageRegistry.checkOrder(stages, file: file)
        self.stages = stages
        self.lexiconFiles = lexiconFiles
        self.correctionsFile = corrections
        self.lexicon = try lexicon()
        self.grammar = try grammar()
        if grammarStages.contains("companies") { try ContextRuleCheck.check(lexicon: self.lexicon, grammar: self.grammar) }
        self.grammarFiles = grammarFiles
        self.pipelineVersion = PipelineVersion(engine: Self.engineVersion, stages: String(StableID.make("stages", described).dropFirst(7)),
                                               lexicon: self.lexicon.fingerprint, grammar: self.grammar.fingerprint)
    }

    static func describe(_ error: Error) -> String {
        if case let DecodingError.dataCorrupted(context) = error {
            return (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String ?? context.debugDescription
        }
        return "\(error)"
    }

    /// The store path: --store, else $NOTEGRAPH_STORE, else pipeline.json's store.path, else the default.
    public func resolveStorePath(option: String?) -> String {
        if let option { return option }
        if let env = ProcessInfo.processInfo.environment["NOTEGRAPH_STORE"], !env.isEmpty { return env }
        return storePath ?? Self.defaultStorePath
    }
}

extension PipelineSettings {
    /// The largest file the read stage takes (its default when no read stage is listed): what
    /// an import, a profile and an unchanged-file check all refuse above.
    var maxBytes: Int { stages.lazy.compactMap { ($0 as? ReadStage)?.options.maxBytes }.first ?? ReaderOptions().maxBytes }
}
