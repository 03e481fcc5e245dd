import Foundation
import GraphStore
import NoteGraphCore
import Pipeline

/// `bench --reimport N`: how long `ingest` takes to find that nothing changed. N copies of the
/// notes are imported once into a scratch store, then `notegraph ingest` of the same, unchanged
/// folder runs again, as a user would run it, timed from start to exit, with its own peak RSS.
/// Both run as child processes. The change count must be 0.
enum BenchReimport {
    static func run(count: Int, paths: [String], config: String?) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notegraph-reimport-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try ReimportFolder(copying: paths, upTo: count, into: scratch.appendingPathComponent("notes"))
        print(String(format: "input: %d files, %.2f MB (copies of the %d given)", folder.files, Double(folder.bytes) / 1_048_576, folder.originals))
        let storePath = scratch.appendingPathComponent("bench.sqlite").path

        let ingest = ["ingest", folder.url.path, "--store", storePath] + (config.map { ["--config", $0] } ?? [])

        // The first import reads everything (and the store learns the version of these inputs).
        let first = try child(ingest, scratch: scratch)
        guard let firstLine = first.output.split(separator: "\n").first, let imported = ReimportFolder.parseSummary(firstLine) else {
            throw InputError(path: folder.url.path, "the first import failed (exit status \(first.status)): \(first.output.prefix(400))")
        }
        print(String(format: "first import: %d imported, %d failed in %.2f s", imported.imported, imported.failed, first.seconds))

        // The re-run, timed as a user would see it, from start to exit.
        let again = try child(ingest, scratch: scratch)
        guard again.status == 0, let line = again.output.split(separator: "\n").first, let summary = ReimportFolder.parseSummary(line) else {
            throw InputError(path: folder.url.path, "the re-run failed (exit status \(again.status)): \(again.output.prefix(400))")
        }
        print(String(format: "re-import of the unchanged folder: %d files, %d changed (0 expected), %d unchanged, %d failed; %.3f s; peak RSS %.1f MB",
                     folder.files, summary.imported, summary.unchanged, summary.failed, again.seconds, Double(again.peakRSSKB) / 1024))
        if summary.imported != 0 || summary.failed != 0 { throw ExitCodeError.changes }
    }

    enum ExitCodeError: Error { case changes }

    /// Runs this executable with `args` and waits for it with wait4, so the peak RSS is that
    /// child's own (Linux counts the spawning parent's memory in it too, which is why the
    /// first import also runs as a child and this process stays small).
    static func child(_ args: [String], scratch: URL) throws -> (status: Int32, seconds: Double, output: String, peakRSSKB: Int) {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        let out = scratch.appendingPathComponent("ingest.out").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else { throw InputError(path: executable, "cannot run: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let seconds = Date().timeIntervalSince(start)
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (exit, seconds, (try? String(contentsOfFile: out, encoding: .utf8)) ?? "", Int(usage.ru_maxrss))
    }
}
