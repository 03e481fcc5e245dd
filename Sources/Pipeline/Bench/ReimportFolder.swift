import Foundation
import NoteGraphCore

/// The folder `bench --reimport N` times a re-run on: the files under the paths given, copied
/// over and over under distinct names up to N files. Each copy of a UTF-8 file gets a last line
/// naming the copy, so every file is a document of its own (ids come from the bytes); other
/// encodings are copied as they are.
public struct ReimportFolder {
    public let url: URL
    public private(set) var files = 0
    public private(set) var bytes = 0
    /// How many distinct files the copies were made from.
    public private(set) var originals = 0

    public init(copying paths: [String], upTo count: Int, into url: URL) throws {
        self.url = url
        var inputs: [(name: String, bytes: [UInt8])] = []
        for item in FileWalker().expand(paths) {
            switch item {
            case let .file(path, _): inputs.append((URL(fileURLWithPath: path).lastPathComponent, try FileWalker.read(path, maxBytes: 1 << 30)))
            case let .failed(error): throw error
            }
        }
        guard !inputs.isEmpty else { throw InputError(path: paths.joined(separator: " "), "no notes to copy (.txt .md .markdown .html .htm)") }
        originals = inputs.count
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for i in 0..<count {
            let (name, original) = inputs[i % inputs.count]
            var bytes = original
            if String(validating: original, as: UTF8.self) != nil {
                bytes += Array("\n\ncopy \(i / inputs.count)\n".utf8)
            }
            try Data(bytes).write(to: url.appendingPathComponent(String(format: "%05d-", i) + name))
            files += 1
            self.bytes += bytes.count
        }
    }

    /// "3 imported, 997 unchanged, 0 failed; …", the first line `ingest` prints, read back.
    public static func parseSummary(_ line: Substring) -> (imported: Int, unchanged: Int, failed: Int)? {
        let numbers = line.split(separator: ";").first?.split(separator: ",").map { $0.split(separator: " ").first.flatMap { Int($0) } }
        guard let numbers, numbers.count == 3, let a = numbers[0], let b = numbers[1], let c = numbers[2] else { return nil }
        return (a, b, c)
    }
}
