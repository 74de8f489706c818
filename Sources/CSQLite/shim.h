#ifndef RINGSIDE_CSQLITE_SHIM_H
#define RINGSIDE_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast macro Swift cannot import.
static inline sqlite3_destructor_type ringside_sqlite_transient(void) {
  return SQLITE_TRANSIENT;
}
/// Keeps the -wal and -shm files after the last connection closes, so a viewer who cannot
/// create files in the store's folder can still open it read-only.
static inline int ringside_sqlite_persist_wal(sqlite3 *db) {
  int on = 1;
  return sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
}
/// Turns off SQLite's memory statistics, which take a global mutex on every allocation.
/// Only has an effect before the library's first use; later calls change nothing.
static inline int ringside_sqlite_skip_memory_statistics(void) {
  return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
#endif
