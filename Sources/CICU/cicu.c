// Implementation of cicu.h. ICU headers are included here only, never in the public header.
#include "cicu.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uscript.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/utf16.h>

struct cicu_break { UBreakIterator *bi; };

// Opening an iterator loads rules and, for sentences with `ss=standard`, builds the suppression
// trie: far dearer than cloning an open one. One prototype per (kind, locale) is kept and cloned.
#define CICU_PROTOTYPES 8
static struct { int32_t kind; char locale[64]; UBreakIterator *bi; } prototypes[CICU_PROTOTYPES];
static pthread_mutex_t prototypes_lock = PTHREAD_MUTEX_INITIALIZER;

static UBreakIterator *open_iterator(int32_t kind, const char *locale, UErrorCode *status) {
    UBreakIterator *bi = NULL;
    pthread_mutex_lock(&prototypes_lock);
    int i = 0;
    for (; i < CICU_PROTOTYPES && prototypes[i].bi; i++) {
        if (prototypes[i].kind == kind && strcmp(prototypes[i].locale, locale) == 0) {
            bi = ubrk_clone(prototypes[i].bi, status);
            break;
        }
    }
    if (!bi && U_SUCCESS(*status)) {
        bi = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, status);
        if (U_SUCCESS(*status) && i < CICU_PROTOTYPES && strlen(locale) < sizeof prototypes[i].locale) {
            UErrorCode s2 = U_ZERO_ERROR;
            UBreakIterator *proto = ubrk_clone(bi, &s2);
            if (U_SUCCESS(s2)) {
                prototypes[i].kind = kind;
                strcpy(prototypes[i].locale, locale);
                prototypes[i].bi = proto;
            }
        }
    }
    pthread_mutex_unlock(&prototypes_lock);
    return bi;
}

cicu_break *cicu_break_open(int32_t kind, const char *locale, const uint16_t *text, int32_t length,
                            int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = open_iterator(kind, locale, &status);
    if (U_SUCCESS(status)) ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; if (bi) ubrk_close(bi); return NULL; }
    cicu_break *it = malloc(sizeof *it);
    if (!it) { ubrk_close(bi); *error = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    it->bi = bi;
    *error = 0;
    return it;
}

int32_t cicu_break_next(cicu_break *it) {
    int32_t b = ubrk_next(it->bi);
    return b == UBRK_DONE ? -1 : b;
}

int32_t cicu_break_rule_status(cicu_break *it) { return ubrk_getRuleStatus(it->bi); }

int32_t cicu_break_is_boundary(cicu_break *it, int32_t offset) { return ubrk_isBoundary(it->bi, offset) ? 1 : 0; }

void cicu_break_close(cicu_break *it) {
    if (!it) return;
    ubrk_close(it->bi);
    free(it);
}

int32_t cicu_script(uint32_t codepoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &status);
    return U_FAILURE(status) ? CICU_SCRIPT_COMMON : (int32_t)code;
}

int32_t cicu_to_utf16(const char *charset, const uint8_t *bytes, int32_t length, uint16_t *out,
                      int32_t capacity, int32_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { *error_offset = 0; return -2; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    const char *src = (const char *)bytes, *srcLimit = (const char *)bytes + length;
    UChar *dst = (UChar *)out, *dstLimit = (UChar *)out + capacity;
    ucnv_toUnicode(cnv, &dst, dstLimit, &src, srcLimit, NULL, 1, &status);
    if (U_FAILURE(status)) {
        char bad[32]; int8_t badLen = sizeof bad; UErrorCode s2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &badLen, &s2);
        if (U_FAILURE(s2)) badLen = 0;
        *error_offset = (int32_t)(src - (const char *)bytes) - badLen;
        if (*error_offset < 0) *error_offset = 0;
        ucnv_close(cnv);
        return -1;
    }
    ucnv_close(cnv);
    return (int32_t)(dst - (UChar *)out);
}

int32_t cicu_detect(const uint8_t *bytes, int32_t length, char *name, int32_t name_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(det, (const char *)bytes, length, &status);
    const UCharsetMatch *m = ucsdet_detect(det, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && m) {
        const char *n = ucsdet_getName(m, &status);
        confidence = ucsdet_getConfidence(m, &status);
        if (U_SUCCESS(status) && n && name_capacity > 0) {
            strncpy(name, n, (size_t)name_capacity - 1);
            name[name_capacity - 1] = 0;
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(det);
    return confidence;
}

int32_t cicu_nfkc(const uint16_t *in, int32_t length, uint16_t *out, int32_t *map, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    const UChar *s = (const UChar *)in;
    int32_t i = 0, o = 0;
    while (i < length) {
        // The longest prefix already in NFKC ends at a normalisation boundary: copy it one to one.
        int32_t span = unorm2_spanQuickCheckYes(nfkc, s + i, length - i, &status);
        if (U_FAILURE(status)) return -1;
        if (o + span > capacity) return -3;
        for (int32_t k = 0; k < span; k++) { out[o + k] = s[i + k]; map[o + k] = i + k; }
        o += span; i += span;
        if (i >= length) break;
        // Then one segment up to the next boundary, normalised as a unit.
        int32_t j = i; UChar32 c;
        U16_NEXT(s, j, length, c);
        while (j < length) {
            int32_t k = j; UChar32 d;
            U16_NEXT(s, k, length, d);
            if (unorm2_hasBoundaryBefore(nfkc, d)) break;
            j = k;
        }
        (void)c;
        int32_t n = unorm2_normalize(nfkc, s + i, j - i, (UChar *)out + o, capacity - o, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return -3;
        if (U_FAILURE(status)) return -1;
        for (int32_t k = 0; k < n; k++) map[o + k] = i;
        o += n; i = j;
    }
    return o;
}

int64_t cicu_word_scan(const uint16_t *text, int32_t length, const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = open_iterator(UBRK_WORD, locale, &status);
    if (U_SUCCESS(status)) ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { if (bi) ubrk_close(bi); return -1; }
    int64_t n = 0;
    while (ubrk_next(bi) != UBRK_DONE) n++;
    ubrk_close(bi);
    return n;
}

struct cicu_regex { URegularExpression *re; };

cicu_regex *cicu_regex_open(const uint16_t *pattern, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, 0, &parse, &status);
    *error = status;
    if (U_FAILURE(status)) { if (re) uregex_close(re); return NULL; }
    cicu_regex *out = malloc(sizeof *out);
    if (!out) { uregex_close(re); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    out->re = re;
    return out;
}

cicu_regex *cicu_regex_clone(const cicu_regex *re, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    URegularExpression *copy = uregex_clone(re->re, &status);
    *error = status;
    if (U_FAILURE(status)) { if (copy) uregex_close(copy); return NULL; }
    cicu_regex *out = malloc(sizeof *out);
    if (!out) { uregex_close(copy); *error = U_MEMORY_ALLOCATION_ERROR; return NULL; }
    out->re = copy;
    return out;
}

int32_t cicu_regex_matches(cicu_regex *re, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    // An empty text needs a non-NULL pointer all the same.
    static const UChar empty = 0;
    uregex_setText(re->re, length > 0 ? (const UChar *)text : &empty, length, &status);
    UBool found = U_SUCCESS(status) ? uregex_matches(re->re, -1, &status) : 0;
    return U_FAILURE(status) ? -1 : (found ? 1 : 0);
}

void cicu_regex_close(cicu_regex *re) {
    if (!re) return;
    uregex_close(re->re);
    free(re);
}
