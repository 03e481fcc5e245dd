import CICU
import Foundation
import NoteGraphCore

/// A compiled regular expression for `re:/.../` token tests, run by ICU's regex engine through
/// CICU on the token's UTF-16 units. NSRegularExpression (ICU underneath as well) bridged every
/// token to an NSString first and cost some twelve thousand instructions a test. An ICU regex
/// holds its match state, so each thread takes a copy of the compiled pattern from a small pool.
public final class RegexBox: @unchecked Sendable {
    public let source: String
    private let compiled: OpaquePointer
    private var spare: [OpaquePointer] = []
    private let lock = NSLock()

    public init(_ source: String) throws {
        self.source = source
        let units = Array(source.utf16)
        var error: Int32 = 0
        guard let re = cicu_regex_open(units, Int32(units.count), &error) else {
            throw InternalError("RegexBox", "ICU refuses the regular expression /\(source)/ (error \(error))")
        }
        compiled = re
    }

    deinit {
        for re in spare { cicu_regex_close(re) }
        cicu_regex_close(compiled)
    }

    /// Whether the whole of `units` matches.
    public func matches(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        lock.lock()
        let taken = spare.popLast()
        lock.unlock()
        var error: Int32 = 0
        guard let re = taken ?? cicu_regex_clone(compiled, &error) else { return false }
        let found = cicu_regex_matches(re, units.baseAddress, Int32(units.count)) == 1
        lock.lock()
        spare.append(re)
        lock.unlock()
        return found
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        Array(text.utf16).withUnsafeBufferPointer { matches($0) }
    }
}
