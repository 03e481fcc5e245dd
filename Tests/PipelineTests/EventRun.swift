import Foundation
import NoteGraphCore
import TestSupport
@testable import Pipeline

/// Runs a text or a file through the default pipeline and reads back its events: what the
/// event tests ask of one document.
struct EventRun {
    nonisolated(unsafe) static let settings = try! PipelineSettings(json: .object([]), file: "(defaults)", directory: URL(fileURLWithPath: "."))

    let work: DocumentWork

    /// A text as a note dated `date` (the reference for past and future).
    init(_ text: String, date: String? = nil) throws {
        work = try GrammarWorkbench(settings: Self.settings).run(text, referenceDate: date)
    }

    /// A file read as the importer reads it (an HTML page, a note with its own date).
    init(file: URL) throws {
        let processor = DocumentProcessor(stages: Self.settings.stages, lexicon: Self.settings.lexicon)
        work = try processor.process(path: file.path, bytes: Array(try Data(contentsOf: file)))
    }

    var events: [NodeRecord] { work.extraction.nodes.filter { $0.kind == .event } }

    func string(_ e: NodeRecord, _ key: String) -> String? { e.property(key)?.stringValue }
    func strings(_ e: NodeRecord, _ key: String) -> [String] { e.property(key)?.arrayValue?.compactMap(\.stringValue) ?? [] }

    var titles: [String] { events.map { string($0, "title") ?? "" } }

    func event(titled title: String) -> NodeRecord? { events.first { string($0, "title") == title } }

    func mentions(of e: NodeRecord) -> [Mention] { work.extraction.mentions.filter { $0.nodeID == e.id } }

    func edges(_ type: String) -> [EdgeRecord] { work.extraction.edges.filter { $0.type == type } }
}
