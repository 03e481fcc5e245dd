import Foundation
import NoteGraphCore

/// Products (H100, Blackwell, Trainium, Gemini, 豆包): lexicon lines with `"class": "product"`.
/// The overlay makes each name one token of class `product`, so no company rule ever reads a
/// product as a company, and the entry names its maker (a company entry).
extension LexiconLoader {
    public static let productKeys = ["id", "class", "name", "aliases", "maker", "category"]

    static func productEntry(_ json: JSONValue, fields: [(String, JSONValue)], origin: String,
                             fail: (String) -> InputError) throws -> LexiconEntry {
        for (key, _) in fields where !productKeys.contains(key) {
            throw fail("unknown key \"\(key)\" for a product; valid keys: \(productKeys.joined(separator: ", "))")
        }
        guard let id = json["id"]?.stringValue, !id.isEmpty else { throw fail("missing \"id\"") }
        guard isSlug(id) else { throw fail("id must be lowercase letters, digits and single hyphens, e.g. \"h100\"") }
        let name = (json["name"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw fail(json["name"] == nil ? "missing \"name\"" : "empty name") }
        guard let maker = json["maker"]?.stringValue, !maker.isEmpty else { throw fail("a product needs \"maker\": the id of the company that makes it") }
        var terms = [normalize(name)]
        if let aliases = json["aliases"], aliases != .null {
            guard case let .array(items) = aliases else { throw fail("\"aliases\" must be an array of strings, found \(aliases.typeDescription)") }
            for item in items {
                guard let alias = item.stringValue?.trimmingCharacters(in: .whitespaces) else {
                    throw fail("\"aliases\" must hold strings, found \(item.typeDescription)")
                }
                if alias.isEmpty { throw fail("empty name in \"aliases\"") }
                if !terms.contains(normalize(alias)) { terms.append(normalize(alias)) }
            }
        }
        var properties: [(String, JSONValue)] = [("maker", .string(maker))]
        if let category = json["category"]?.stringValue { properties.append(("category", .string(category))) }
        return LexiconEntry(id: id, lexiconClass: "product", name: name, terms: terms, properties: properties, origin: origin)
    }

    /// A product's maker is a company of the lexicon, and none of its names is a company's name.
    func checkProduct(_ e: LexiconEntry, owner: [String: LexiconEntry], sharedNames: Set<String>) throws {
        let (path, line) = Self.split(e.origin)
        let location = "line \(line) (entry \(e.id))"
        let maker = e.property("maker")?.stringValue ?? ""
        guard index["company/" + maker] != nil else {
            throw InputError(path: path, location: location, "maker \"\(maker)\" is not a company of the lexicon")
        }
        for term in e.terms {
            if let company = owner["company\u{1F}" + term] {
                throw InputError(path: path, location: location,
                                 "\"\(term)\" is a product here and a company name of entry \(company.id) (\(company.origin)); a product is never a company")
            }
            if sharedNames.contains(term) {
                throw InputError(path: path, location: location, "\"\(term)\" is a product here and a shared company name; a product is never a company")
            }
        }
    }
}
