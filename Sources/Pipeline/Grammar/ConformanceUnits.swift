import Foundation
import NoteGraphCore

/// The conformance suite's unit names in NoteGraph's units (Resources/conformance-units.tsv):
/// the suite states a dimension in the unit written (10 Mile), NoteGraph in SI-style base units
/// (16093.44 m), so an expected value is converted before it is compared. Data, not a switch,
/// so that a unit the suite adds is one line.
struct ConformanceUnits {
    /// Suite unit name → (NoteGraph unit, factor). Unit `money`: a sub-unit of any currency.
    var table: [String: (unit: String, factor: Double)] = [:]

    /// The built-in table.
    static func builtIn() throws -> ConformanceUnits {
        guard let url = Bundle.module.url(forResource: "conformance-units", withExtension: "tsv", subdirectory: "Resources") else {
            throw InternalError("ConformanceUnits", "conformance-units.tsv missing from the package resources")
        }
        return try ConformanceUnits(url)
    }

    /// Reads `name<TAB>unit<TAB>factor` lines (# comments); a malformed line is an error naming it.
    init(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, let factor = Double(parts[2]) else {
                throw InputError(path: url.path, location: "line \(i + 1)", "expected `suite unit<TAB>NoteGraph unit<TAB>factor`, found \"\(line.prefix(60))\"")
            }
            table[parts[0]] = (parts[1], factor)
        }
    }

    /// An expected value of `kind` written in the suite's `unit`, in NoteGraph's terms: the value
    /// and the unit the found figure must have (nil: any). A dimension in a unit the table does
    /// not know gets a unit no figure has, so the case fails rather than compares apples to miles.
    func convert(_ value: Double?, unit name: String?, kind: String) -> (value: Double?, unit: String?) {
        // Money cases use only the money lines (the suite's "Pound" is sterling there, a weight
        // in dimension cases).
        guard let name, let entry = table[name], (entry.unit == "money") == (kind == "money") else {
            return (value, kind == "dimension" ? "unknown unit \(name ?? "")" : nil)
        }
        return (value.map { $0 * entry.factor }, kind == "money" ? nil : entry.unit)
    }
}
