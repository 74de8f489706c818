#ifndef RINGSIDE_CNCURSESW_SHIM_H
#define RINGSIDE_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline attr_t ringside_a_bold(void) { return A_BOLD; }
static inline attr_t ringside_a_reverse(void) { return A_REVERSE; }
static inline attr_t ringside_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ringside_a_dim(void) { return A_DIM; }
static inline attr_t ringside_a_normal(void) { return A_NORMAL; }
static inline int ringside_key_f(int n) { return KEY_F(n); }

static inline WINDOW *ringside_stdscr(void) { return stdscr; }
static inline int ringside_colors(void) { return COLORS; }
static inline int ringside_color_pairs(void) { return COLOR_PAIRS; }

/* True when the locale's codeset is UTF-8. */
static inline int ringside_codeset_is_utf8(void) {
  const char *cs = nl_langinfo(CODESET);
  return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* 0: usable; 1: unknown terminal; 2: no cursor addressing (dumb). Prints nothing. */
static inline int ringside_check_terminal(const char *term) {
  int err = 0;
  TERMINAL *saved = cur_term;
  if (setupterm(term, 1, &err) != OK) return 1;
  const char *cup = tigetstr("cup");
  int result = (cup == NULL || cup == (char *)-1) ? 2 : 0;
  TERMINAL *mine = cur_term;
  set_curterm(saved);
  del_curterm(mine);
  return result;
}

static inline SCREEN *ringside_newterm(const char *term) { return newterm(term, stdout, stdin); }

/* Signal handling: INT, TERM and HUP set a flag the input loop reads; a crash or any other
   signal that ends the process restores the terminal with async-signal-safe calls, then dies
   of the same signal. */
struct ringside_tty_state {
  volatile sig_atomic_t pending_signal;
  int have_termios;
  struct termios saved_termios;
  size_t restore_length;
  char restore_bytes[256];
};

/* One instance, kept in a function so the Swift importer emits its storage. */
static inline struct ringside_tty_state *ringside_tty(void) {
  static struct ringside_tty_state state;
  return &state;
}

static inline void ringside_on_signal(int sig) { ringside_tty()->pending_signal = sig; }

static inline void ringside_on_crash(int sig) {
  struct ringside_tty_state *t = ringside_tty();
  if (t->restore_length > 0) {
    ssize_t ignored = write(STDOUT_FILENO, t->restore_bytes, t->restore_length);
    (void)ignored;
  }
  if (t->have_termios) tcsetattr(STDIN_FILENO, TCSAFLUSH, &t->saved_termios);
  signal(sig, SIG_DFL);
  raise(sig);
}

static inline void ringside_install_signal_handlers(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = ringside_on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns at once */
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
  struct sigaction crash;
  memset(&crash, 0, sizeof crash);
  crash.sa_handler = ringside_on_crash;
  sigemptyset(&crash.sa_mask);
  crash.sa_flags = SA_RESETHAND;
  sigaction(SIGSEGV, &crash, NULL);
  sigaction(SIGBUS, &crash, NULL);
  sigaction(SIGILL, &crash, NULL);
  sigaction(SIGTRAP, &crash, NULL);
  sigaction(SIGABRT, &crash, NULL);
  sigaction(SIGFPE, &crash, NULL);
  /* Every other signal whose default ends the process: restore the terminal, then end of
     the same signal (the shell sees the usual 128+n). */
  sigaction(SIGUSR1, &crash, NULL);
  sigaction(SIGUSR2, &crash, NULL);
  sigaction(SIGPIPE, &crash, NULL);
  sigaction(SIGALRM, &crash, NULL);
  sigaction(SIGVTALRM, &crash, NULL);
  sigaction(SIGPROF, &crash, NULL);
  sigaction(SIGXCPU, &crash, NULL);
  sigaction(SIGXFSZ, &crash, NULL);
  sigaction(SIGSYS, &crash, NULL);
#ifdef SIGSTKFLT
  sigaction(SIGSTKFLT, &crash, NULL);
#endif
#ifdef SIGPWR
  sigaction(SIGPWR, &crash, NULL);
#endif
}

static inline int ringside_take_signal(void) {
  int sig = ringside_tty()->pending_signal;
  ringside_tty()->pending_signal = 0;
  return sig;
}

/* Remembers the terminal modes before curses changes them, for the crash handler. */
static inline void ringside_save_tty(void) {
  struct ringside_tty_state *t = ringside_tty();
  t->have_termios = tcgetattr(STDIN_FILENO, &t->saved_termios) == 0;
}

/* The bytes that leave the alternate screen and show the cursor, from terminfo. */
static inline void ringside_capture_restore_sequence(void) {
  struct ringside_tty_state *t = ringside_tty();
  char *out = t->restore_bytes;
  const char *caps[] = {"sgr0", "cnorm", "rmcup"};
  size_t n = 0;
  for (int i = 0; i < 3; i++) {
    const char *s = tigetstr(caps[i]);
    if (s == NULL || s == (char *)-1) continue;
    size_t len = strlen(s);
    if (n + len + 3 >= sizeof t->restore_bytes) break;
    memcpy(out + n, s, len);
    n += len;
  }
  out[n++] = '\r';
  out[n++] = '\n';
  t->restore_length = n;
}

static inline void ringside_forget_restore_sequence(void) { ringside_tty()->restore_length = 0; }

/* 1 when the terminal has an alternate screen to leave on exit (xterm, tmux); 0 on a vt100. */
static inline int ringside_has_alternate_screen(void) {
  const char *s = tigetstr("smcup");
  return s != NULL && s != (char *)-1 && s[0] != 0;
}
#endif
