import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NoteGraphCore

/// Expands the paths given to `ingest` into the files to import, in a stable (sorted) order.
///
/// Folders are walked recursively (hidden entries skipped, symlinked folders followed once:
/// a folder already on the way down is a loop and is reported, not walked again). In folders,
/// only note files count (.txt .md .markdown .html .htm); a file named on the command line is
/// read whatever its name. Anything that cannot be read becomes an `InputError` in the list,
/// so the batch reports it and goes on.
public struct FileWalker {
    public static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    public enum Item {
        case file(String, size: Int)
        case failed(InputError)
    }

    public init() {}

    public func expand(_ paths: [String]) -> [Item] {
        var items: [Item] = []
        for path in paths { visit(path, explicit: true, ancestors: [], into: &items) }
        return items
    }

    private func visit(_ path: String, explicit: Bool, ancestors: Set<String>, into items: inout [Item]) {
        var lst = stat()
        guard lstat(path, &lst) == 0 else {
            items.append(.failed(InputError(path: path, errno == ENOENT ? "no such file or directory" : Self.describe(errno))))
            return
        }
        var st = stat()
        if stat(path, &st) != 0 {
            let reason = errno == ELOOP ? "symbolic link loop" : errno == ENOENT ? "broken symbolic link (its target does not exist)" : Self.describe(errno)
            items.append(.failed(InputError(path: path, reason)))
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            let identity = "\(st.st_dev):\(st.st_ino)"
            if ancestors.contains(identity) {
                items.append(.failed(InputError(path: path, "symbolic link loop: this folder contains itself")))
                return
            }
            let entries: [String]
            do { entries = try FileManager.default.contentsOfDirectory(atPath: path) } catch {
                items.append(.failed(InputError(path: path, "cannot list folder: \(Self.describe(errno == 0 ? EACCES : errno))")))
                return
            }
            let inner = ancestors.union([identity])
            for name in entries.sorted() where !name.hasPrefix(".") {
                let child = path.hasSuffix("/") ? path + name : path + "/" + name
                visit(child, explicit: false, ancestors: inner, into: &items)
            }
        case S_IFREG:
            if explicit || Self.isNote(path) { items.append(.file(path, size: Int(st.st_size))) }
        default:
            guard explicit || Self.isNote(path) else { return }
            let kind: String
            switch st.st_mode & S_IFMT {
            case S_IFIFO: kind = "a FIFO (named pipe)"
            case S_IFSOCK: kind = "a socket"
            case S_IFCHR: kind = "a character device"
            case S_IFBLK: kind = "a block device"
            default: kind = "not a regular file"
            }
            items.append(.failed(InputError(path: path, "\(kind), not a file: skipped without opening it")))
        }
    }

    static func isNote(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return extensions.contains(path[path.index(after: dot)...].lowercased())
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ELOOP: return "symbolic link loop"
        case ENOENT: return "no such file or directory"
        case EISDIR: return "is a folder"
        default: return String(cString: strerror(code))
        }
    }

    /// Reads a whole regular file, refusing it before reading when it is over `maxBytes`.
    public static func read(_ path: String, maxBytes: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw InputError(path: path, "cannot open: \(describe(errno))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw InputError(path: path, "cannot read: \(describe(errno))") }
        guard st.st_mode & S_IFMT == S_IFREG else { throw InputError(path: path, "not a regular file") }
        if Int(st.st_size) > maxBytes {
            throw InputError(path: path, String(format: "file is %.1f MB, over the %.1f MB limit (read stage, options.maxBytes)",
                                               Double(st.st_size) / 1_048_576, Double(maxBytes) / 1_048_576))
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var total = 0
        while total < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, $0.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, location: "byte \(total)", "read failed: \(describe(errno))")
            }
            if n == 0 { break }
            total += n
        }
        if total < bytes.count { bytes.removeSubrange(total...) }
        return bytes
    }
}
