import ArgumentParser
import Foundation
import NoteGraphCore
import Pipeline
import Segmentation

/// `notegraph lexicon`: take organisations found by rule into the lexicon, give companies more
/// names, merge two into one. Corrections go to notegraph-lexicon.jsonl beside pipeline.json
/// and apply on the next import.
struct LexiconCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon", abstract: "Correct the company lexicon: add an organisation, add a name, merge two companies.",
        subcommands: [Stats.self, Add.self, Alias.self, Merge.self])

    /// A store record's canonical name and every surface form its mentions have.
    static func names(of id: String, global: GlobalOptions, settings: PipelineSettings) throws -> (name: String, names: [String], known: Bool) {
        let store = try global.openStore(settings)
        guard let record = try store.record(id: id), record.json["kind"]?.stringValue == "company",
              let name = record.json["name"]?.stringValue else {
            throw InputError(path: settings.resolveStorePath(option: global.store), "no company \(id) in the store (see 'notegraph export')")
        }
        let names = record.json["names"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return (name, names, record.json["known"] == .bool(true))
    }

    static func bare(_ id: String) -> String { id.hasPrefix("company:") ? String(id.dropFirst("company:".count)) : id }

    static func report(_ verb: String, _ entry: LexiconEntry, _ corrections: LexiconCorrections) {
        print("\(verb) company:\(entry.id) (\(entry.terms.joined(separator: ", "))) in \(corrections.file.path); it applies on the next import")
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the lexicon's companies by type, sector and region, and its products.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let lexicon = try global.settings().lexicon
            let companies = lexicon.entries(ofClass: "company")
            let products = lexicon.entries(ofClass: "product")
            print("\(companies.count) companies and organisations, \(companies.filter { !$0.tickers.isEmpty }.count) with tickers, "
                  + "\(companies.filter { $0.property("parent") != nil }.count) with a parent; \(products.count) products; "
                  + "\(lexicon.entries(ofClass: "ambiguous").count) shared names")
            for key in ["type", "sector", "region"] {
                var counts: [String: Int] = [:]
                for c in companies { counts[c.property(key)?.stringValue ?? "-", default: 0] += 1 }
                let line = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                print("by \(key): \(line)")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take an organisation found by rule (company:org-…, known: false) into the lexicon.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The organisation's id in the store, e.g. company:org-1a2b3c4d5e6f.") var id: String
        @Option(help: "The lexicon id to give it (default: made from its name).") var newID: String?
        @Option(help: "Its canonical name (default: the name found).") var name: String?

        func run() throws {
            let settings = try global.settings()
            let found = try LexiconCommand.names(of: id, global: global, settings: settings)
            if found.known { throw InputError(path: settings.correctionsFile.path, "\(id) is already a lexicon company") }
            let corrections = LexiconCorrections(settings: settings)
            let entry = try corrections.add(name: name ?? found.name, names: [found.name] + found.names, id: newID)
            LexiconCommand.report("added", entry, corrections)
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a lexicon company another name (any language, or a ticker-like code).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company, e.g. nvidia or company:nvidia.") var id: String
        @Argument(help: "The new name, exactly as notes write it.") var name: String

        func run() throws {
            let settings = try global.settings()
            let corrections = LexiconCorrections(settings: settings)
            let entry = try corrections.alias(LexiconCommand.bare(id), names: [name])
            LexiconCommand.report("named", entry, corrections)
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the second company a name of the first: an organisation found by rule, or one added with 'lexicon add'.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The company that stays, e.g. company:zentrix or company:org-1a2b3c4d5e6f.") var into: String
        @Argument(help: "The company merged into it.") var from: String

        func run() throws {
            let settings = try global.settings()
            let corrections = LexiconCorrections(settings: settings)
            let fromID = LexiconCommand.bare(from)
            var names: [String]
            var removing: [String] = []
            if let entry = settings.lexicon.entry(ofClass: "company", id: fromID) {
                guard corrections.isCorrection(fromID) else {
                    throw InputError(path: entry.origin, "\(from) is a lexicon entry outside \(corrections.file.lastPathComponent); "
                                        + "add its names to \(into) with 'notegraph lexicon alias' and remove it from its file instead")
                }
                names = entry.terms
                removing = [fromID]
            } else {
                let found = try LexiconCommand.names(of: from, global: global, settings: settings)
                names = [found.name] + found.names
            }
            var target = settings.lexicon.entry(ofClass: "company", id: LexiconCommand.bare(into))
            if target == nil {
                // The first is an organisation found by rule too: it joins the lexicon now.
                let found = try LexiconCommand.names(of: into, global: global, settings: settings)
                names = [found.name] + found.names + names
                target = LexiconEntry(id: LexiconCorrections.slug(found.name), lexiconClass: "company", name: found.name, terms: [],
                                      properties: [("type", .string("company"))], origin: corrections.file.path)
                if settings.lexicon.entry(ofClass: "company", id: target!.id) != nil {
                    throw InputError(path: corrections.file.path, "the lexicon already has an entry \(target!.id); add \(into) with 'notegraph lexicon add --new-id' first")
                }
            }
            var entry = target!
            for n in names.map(LexiconLoader.normalize) where !entry.terms.contains(n) { entry.terms.append(n) }
            try corrections.save(entry, removing: removing)
            LexiconCommand.report("merged \(from) into", entry, corrections)
        }
    }
}
