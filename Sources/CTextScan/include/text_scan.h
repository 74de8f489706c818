#ifndef RINGSIDE_TEXT_SCAN_H
#define RINGSIDE_TEXT_SCAN_H
#include <stddef.h>
#include <stdint.h>

/// The offset of the first occurrence of `needle` (`needle_length` bytes, at least 1) in
/// `text` at or after `start`, or -1. Compares 16 positions at a time on the needle's first
/// and last byte, and only those candidates in full.
long ringside_find(const uint8_t *text, size_t text_length, const uint8_t *needle,
                   size_t needle_length, size_t start);

/// Finds the records that contain `needle`: record i is the bytes before `ends[i]` (and from
/// `ends[i - 1]`), for i in `first` ..< `last`. Writes the matching record numbers in order
/// to `found`, at most `capacity` of them, and returns how many matched: a result above
/// `capacity` means there are more. One hit per record is enough; the scan goes on at the
/// record's end.
size_t ringside_find_records(const uint8_t *text, const int64_t *ends, size_t first, size_t last,
                             const uint8_t *needle, size_t needle_length, int32_t *found,
                             size_t capacity);

#endif
