import Foundation

/// A compiled regular expression for `re:/.../` token tests. NSRegularExpression is immutable
/// and documented thread-safe, so one compiled instance serves every document.
public final class RegexBox: @unchecked Sendable {
    public let source: String
    let regex: NSRegularExpression

    public init(_ source: String) throws {
        self.source = source
        regex = try NSRegularExpression(pattern: "^(?:" + source + ")$")
    }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool {
        let ns = text as NSString
        return regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil
    }
}
