// libcurl loaded at run time (see include/ccurl_loader.h). The declarations below are the few of
// curl.h this needs, from libcurl's stable ABI (soname 4, unchanged since 2006): opaque handles,
// the option and information numbers (never renumbered by libcurl) and the entry points.

#include "ccurl_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>

typedef void CURL;
struct curl_slist;
typedef int CURLcode;
typedef int64_t curl_off_t; // 64 bits on every Linux libcurl

enum {
    CURLE_OK = 0,
    CURLE_UNKNOWN_OPTION = 48,
    CURLE_OUT_OF_MEMORY = 27,
    CURLE_FAILED_INIT = 2,
};

// Option numbers: the type's base (long 0, pointer 10000, function 20000, curl_off_t 30000) + the number.
enum {
    CURLOPT_WRITEDATA = 10001,
    CURLOPT_URL = 10002,
    CURLOPT_WRITEFUNCTION = 20011,
    CURLOPT_USERAGENT = 10018,
    CURLOPT_LOW_SPEED_LIMIT = 19,
    CURLOPT_LOW_SPEED_TIME = 20,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_HEADERDATA = 10029,
    CURLOPT_FOLLOWLOCATION = 52,
    CURLOPT_MAXREDIRS = 68,
    CURLOPT_HEADERFUNCTION = 20079,
    CURLOPT_NOSIGNAL = 99,
    CURLOPT_ACCEPT_ENCODING = 10102,
    CURLOPT_MAXFILESIZE_LARGE = 30117,
    CURLOPT_TIMEOUT_MS = 155,
    CURLOPT_CONNECTTIMEOUT_MS = 156,
    CURLOPT_PROTOCOLS = 181,           // the bitmask, for libcurl before 7.85
    CURLOPT_REDIR_PROTOCOLS = 182,
    CURLOPT_PROTOCOLS_STR = 10318,     // 7.85 and later
    CURLOPT_REDIR_PROTOCOLS_STR = 10319,
};
enum { CURLPROTO_HTTP = 1 << 0, CURLPROTO_HTTPS = 1 << 1 };

// Information numbers: the type's base (long 0x200000, curl_off_t 0x600000) + the number.
enum {
    CURLINFO_RESPONSE_CODE = 0x200000 + 2,
    CURLINFO_CONTENT_LENGTH_DOWNLOAD_T = 0x600000 + 15,
};

#define CURL_GLOBAL_DEFAULT 3L

static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *handle, int option, ...);
    CURLcode (*easy_perform)(CURL *handle);
    CURLcode (*easy_getinfo)(CURL *handle, int info, ...);
    void (*easy_cleanup)(CURL *handle);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *line);
    void (*slist_free_all)(struct curl_slist *list);
} curl;
static int loaded;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load(void) {
    // libcurl4 (OpenSSL) first; libcurl.so, the development link, only when the soname is absent;
    // Debian's GnuTLS build, same ABI, last. Never closed: libcurl stays for the process's life.
    static const char *const names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4"};
    void *library = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && library == NULL; i++) {
        library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    }
    if (library == NULL) return;
    *(void **)&curl.global_init = dlsym(library, "curl_global_init");
    *(void **)&curl.easy_init = dlsym(library, "curl_easy_init");
    *(void **)&curl.easy_setopt = dlsym(library, "curl_easy_setopt");
    *(void **)&curl.easy_perform = dlsym(library, "curl_easy_perform");
    *(void **)&curl.easy_getinfo = dlsym(library, "curl_easy_getinfo");
    *(void **)&curl.easy_cleanup = dlsym(library, "curl_easy_cleanup");
    *(void **)&curl.slist_append = dlsym(library, "curl_slist_append");
    *(void **)&curl.slist_free_all = dlsym(library, "curl_slist_free_all");
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform || !curl.easy_getinfo
        || !curl.easy_cleanup || !curl.slist_append || !curl.slist_free_all) return;
    // Once, before any handle (curl_easy_init would do it too, but not thread-safely in older versions).
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return;
    loaded = 1;
}

int ccurl_available(void) {
    pthread_once(&load_once, load);
    return loaded;
}

typedef struct {
    ccurl_chunk on_header;
    ccurl_chunk on_body;
    void *context;
} sinks;

// libcurl's write and header callbacks: a return other than the length given stops the transfer.
// A zero-length piece is never refused, so returning 0 only ever means « stop ».
static size_t write_body(char *data, size_t size, size_t count, void *user) {
    const sinks *s = user;
    size_t length = size * count;
    return s->on_body(s->context, data, length) == 0 ? length : 0;
}

static size_t write_header(char *data, size_t size, size_t count, void *user) {
    const sinks *s = user;
    size_t length = size * count;
    return s->on_header(s->context, data, length) == 0 ? length : 0;
}

int ccurl_get(const char *url, const char *const *headers, size_t header_count,
              long idle_ms, long total_ms, int64_t max_size,
              ccurl_chunk on_header, ccurl_chunk on_body, void *context, ccurl_result *result) {
    result->code = CCURL_NOT_LOADED;
    result->status = 0;
    result->content_length = -1;
    if (!ccurl_available()) return result->code;

    CURL *handle = curl.easy_init();
    if (handle == NULL) return result->code = CURLE_FAILED_INIT;
    struct curl_slist *list = NULL;
    for (size_t i = 0; i < header_count; i++) {
        struct curl_slist *longer = curl.slist_append(list, headers[i]);
        if (longer == NULL) {
            curl.slist_free_all(list);
            curl.easy_cleanup(handle);
            return result->code = CURLE_OUT_OF_MEMORY;
        }
        list = longer;
    }
    sinks s = {on_header, on_body, context};
    long idle_seconds = idle_ms <= 0 ? 1 : (idle_ms + 999) / 1000;

    CURLcode code = CURLE_OK;
    // Each option in turn, stopping at the first libcurl refuses.
#define SET(option, value) if (code == CURLE_OK) code = curl.easy_setopt(handle, option, value)
    SET(CURLOPT_URL, url);
    SET(CURLOPT_NOSIGNAL, 1L);
    if (code == CURLE_OK) {
        code = curl.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
        if (code == CURLE_OK) code = curl.easy_setopt(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        if (code == CURLE_UNKNOWN_OPTION) {
            code = curl.easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
            SET(CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
        }
    }
    SET(CURLOPT_FOLLOWLOCATION, 1L);
    SET(CURLOPT_MAXREDIRS, 5L);
    SET(CURLOPT_CONNECTTIMEOUT_MS, idle_ms);
    SET(CURLOPT_LOW_SPEED_LIMIT, 1L);
    SET(CURLOPT_LOW_SPEED_TIME, idle_seconds);
    SET(CURLOPT_TIMEOUT_MS, total_ms);
    if (max_size > 0) SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max_size);
    // "": every encoding this libcurl decodes is accepted and decoded (as URLSession did).
    SET(CURLOPT_ACCEPT_ENCODING, "");
    SET(CURLOPT_USERAGENT, "catalyse");
    SET(CURLOPT_HTTPHEADER, list);
    SET(CURLOPT_HEADERFUNCTION, write_header);
    SET(CURLOPT_HEADERDATA, (void *)&s);
    SET(CURLOPT_WRITEFUNCTION, write_body);
    SET(CURLOPT_WRITEDATA, (void *)&s);
#undef SET
    if (code == CURLE_OK) code = curl.easy_perform(handle);

    long status = 0;
    if (curl.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status) == CURLE_OK) result->status = status;
    curl_off_t length = -1;
    if (curl.easy_getinfo(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK) result->content_length = length;
    curl.easy_cleanup(handle);
    curl.slist_free_all(list);
    return result->code = code;
}
