import NoteGraphCore

/// A command given with options that do not fit together (`review accept` with both ids and
/// `--all-matching`, a bulk decision with no filter): refused before the store is touched,
/// exit status 2 like every other usage error.
struct UsageError: UserError {
    var message: String

    init(_ message: String) { self.message = message }
}
