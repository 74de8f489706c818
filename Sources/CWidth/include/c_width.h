#ifndef RINGSIDE_CWIDTH_H
#define RINGSIDE_CWIDTH_H
#include <stdint.h>

/// The C library's wcwidth(3) for one code point under a UTF-8 locale (C.UTF-8), whatever the
/// process locale is: the same table ncurses uses to place characters. -1 for control and
/// unassigned characters, -2 when no UTF-8 locale is available.
int ringside_wcwidth(uint32_t code_point);
#endif
