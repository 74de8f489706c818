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
