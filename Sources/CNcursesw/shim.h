#ifndef RINGSIDE_CNCURSESW_SHIM_H
#define RINGSIDE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline attr_t ringside_a_bold(void) { return A_BOLD; }
static inline attr_t ringside_a_reverse(void) { return A_REVERSE; }
static inline attr_t ringside_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ringside_a_dim(void) { return A_DIM; }
static inline attr_t ringside_a_normal(void) { return A_NORMAL; }
static inline int ringside_key_f(int n) { return KEY_F(n); }
#endif
