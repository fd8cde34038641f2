#ifndef CCURL_LOADER_H
#define CCURL_LOADER_H

// One HTTP GET through libcurl, loaded at run time with dlopen the first time it is needed, so
// that starting the program does not load libcurl and the ~25 libraries it depends on (TLS,
// Kerberos, LDAP…). No curl header is needed to build this: the few entry points and option
// numbers used are declared in ccurl_loader.c from libcurl's stable ABI (soname libcurl.so.4).

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// `ccurl_result.code` when libcurl cannot be loaded (no libcurl.so.4, libcurl.so or
/// libcurl-gnutls.so.4, or one without the functions used). Every other code is a CURLcode.
#define CCURL_NOT_LOADED (-1)

/// Receives a piece of the response: one header line (with its CR LF) or a piece of the body.
/// Returns 0 to go on; anything else stops the transfer (libcurl then ends with CURLE_WRITE_ERROR, 23).
typedef int (*ccurl_chunk)(void *context, const char *data, size_t length);

typedef struct ccurl_result {
    /// 0 (CURLE_OK) or the CURLcode the transfer ended with, or CCURL_NOT_LOADED.
    int code;
    /// The last response's HTTP status (after redirections); 0 when none came.
    long status;
    /// The last response's Content-Length as libcurl read it; -1 when not known.
    int64_t content_length;
} ccurl_result;

/// 1 when libcurl is loaded (loading it the first time; thread-safe), 0 when it cannot be.
int ccurl_available(void);

/// GETs `url` (http or https only; at most five redirections, followed; no signals), sending the
/// `header_count` lines of `headers` ("Name: value"). Timeouts in milliseconds: `idle_ms` to
/// connect and between bytes (the transfer is cut when less than one byte a second arrives for
/// that long, rounded up to whole seconds), `total_ms` for the whole transfer. A `max_size` above
/// 0 makes libcurl refuse a response announcing more (CURLE_FILESIZE_EXCEEDED, 63); the bytes
/// themselves are counted by `on_body`. Header lines go to `on_header` (those of every response,
/// redirections included: a line starting "HTTP/" begins a response), the body to `on_body`,
/// both called on this thread with `context`, before this returns. Returns `result->code`.
int ccurl_get(const char *url, const char *const *headers, size_t header_count,
              long idle_ms, long total_ms, int64_t max_size,
              ccurl_chunk on_header, ccurl_chunk on_body, void *context, ccurl_result *result);

#ifdef __cplusplus
}
#endif

#endif
