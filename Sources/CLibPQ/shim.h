#ifndef RINGSIDE_CLIBPQ_SHIM_H
#define RINGSIDE_CLIBPQ_SHIM_H
// libpq from Debian's libpq-dev, which puts its headers under /usr/include/postgresql.
#include <postgresql/libpq-fe.h>

#include <string.h>

static void ringside_pq_receive_notice(void *arg, const PGresult *result) {
  const char *severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
  if (arg != NULL && severity != NULL &&
      (strcmp(severity, "FATAL") == 0 || strcmp(severity, "PANIC") == 0)) {
    *(volatile int *)arg = 1;
  }
}

/// Keeps the server's NOTICE messages (e.g. "relation already exists, skipping") off the
/// terminal: libpq prints them to stderr unless a receiver takes them. A FATAL message that
/// arrives between queries (the server ending the session: libpq files it as a notice) sets
/// `*ended`, so the connection is known lost before the end of the stream is read.
static inline void ringside_pq_silence_notices(PGconn *conn, int *ended) {
  PQsetNoticeReceiver(conn, ringside_pq_receive_notice, ended);
}
#endif
