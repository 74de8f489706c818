#ifndef RINGSIDE_CZLIB_SHIM_H
#define RINGSIDE_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro Swift cannot import: raw DEFLATE (no zlib or gzip header), as zip
/// entries hold it, with the largest window.
static inline int ringside_inflate_init_raw(z_streamp stream) {
  return inflateInit2(stream, -MAX_WBITS);
}
#endif
