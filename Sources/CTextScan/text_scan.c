#include "text_scan.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

long ringside_find(const uint8_t *text, size_t n, const uint8_t *needle, size_t m, size_t start) {
  if (m == 0 || start > n || n - start < m) return -1;
  size_t i = start;
#if defined(__SSE2__)
  const __m128i first = _mm_set1_epi8((char)needle[0]);
  const __m128i last = _mm_set1_epi8((char)needle[m - 1]);
  for (; i + (m - 1) + 16 <= n; i += 16) {
    __m128i heads = _mm_loadu_si128((const __m128i *)(text + i));
    __m128i tails = _mm_loadu_si128((const __m128i *)(text + i + m - 1));
    unsigned mask = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpeq_epi8(heads, first), _mm_cmpeq_epi8(tails, last)));
    while (mask != 0) {
      unsigned k = (unsigned)__builtin_ctz(mask);
      if (m <= 2 || memcmp(text + i + k + 1, needle + 1, m - 2) == 0) return (long)(i + k);
      mask &= mask - 1;
    }
  }
#endif
  for (; i + m <= n; i++) {
    if (text[i] == needle[0] && memcmp(text + i, needle, m) == 0) return (long)i;
  }
  return -1;
}

size_t ringside_find_records(const uint8_t *text, const int64_t *ends, size_t first, size_t last,
                             const uint8_t *needle, size_t m, int32_t *found, size_t capacity) {
  if (first >= last) return 0;
  size_t n = (size_t)ends[last - 1];
  size_t start = first == 0 ? 0 : (size_t)ends[first - 1];
  size_t record = first;
  size_t count = 0;
  for (;;) {
    long hit = ringside_find(text, n, needle, m, start);
    if (hit < 0) return count;
    if (count == capacity) return count + 1;
    /* The record holding the hit: often a near one, so gallop forward from the current
       record before halving, which keeps the search among nearby, cached entries. */
    if ((size_t)ends[record] <= (size_t)hit) {
      size_t low = record + 1, step = 1, high = last - 1;
      while (low + step < last && (size_t)ends[low + step] <= (size_t)hit) {
        low += step + 1;
        step *= 2;
      }
      if (low + step < high) high = low + step;
      while (low < high) {
        size_t mid = low + (high - low) / 2;
        if ((size_t)ends[mid] <= (size_t)hit) low = mid + 1; else high = mid;
      }
      record = low;
    }
    found[count++] = (int32_t)record;
    start = (size_t)ends[record];
    record += 1;
    if (record >= last) return count;
  }
}
