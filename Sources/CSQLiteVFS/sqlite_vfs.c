// The "ringside" SQLite VFS: SQLite's "unix" VFS, except that a process holding Ringside's
// writer lock cannot be kept out of the WAL by read locks that another program holds on the
// `-shm` file's write, checkpoint or recovery lock bytes.
//
// Why this is safe: SQLite's writers, checkpointers and recoverers take those bytes (shm bytes
// 120-122) exclusively. When the only locks in the way are read locks, none of them holds the
// byte. The fallback then takes a read lock of its own on it (an open-file-description lock,
// which conflicts with every other exclusive lock), so no plain SQLite writer (the sqlite3
// shell, say) can start while it works; Ringside's own processes exclude each other through
// the writer lock file (`<store>-lock`), which only the store's writers can open. A connection
// that needs the fallback outside a write (recovering the WAL index on open) takes that file's
// lock itself, without waiting, for as long as it holds the fallback.
#define _GNU_SOURCE
#include "sqlite_vfs.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const ringside_sqlite_vfs_name = "ringside";

// The opcode of the file control that sets the writer-lock flag; any value SQLite does not
// use itself ("RSWL").
#define RINGSIDE_FCNTL_WRITER_LOCK 0x5253574c
// Where SQLite's unix VFS keeps the WAL locks in the -shm file: (22 + SQLITE_SHM_NLOCK) * 4.
#define SHM_LOCK_BASE 120

typedef struct RingsideFile {
  sqlite3_file base;
  sqlite3_file *real;
  char *shmPath;     // "<db>-shm" for a main database, else NULL
  char *lockPath;    // "<db>-lock", the writer lock file
  int writerLockHeld;  // set by Ringside around its write transactions
  int fallbackHeld;  // bits 0-2: write, checkpoint, recovery lock, held through the fallback
  int shmFd;         // the descriptor the fallback's locks live on, or -1
  int lockFd;        // this file's own descriptor of lockPath, or -1
  int ownsFlock;     // lockFd is locked for the fallback
} RingsideFile;

static sqlite3_vfs *realVfs;
static sqlite3_vfs ringsideVfs;
static sqlite3_io_methods ringsideMethods;

// Descriptors of -shm files opened for the fallback. They are never closed: closing any
// descriptor of a file drops every POSIX lock the process holds on it, including the locks
// SQLite's own connections hold on the same -shm.
#define MAX_SHM_FILES 32
static struct {
  dev_t dev;
  ino_t ino;
  int fd;
} shmFiles[MAX_SHM_FILES];
static int shmFileCount;
static pthread_mutex_t shmFilesMutex = PTHREAD_MUTEX_INITIALIZER;

static int shmDescriptor(const char *path) {
  struct stat info;
  if (path == NULL || stat(path, &info) != 0) return -1;
  int found = -1;
  pthread_mutex_lock(&shmFilesMutex);
  for (int i = 0; i < shmFileCount; i++) {
    if (shmFiles[i].dev == info.st_dev && shmFiles[i].ino == info.st_ino) found = shmFiles[i].fd;
  }
  if (found < 0 && shmFileCount < MAX_SHM_FILES) {
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat opened;
    if (fd >= 0 && fstat(fd, &opened) == 0 && opened.st_dev == info.st_dev &&
        opened.st_ino == info.st_ino) {
      shmFiles[shmFileCount].dev = info.st_dev;
      shmFiles[shmFileCount].ino = info.st_ino;
      shmFiles[shmFileCount].fd = fd;
      shmFileCount++;
      found = fd;
    } else if (fd >= 0) {
      // A file swapped in between stat and open: keep the descriptor open (see above).
      found = -1;
    }
  }
  pthread_mutex_unlock(&shmFilesMutex);
  return found;
}

// The bits of the slots offset..offset+n-1 when all are write, checkpoint or recovery locks.
static int fallbackMask(int offset, int n) {
  if (offset < 0 || n < 1 || offset + n > 3) return 0;
  return ((1 << n) - 1) << offset;
}

// Takes a shared lock on the slots when every lock in the way of each is a shared one.
// 1 on success.
static int takeFallback(RingsideFile *p, int offset, int n) {
#ifdef F_OFD_SETLK
  int fd = shmDescriptor(p->shmPath);
  if (fd < 0) return 0;
  for (int slot = offset; slot < offset + n; slot++) {
    struct flock probe;
    memset(&probe, 0, sizeof probe);
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = SHM_LOCK_BASE + slot;
    probe.l_len = 1;
    if (fcntl(fd, F_OFD_GETLK, &probe) != 0) return 0;
    if (probe.l_type != F_RDLCK && probe.l_type != F_UNLCK) return 0;
  }
  struct flock hold;
  memset(&hold, 0, sizeof hold);
  hold.l_type = F_RDLCK;
  hold.l_whence = SEEK_SET;
  hold.l_start = SHM_LOCK_BASE + offset;
  hold.l_len = n;
  if (fcntl(fd, F_OFD_SETLK, &hold) != 0) return 0;
  p->shmFd = fd;
  return 1;
#else
  (void)p;
  (void)offset;
  (void)n;
  return 0;
#endif
}

static void releaseFallback(RingsideFile *p, int offset, int n) {
#ifdef F_OFD_SETLK
  struct flock release;
  memset(&release, 0, sizeof release);
  release.l_type = F_UNLCK;
  release.l_whence = SEEK_SET;
  release.l_start = SHM_LOCK_BASE + offset;
  release.l_len = n;
  if (p->shmFd >= 0) fcntl(p->shmFd, F_OFD_SETLK, &release);
#else
  (void)p;
  (void)offset;
  (void)n;
#endif
}

// The rule WriterLock (Swift) applies too: a lock file others than the store's writers could
// open is not trusted, as they could hold it. It must be a regular file with no access for
// others, and any group access must be for the store's own group.
static int lockFileTrusted(int fd, const char *lockPath) {
  struct stat info;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || (info.st_mode & 07) != 0) return 0;
  if ((info.st_mode & 070) == 0) return 1;
  size_t length = strlen(lockPath);
  if (length <= 5) return 0;
  char *store = sqlite3_mprintf("%.*s", (int)(length - 5), lockPath);  // drop "-lock"
  struct stat storeInfo;
  int trusted = store != NULL && stat(store, &storeInfo) == 0 && storeInfo.st_gid == info.st_gid;
  sqlite3_free(store);
  return trusted;
}

// Takes the writer lock file's lock without waiting, for a fallback outside a write.
static int takeOwnFlock(RingsideFile *p) {
  if (p->lockPath == NULL) return 0;
  if (p->lockFd < 0) {
    int fd = open(p->lockPath, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return 0;
    if (!lockFileTrusted(fd, p->lockPath)) {
      close(fd);
      return 0;
    }
    p->lockFd = fd;
  }
  if (flock(p->lockFd, LOCK_EX | LOCK_NB) != 0) return 0;
  p->ownsFlock = 1;
  return 1;
}

static void dropOwnFlockWhenUnused(RingsideFile *p) {
  if (p->ownsFlock && p->fallbackHeld == 0) {
    flock(p->lockFd, LOCK_UN);
    p->ownsFlock = 0;
  }
}

// MARK: io methods, forwarded to the real file

static int rsClose(sqlite3_file *f) {
  RingsideFile *p = (RingsideFile *)f;
  if (p->fallbackHeld) releaseFallback(p, 0, 3);
  p->fallbackHeld = 0;
  dropOwnFlockWhenUnused(p);
  if (p->lockFd >= 0) close(p->lockFd);
  p->lockFd = -1;
  int rc = p->real->pMethods ? p->real->pMethods->xClose(p->real) : SQLITE_OK;
  sqlite3_free(p->shmPath);
  sqlite3_free(p->lockPath);
  p->shmPath = NULL;
  p->lockPath = NULL;
  return rc;
}
static int rsRead(sqlite3_file *f, void *b, int n, sqlite3_int64 o) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xRead(r, b, n, o);
}
static int rsWrite(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xWrite(r, b, n, o);
}
static int rsTruncate(sqlite3_file *f, sqlite3_int64 size) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xTruncate(r, size);
}
static int rsSync(sqlite3_file *f, int flags) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xSync(r, flags);
}
static int rsFileSize(sqlite3_file *f, sqlite3_int64 *size) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xFileSize(r, size);
}
static int rsLock(sqlite3_file *f, int level) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xLock(r, level);
}
static int rsUnlock(sqlite3_file *f, int level) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xUnlock(r, level);
}
static int rsCheckReservedLock(sqlite3_file *f, int *out) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xCheckReservedLock(r, out);
}
static int rsFileControl(sqlite3_file *f, int op, void *arg) {
  RingsideFile *p = (RingsideFile *)f;
  if (op == RINGSIDE_FCNTL_WRITER_LOCK) {
    p->writerLockHeld = arg != NULL && *(int *)arg != 0;
    return SQLITE_OK;
  }
  return p->real->pMethods->xFileControl(p->real, op, arg);
}
static int rsSectorSize(sqlite3_file *f) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xSectorSize(r);
}
static int rsDeviceCharacteristics(sqlite3_file *f) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xDeviceCharacteristics(r);
}
static int rsShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xShmMap(r, page, size, extend, out);
}
static int rsShmLock(sqlite3_file *f, int offset, int n, int flags) {
  RingsideFile *p = (RingsideFile *)f;
  int mask = fallbackMask(offset, n);
  if (mask && (flags & SQLITE_SHM_UNLOCK) && (p->fallbackHeld & mask) == mask) {
    releaseFallback(p, offset, n);
    p->fallbackHeld &= ~mask;
    dropOwnFlockWhenUnused(p);
    return SQLITE_OK;
  }
  int rc = p->real->pMethods->xShmLock(p->real, offset, n, flags);
  if (rc != SQLITE_BUSY || !mask || (p->fallbackHeld & mask) != 0 ||
      flags != (SQLITE_SHM_LOCK | SQLITE_SHM_EXCLUSIVE)) {
    return rc;
  }
  if (!p->writerLockHeld && !p->ownsFlock && !takeOwnFlock(p)) return rc;
  if (takeFallback(p, offset, n)) {
    p->fallbackHeld |= mask;
    return SQLITE_OK;
  }
  dropOwnFlockWhenUnused(p);
  return rc;
}
static void rsShmBarrier(sqlite3_file *f) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  r->pMethods->xShmBarrier(r);
}
static int rsShmUnmap(sqlite3_file *f, int deleteFlag) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xShmUnmap(r, deleteFlag);
}
static int rsFetch(sqlite3_file *f, sqlite3_int64 o, int n, void **out) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xFetch(r, o, n, out);
}
static int rsUnfetch(sqlite3_file *f, sqlite3_int64 o, void *page) {
  sqlite3_file *r = ((RingsideFile *)f)->real;
  return r->pMethods->xUnfetch(r, o, page);
}

// MARK: the VFS, forwarded to "unix"

static int rsOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
  (void)vfs;
  RingsideFile *p = (RingsideFile *)f;
  memset(p, 0, sizeof *p);
  p->real = (sqlite3_file *)&p[1];
  p->shmFd = -1;
  p->lockFd = -1;
  int rc = realVfs->xOpen(realVfs, name, p->real, flags, outFlags);
  if (p->real->pMethods == NULL) {
    p->base.pMethods = NULL;
    return rc;
  }
  if (p->real->pMethods->iVersion < 3) {
    // Not a file this wrapper can serve; should not happen with the unix VFS.
    p->real->pMethods->xClose(p->real);
    p->base.pMethods = NULL;
    return SQLITE_CANTOPEN;
  }
  if ((flags & SQLITE_OPEN_MAIN_DB) && name != NULL) {
    p->shmPath = sqlite3_mprintf("%s-shm", name);
    p->lockPath = sqlite3_mprintf("%s-lock", name);
  }
  p->base.pMethods = &ringsideMethods;
  return rc;
}
static int rsDelete(sqlite3_vfs *v, const char *name, int sync) {
  (void)v;
  return realVfs->xDelete(realVfs, name, sync);
}
static int rsAccess(sqlite3_vfs *v, const char *name, int flags, int *out) {
  (void)v;
  return realVfs->xAccess(realVfs, name, flags, out);
}
static int rsFullPathname(sqlite3_vfs *v, const char *name, int n, char *out) {
  (void)v;
  return realVfs->xFullPathname(realVfs, name, n, out);
}
static void *rsDlOpen(sqlite3_vfs *v, const char *name) {
  (void)v;
  return realVfs->xDlOpen(realVfs, name);
}
static void rsDlError(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  realVfs->xDlError(realVfs, n, out);
}
static void (*rsDlSym(sqlite3_vfs *v, void *h, const char *sym))(void) {
  (void)v;
  return realVfs->xDlSym(realVfs, h, sym);
}
static void rsDlClose(sqlite3_vfs *v, void *h) {
  (void)v;
  realVfs->xDlClose(realVfs, h);
}
static int rsRandomness(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  return realVfs->xRandomness(realVfs, n, out);
}
static int rsSleep(sqlite3_vfs *v, int us) {
  (void)v;
  return realVfs->xSleep(realVfs, us);
}
static int rsCurrentTime(sqlite3_vfs *v, double *out) {
  (void)v;
  return realVfs->xCurrentTime(realVfs, out);
}
static int rsGetLastError(sqlite3_vfs *v, int n, char *out) {
  (void)v;
  return realVfs->xGetLastError(realVfs, n, out);
}
static int rsCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *out) {
  (void)v;
  return realVfs->xCurrentTimeInt64(realVfs, out);
}

static pthread_once_t registerOnce = PTHREAD_ONCE_INIT;
static int registerResult = SQLITE_ERROR;

static void registerVfs(void) {
  realVfs = sqlite3_vfs_find("unix");
  if (realVfs == NULL || realVfs->iVersion < 2) return;
  ringsideMethods = (sqlite3_io_methods){
      .iVersion = 3,
      .xClose = rsClose,
      .xRead = rsRead,
      .xWrite = rsWrite,
      .xTruncate = rsTruncate,
      .xSync = rsSync,
      .xFileSize = rsFileSize,
      .xLock = rsLock,
      .xUnlock = rsUnlock,
      .xCheckReservedLock = rsCheckReservedLock,
      .xFileControl = rsFileControl,
      .xSectorSize = rsSectorSize,
      .xDeviceCharacteristics = rsDeviceCharacteristics,
      .xShmMap = rsShmMap,
      .xShmLock = rsShmLock,
      .xShmBarrier = rsShmBarrier,
      .xShmUnmap = rsShmUnmap,
      .xFetch = rsFetch,
      .xUnfetch = rsUnfetch,
  };
  ringsideVfs = (sqlite3_vfs){
      .iVersion = 2,
      .szOsFile = (int)sizeof(RingsideFile) + realVfs->szOsFile,
      .mxPathname = realVfs->mxPathname,
      .zName = ringside_sqlite_vfs_name,
      .xOpen = rsOpen,
      .xDelete = rsDelete,
      .xAccess = rsAccess,
      .xFullPathname = rsFullPathname,
      .xDlOpen = rsDlOpen,
      .xDlError = rsDlError,
      .xDlSym = rsDlSym,
      .xDlClose = rsDlClose,
      .xRandomness = rsRandomness,
      .xSleep = rsSleep,
      .xCurrentTime = rsCurrentTime,
      .xGetLastError = rsGetLastError,
      .xCurrentTimeInt64 = rsCurrentTimeInt64,
  };
  registerResult = sqlite3_vfs_register(&ringsideVfs, 0);
}

int ringside_sqlite_register_vfs(void) {
  pthread_once(&registerOnce, registerVfs);
  return registerResult;
}

int ringside_sqlite_set_writer_lock_held(void *db, int held) {
  int value = held;
  return sqlite3_file_control((sqlite3 *)db, "main", RINGSIDE_FCNTL_WRITER_LOCK, &value);
}
