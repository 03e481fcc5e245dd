/// An error a user can act on: it names the file (and line, key or offset) and what is wrong.
/// Rendered in one place, the command line; internal errors are a different type.
public protocol UserError: Error, CustomStringConvertible {
    /// One line, starting with the file or setting it is about.
    var message: String { get }
}

extension UserError {
    public var description: String { message }
}

/// A file that could not be imported: the batch reports it and goes on with the next one.
public struct InputError: UserError, Equatable {
    public var path: String
    /// "byte 1234", "line 7", "entry nvidia", … or nil when the whole file is at fault.
    public var location: String?
    public var reason: String

    public init(path: String, location: String? = nil, _ reason: String) {
        self.path = path
        self.location = location
        self.reason = reason
    }

    public var message: String {
        location.map { "\(path): \($0): \(reason)" } ?? "\(path): \(reason)"
    }
}

/// A bad setting in pipeline.json (or a file it names): refused before any note is read.
public struct ConfigError: UserError, Equatable {
    public var file: String
    /// JSON path of the key, e.g. `stages[2].options.maxSentenceLength`.
    public var keyPath: String
    public var reason: String

    public init(file: String, keyPath: String, _ reason: String) {
        self.file = file
        self.keyPath = keyPath
        self.reason = reason
    }

    public var message: String {
        keyPath.isEmpty ? "\(file): \(reason)" : "\(file): \(keyPath): \(reason)"
    }
}
