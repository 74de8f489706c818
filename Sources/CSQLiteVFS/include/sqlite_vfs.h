#ifndef RINGSIDE_SQLITE_VFS_H
#define RINGSIDE_SQLITE_VFS_H

/// The name of the VFS registered by ringside_sqlite_register_vfs ("ringside").
extern const char *const ringside_sqlite_vfs_name;

/// Registers, once per process, a VFS that wraps SQLite's default "unix" VFS and changes one
/// thing: a connection told that its process holds the store's writer lock (see
/// ringside_sqlite_set_writer_lock_held) takes the WAL write and checkpoint locks even when
/// only shared (read) locks stand in their way. SQLite itself only ever takes those two bytes
/// exclusively, so a read lock on them comes from a program that can read the files and
/// holds it to keep writers out. Returns 0 on success, else an SQLite error code.
int ringside_sqlite_register_vfs(void);

/// Tells the "main" database of `db` (opened through the "ringside" VFS) whether its process
/// now holds the writer lock that serialises Ringside's writers. Returns an SQLite result code.
int ringside_sqlite_set_writer_lock_held(void *db, int held);

#endif
