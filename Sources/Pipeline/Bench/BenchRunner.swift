import Foundation
import GraphStore
import NoteGraphCore
import Segmentation

/// `notegraph bench`: throughput of each stage in MB/s of input, end to end, peak memory, and,
/// on the same normalised text in the same run, ICU word segmentation alone as the ceiling.
/// Speed is measured here, in release builds; tests never assert timings. Files go through the
/// stages as `ingest` sends them (`BatchWindow`, `DocumentProcessor.process(batch:)`): a stage's
/// row is its wall time over each window, the window's files spread over the cores.
public struct BenchRunner {
    public struct Report {
        public var files = 0
        public var inputBytes = 0
        public var stageSeconds: [(String, Double)] = []
        public var storeSeconds = 0.0
        public var icuSeconds = 0.0
        public var endToEndSeconds = 0.0
        public var peakRSSAfterFirstPass = 0
        public var peakRSS = 0
        public var failures: [String] = []

        public func mbps(_ seconds: Double) -> Double { seconds > 0 ? Double(inputBytes) / 1_048_576 / seconds : 0 }
    }

    let settings: PipelineSettings

    public init(settings: PipelineSettings) { self.settings = settings }

    public func run(paths: [String], repeat count: Int, storePath: String) throws -> Report {
        var inputs: [(String, [UInt8])] = []
        var report = Report()
        for item in FileWalker().expand(paths) {
            switch item {
            case let .file(path, _):
                do { inputs.append((path, try FileWalker.read(path, maxBytes: 1 << 30))) } catch { report.failures.append("\(error)") }
            case let .failed(error): report.failures.append(error.message)
            }
        }
        let store = try SQLiteGraphStore(path: storePath)
        let processor = DocumentProcessor(stages: settings.stages, lexicon: settings.lexicon)
        var timings: [String: Double] = [:]
        let start = DispatchTime.now().uptimeNanoseconds
        // Files are processed in windows, as `ingest` does, then stored one by one.
        var pending: [(path: String, bytes: [UInt8], copy: Int)] = []
        var window = BatchWindow()
        func flush() {
            let results = processor.process(batch: pending.map { ($0.path, $0.bytes) }, timings: &timings)
            // The ceiling: ICU's word iterator alone over the very same texts, spread over the
            // cores as the stages were.
            let texts = results.compactMap { try? $0.get().document?.text }
            let t1 = DispatchTime.now().uptimeNanoseconds
            _ = try? Parallel.map(texts.count) { i in Segmenter.wordScan(texts[i].utf16) }
            report.icuSeconds += Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9
            for (k, result) in results.enumerated() {
                let (path, _, copy) = pending[k]
                do {
                    let work = try result.get()
                    // Each copy is stored as a document of its own, so the store does real work.
                    var document = work.document!
                    document.id = StableID.make("doc", [document.sha256, String(copy)])
                    document.path = "copy-\(copy)/" + path
                    var extraction = work.extraction
                    for i in extraction.mentions.indices { extraction.mentions[i].documentID = document.id }
                    extraction.edges = extraction.edges.map { EdgeRecord(from: document.id, to: $0.to, type: $0.type, properties: $0.properties) }
                    let t0 = DispatchTime.now().uptimeNanoseconds
                    try store.save(document, extraction: extraction, pipelineVersion: settings.version)
                    report.storeSeconds += Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                } catch {
                    if copy == 0 { report.failures.append("\(error)") }
                }
            }
            pending.removeAll()
            window.clear()
        }
        for copy in 0..<max(1, count) {
            for (path, bytes) in inputs {
                report.files += 1
                report.inputBytes += bytes.count
                pending.append((path, bytes, copy))
                window.add(bytes: bytes.count)
                if window.isFull { flush() }
            }
            if copy == 0 {
                flush()
                report.peakRSSAfterFirstPass = Self.peakRSSKB()
            }
        }
        flush()
        report.endToEndSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 - report.icuSeconds
        report.stageSeconds = settings.stages.map { ($0.name, timings[$0.name] ?? 0) }
        report.peakRSS = Self.peakRSSKB()
        return report
    }

    /// Peak resident set size of this process so far, in KB.
    static func peakRSSKB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss)
    }
}
