#ifndef RINGSIDE_CLIBPQ_SHIM_H
#define RINGSIDE_CLIBPQ_SHIM_H
// libpq from Debian's libpq-dev, which puts its headers under /usr/include/postgresql.
#include <postgresql/libpq-fe.h>

static void ringside_pq_ignore_notice(void *arg, const char *message) {
  (void)arg;
  (void)message;
}

/// Keeps the server's NOTICE messages (e.g. "relation already exists, skipping") off the
/// terminal: libpq prints them to stderr unless a processor takes them.
static inline void ringside_pq_silence_notices(PGconn *conn) {
  PQsetNoticeProcessor(conn, ringside_pq_ignore_notice, NULL);
}
#endif
