#ifndef RINGSIDE_TEXT_SCAN_H
#define RINGSIDE_TEXT_SCAN_H
#include <stddef.h>
#include <stdint.h>

/// The offset of the first occurrence of `needle` (`needle_length` bytes, at least 1) in
/// `text` at or after `start`, or -1. Compares 16 positions at a time on the needle's first
/// and last byte, and only those candidates in full.
long ringside_find(const uint8_t *text, size_t text_length, const uint8_t *needle,
                   size_t needle_length, size_t start);

#endif
