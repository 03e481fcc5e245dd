import Crypto
import Foundation

/// Stable, content-derived identifiers: the same input gives the same id on every run, which is
/// what lets review verdicts and golden exports stay attached to their records.
public enum StableID {
    /// Lowercase hex SHA-256 of the bytes.
    public static func sha256Hex<D: DataProtocol>(_ bytes: D) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static let digits = Array("0123456789abcdef".utf8)

    static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A short id `prefix:` + the first 16 hex digits of SHA-256 over the parts joined by U+001F.
    public static func make(_ prefix: String, _ parts: [String]) -> String {
        let joined = parts.joined(separator: "\u{1F}")
        return prefix + ":" + String(sha256Hex(Array(joined.utf8)).prefix(16))
    }

    /// The id of a document: its bytes decide it, so the same note imported twice is one document.
    public static func document(sha256: String) -> String { "doc:" + sha256.prefix(16) }
}
