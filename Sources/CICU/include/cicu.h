/// A small C face for the ICU calls NoteGraph needs.
///
/// Why a wrapper: ICU's C names are versioned macros (`ubrk_open` is `ubrk_open_72`), which Swift
/// cannot import, and ICU's headers clash with the copy of ICU inside Foundation. This header
/// therefore includes no ICU header at all; only plain C types cross the boundary.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Break iterator kinds (the values of ICU's UBreakIteratorType).
enum { CICU_BREAK_WORD = 1, CICU_BREAK_SENTENCE = 3 };

/// Word-break rule status ranges (ICU's UWordBreak).
enum {
    CICU_WORD_NONE = 0, CICU_WORD_NUMBER = 100, CICU_WORD_LETTER = 200,
    CICU_WORD_KANA = 300, CICU_WORD_IDEO = 400, CICU_WORD_IDEO_LIMIT = 500
};

/// A few ICU script codes (UScriptCode values) the segmenter distinguishes.
enum {
    CICU_SCRIPT_COMMON = 0, CICU_SCRIPT_INHERITED = 1, CICU_SCRIPT_ARABIC = 2, CICU_SCRIPT_CYRILLIC = 8,
    CICU_SCRIPT_GREEK = 14, CICU_SCRIPT_HAN = 17, CICU_SCRIPT_HANGUL = 18, CICU_SCRIPT_HIRAGANA = 20,
    CICU_SCRIPT_KATAKANA = 22, CICU_SCRIPT_LATIN = 25
};

typedef struct cicu_break cicu_break;

/// Opens a break iterator over `text`, which must stay alive and unmoved until close.
/// Returns NULL and sets *error (an ICU error code) on failure.
cicu_break *cicu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length,
                            int32_t *error);
/// The next boundary, or -1 when done.
int32_t cicu_break_next(cicu_break *it);
/// The rule status of the boundary last returned (word kinds above).
int32_t cicu_break_rule_status(cicu_break *it);
/// Whether `offset` is a boundary.
int32_t cicu_break_is_boundary(cicu_break *it, int32_t offset);
void cicu_break_close(cicu_break *it);

/// ICU script code of a code point.
int32_t cicu_script(uint32_t codepoint);

/// Strictly converts `bytes` in `charset` to UTF-16: stops at the first illegal or unmapped
/// sequence. Returns the number of UTF-16 units written, or -1 with *error_offset set to the
/// byte offset of the offending sequence (or -2 for an unknown charset).
int32_t cicu_to_utf16(const char *charset, const uint8_t *bytes, int32_t length, uint16_t *out,
                      int32_t capacity, int32_t *error_offset);

/// ICU's charset detector: writes the best guess's name into `name`, returns its confidence
/// (0–100), or -1 when nothing was detected.
int32_t cicu_detect(const uint8_t *bytes, int32_t length, char *name, int32_t name_capacity);

/// NFKC-normalises `in` into `out` and writes, for every output unit, the index of the input
/// unit it came from into `map` (both of `capacity` units; 18 * length + 16 is always enough).
/// Text already in NFKC is copied one to one; a changed segment maps to its first input unit.
/// Returns the output length, -3 when `capacity` is too small, or -1 on error.
int32_t cicu_nfkc(const uint16_t *in, int32_t length, uint16_t *out, int32_t *map, int32_t capacity);

/// Scans `text` with a word iterator only, returning the number of boundaries: the ceiling that
/// `notegraph bench` compares the whole read + segment path with.
int64_t cicu_word_scan(const uint16_t *text, int32_t length, const char *locale);

typedef struct cicu_regex cicu_regex;

/// Compiles an ICU regular expression (no flags; `(?i)` and the like inline). Returns NULL and
/// sets *error (an ICU error code) when the pattern is invalid.
cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, int32_t *error);
/// A copy sharing the compiled pattern, for another thread: a regex holds its match state.
cicu_regex *cicu_regex_clone(const cicu_regex *re, int32_t *error);
/// 1 when the whole of `text` matches, 0 when not, -1 on error.
int32_t cicu_regex_matches(cicu_regex *re, const uint16_t *text, int32_t length);
void cicu_regex_close(cicu_regex *re);

#ifdef __cplusplus
}
#endif
#endif
