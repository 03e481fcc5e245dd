import Foundation
import GraphStore
import NoteGraphCore

/// What `review accept` and `review reject` share: the claims named or matched, recorded in one
/// transaction. Ids are all checked before anything is written, so a typo never leaves half a
/// decision behind; a bulk decision needs a narrowing filter, so "accept everything" cannot
/// happen by forgetting one.
enum ReviewDecision {
    static func run(_ decision: Verdict.Decision, _ options: DecisionOptions, global: GlobalOptions) throws {
        let (ids, allMatching, filters, note, reviewer) = (options.ids, options.allMatching, options.filters, options.note, options.reviewer)
        let verb = decision == .accept ? "accept" : "reject"
        if allMatching {
            guard ids.isEmpty else { throw UsageError("review \(verb): give claim ids or --all-matching with filters, not both") }
            guard filters.narrows else {
                throw UsageError("review \(verb) --all-matching: give at least one filter (--company, --source, --document, --rule or --modality); "
                                 + "--status alone would decide every claim")
            }
        } else {
            guard !ids.isEmpty else { throw UsageError("review \(verb): give one or more claim ids, or --all-matching with filters") }
            guard !filters.given else { throw UsageError("review \(verb): filters apply only with --all-matching") }
        }
        let who = try Self.reviewer(reviewer)
        let filter = try filters.filter()
        let settings = try global.settings()
        let store = try global.openStore(settings)
        let claimIDs = allMatching ? try store.claims(matching: filter).compactMap { $0.json["id"]?.stringValue } : unique(ids)
        guard !claimIDs.isEmpty else {
            print("no \(filter.status == .all ? "" : filter.status.rawValue + " ")claims match the filters: nothing decided")
            return
        }
        let recorded = try store.recordVerdicts(claimIDs: claimIDs, decision: decision, note: note, reviewer: who)
        print(summary(recorded, decision: decision, reviewer: who))
    }

    /// "accepted 3 claims (1 had an earlier verdict, replaced) as ana".
    static func summary(_ recorded: [(verdict: Verdict, previous: Verdict?)], decision: Verdict.Decision, reviewer: String) -> String {
        let done = decision == .accept ? "accepted" : decision == .reject ? "rejected" : "edited"
        let replaced = recorded.filter { $0.previous != nil }.count
        var line = "\(done) \(recorded.count) claim\(recorded.count == 1 ? "" : "s")"
        if replaced > 0 { line += " (\(replaced) had an earlier verdict, replaced)" }
        line += " as \(reviewer)"
        if recorded.count <= 10 { line += ": " + recorded.map(\.verdict.claimID).joined(separator: ", ") }
        return line
    }

    /// --reviewer, else $USER, else the login name; refused when none is known, because a verdict
    /// must say who gave it.
    static func reviewer(_ option: String?) throws -> String {
        if let option {
            let name = option.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw UsageError("--reviewer: the name is empty") }
            return name
        }
        for name in [ProcessInfo.processInfo.environment["USER"] ?? "", NSUserName()] where !name.isEmpty { return name }
        throw UsageError("review: no reviewer name: give --reviewer NAME (or set $USER)")
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
