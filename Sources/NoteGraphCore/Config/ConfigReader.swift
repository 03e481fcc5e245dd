/// Reads one JSON object of pipeline.json and refuses anything it does not know.
///
/// Each getter records the key as known; `finish()` then fails on any other key, naming it, its
/// path and the valid keys. Errors always carry the key path, what was expected and what was found.
public final class ConfigReader {
    public let file: String
    public let path: String
    private let fields: [(String, JSONValue)]
    private var known: [String] = []

    public init(file: String, path: String, value: JSONValue) throws {
        self.file = file
        self.path = path
        switch value {
        case let .object(fields): self.fields = fields
        case .null: self.fields = []
        default: throw ConfigError(file: file, keyPath: path, "expected an object, found \(value.typeDescription)")
        }
    }

    private func keyPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    public func fail(_ key: String, _ reason: String) -> ConfigError {
        ConfigError(file: file, keyPath: keyPath(key), reason)
    }

    public func raw(_ key: String) -> JSONValue? {
        if !known.contains(key) { known.append(key) }
        return fields.first { $0.0 == key }?.1
    }

    public func string(_ key: String, default value: String? = nil, choices: [String]? = nil) throws -> String? {
        guard let v = raw(key), v != .null else { return value }
        guard case let .string(s) = v else { throw fail(key, "expected a string, found \(v.typeDescription)") }
        if let choices, !choices.contains(s) {
            throw fail(key, "unknown value \"\(s)\"; valid choices: \(choices.joined(separator: ", "))")
        }
        return s
    }

    public func int(_ key: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let v = raw(key), v != .null else { return value }
        guard case let .int(i) = v else {
            throw fail(key, "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(v.typeDescription)")
        }
        guard range.contains(i) else {
            throw fail(key, "expected an integer from \(range.lowerBound) to \(range.upperBound), found \(i)")
        }
        return i
    }

    public func double(_ key: String, default value: Double, range: ClosedRange<Double>) throws -> Double {
        guard let v = raw(key), v != .null else { return value }
        let d: Double
        switch v {
        case let .int(i): d = Double(i)
        case let .double(x): d = x
        default: throw fail(key, "expected a number from \(range.lowerBound) to \(range.upperBound), found \(v.typeDescription)")
        }
        guard range.contains(d) else {
            throw fail(key, "expected a number from \(range.lowerBound) to \(range.upperBound), found \(d)")
        }
        return d
    }

    public func bool(_ key: String, default value: Bool) throws -> Bool {
        guard let v = raw(key), v != .null else { return value }
        guard case let .bool(b) = v else { throw fail(key, "expected true or false, found \(v.typeDescription)") }
        return b
    }

    public func strings(_ key: String, default value: [String] = []) throws -> [String] {
        guard let v = raw(key), v != .null else { return value }
        guard case let .array(items) = v else { throw fail(key, "expected an array of strings, found \(v.typeDescription)") }
        return try items.enumerated().map { i, item in
            guard case let .string(s) = item else {
                throw ConfigError(file: file, keyPath: keyPath(key) + "[\(i)]", "expected a string, found \(item.typeDescription)")
            }
            return s
        }
    }

    /// A nested object, read by its own reader (call `finish()` on it too).
    public func object(_ key: String) throws -> ConfigReader {
        try ConfigReader(file: file, path: keyPath(key), value: raw(key) ?? .null)
    }

    /// The elements of an array of objects, each with its own reader.
    public func objects(_ key: String) throws -> [ConfigReader] {
        guard let v = raw(key), v != .null else { return [] }
        guard case let .array(items) = v else { throw fail(key, "expected an array, found \(v.typeDescription)") }
        return try items.enumerated().map { try ConfigReader(file: file, path: keyPath(key) + "[\($0)]", value: $1) }
    }

    /// Fails on the first key no getter asked for.
    public func finish() throws {
        for (key, _) in fields where !known.contains(key) {
            let valid = known.isEmpty ? "none" : known.joined(separator: ", ")
            throw ConfigError(file: file, keyPath: keyPath(key), "unknown key; valid keys here: \(valid)")
        }
    }
}
