import CICU
import NoteGraphCore

/// ICU break iteration over a UTF-16 buffer. The iterator keeps a pointer into the buffer, so
/// iteration happens inside one `withUnsafeBufferPointer` scope: the buffer cannot move or be
/// freed while ICU reads it.
enum ICUBreaker {
    enum Kind { case word, sentence }

    /// Calls `body` with each boundary in `range` after its start (offsets into the whole
    /// `text`) and, for words, its rule status.
    static func forEachBoundary(_ kind: Kind, locale: String, text: [UInt16], in range: Range<Int>,
                                _ body: (_ boundary: Int32, _ status: Int32) -> Void) throws {
        if range.isEmpty { return }
        let base = Int32(range.lowerBound)
        try text.withUnsafeBufferPointer { whole in
            let buf = UnsafeBufferPointer(rebasing: whole[range])
            var error: Int32 = 0
            guard let it = cicu_break_open(kind == .word ? Int32(CICU_BREAK_WORD) : Int32(CICU_BREAK_SENTENCE),
                                           locale, buf.baseAddress, Int32(buf.count), &error) else {
                throw InternalError("ICUBreaker", "ubrk_open failed with ICU error \(error)")
            }
            defer { cicu_break_close(it) }
            while true {
                let b = cicu_break_next(it)
                if b < 0 { break }
                body(base + b, kind == .word ? cicu_break_rule_status(it) : 0)
            }
        }
    }

    /// Word boundaries only: the ceiling `notegraph bench` measures the whole path against.
    static func wordScan(_ text: [UInt16]) -> Int {
        text.withUnsafeBufferPointer { Int(cicu_word_scan($0.baseAddress, Int32($0.count), Segmenter.locale)) }
    }
}
