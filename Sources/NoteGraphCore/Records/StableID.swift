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
    ///
    /// The parts' bytes go straight into one buffer for the hash: every edge and record of a
    /// note takes one of these ids, and joining the parts into a String, copying that into an
    /// array and writing 64 hex digits to keep 16 cost more than the hash itself.
    public static func make(_ prefix: String, _ parts: [String]) -> String {
        var length = max(parts.count - 1, 0)
        for part in parts { length += part.utf8.count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer in
            var at = 0
            for (i, part) in parts.enumerated() {
                if i > 0 { buffer[at] = 0x1F; at += 1 }
                at = copyUTF8(part, into: buffer, at: at)
            }
            return short(prefix, UnsafeRawBufferPointer(start: buffer.baseAddress, count: at))
        }
    }

    /// `make(prefix, parts)` for a caller that has already joined its parts by U+001F, as UTF-8
    /// (a key written into one buffer rather than a String per part).
    public static func make(_ prefix: String, joinedUTF8 bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { short(prefix, $0) }
    }

    /// Copies the UTF-8 of `s` into `buffer` from `at`; returns the offset after it.
    private static func copyUTF8(_ s: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: Int) -> Int {
        var at = at
        let copied: Void? = s.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes { buffer[at] = b; at += 1 }
        }
        if copied == nil {
            for b in s.utf8 { buffer[at] = b; at += 1 }
        }
        return at
    }

    /// `prefix:` + the first 16 hex digits of the bytes' SHA-256.
    private static func short(_ prefix: String, _ bytes: UnsafeRawBufferPointer) -> String {
        var sha = SHA256()
        sha.update(bufferPointer: bytes)
        let digest = sha.finalize()
        var prefix = prefix
        return prefix.withUTF8 { head in
            digest.withUnsafeBytes { hash in
                String(unsafeUninitializedCapacity: head.count + 17) { out in
                    for i in 0..<head.count { out[i] = head[i] }
                    var o = head.count
                    out[o] = 0x3A
                    o += 1
                    for i in 0..<8 {
                        out[o] = hexDigit(hash[i] >> 4)
                        out[o + 1] = hexDigit(hash[i] & 0x0F)
                        o += 2
                    }
                    return o
                }
            }
        }
    }

    @inline(__always) private static func hexDigit(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x57 + d }

    /// The id of a document: its bytes decide it, so the same note imported twice is one document.
    public static func document(sha256: String) -> String { "doc:" + sha256.prefix(16) }
}
