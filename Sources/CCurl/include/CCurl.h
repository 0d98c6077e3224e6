// The few libcurl calls `CurlTransport` needs. The machine has libcurl.so.4 but no development headers, so the
// prototypes are declared here (curl/curl.h, stable ABI since 7.x) and libcurl's variadic setters are wrapped in
// typed functions Swift can call. libcurl is opened on the first mlcurl_global_init (CCurl.c says why); every other
// call is valid only after it returned 0.
#ifndef MLOPSCTL_CCURL_H
#define MLOPSCTL_CCURL_H

#include <stddef.h>
#include <stdint.h>

// Option, info and error numbers from curl/curl.h (CURLOPTTYPE_LONG 0, OBJECTPOINT 10000, FUNCTIONPOINT 20000, OFF_T 30000).
enum {
    MLCURLOPT_WRITEDATA = 10001, MLCURLOPT_URL = 10002, MLCURLOPT_ERRORBUFFER = 10010, MLCURLOPT_WRITEFUNCTION = 20011,
    MLCURLOPT_POSTFIELDS = 10015, MLCURLOPT_HTTPHEADER = 10023,
    MLCURLOPT_HEADERDATA = 10029, MLCURLOPT_CUSTOMREQUEST = 10036, MLCURLOPT_NOPROGRESS = 43, MLCURLOPT_NOBODY = 44,
    MLCURLOPT_XFERINFODATA = 10057, MLCURLOPT_HEADERFUNCTION = 20079, MLCURLOPT_HTTP_VERSION = 84, MLCURLOPT_NOSIGNAL = 99,
    MLCURLOPT_POSTFIELDSIZE_LARGE = 30120, MLCURLOPT_CONNECTTIMEOUT_MS = 156, MLCURLOPT_XFERINFOFUNCTION = 20219,
    MLCURLOPT_PREREQFUNCTION = 20312, MLCURLOPT_PREREQDATA = 10313,
};
enum { MLCURLINFO_RESPONSE_CODE = 0x200000 + 2, MLCURLINFO_CONNECT_TIME = 0x300000 + 5 };
enum {
    MLCURLE_OK = 0, MLCURLE_COULDNT_RESOLVE_PROXY = 5, MLCURLE_COULDNT_RESOLVE_HOST = 6, MLCURLE_COULDNT_CONNECT = 7,
    MLCURLE_OPERATION_TIMEDOUT = 28, MLCURLE_SSL_CONNECT_ERROR = 35, MLCURLE_ABORTED_BY_CALLBACK = 42, MLCURLE_GOT_NOTHING = 52,
    MLCURLE_SEND_ERROR = 55, MLCURLE_RECV_ERROR = 56,
};
enum { MLCURL_HTTP_VERSION_1_1 = 2, MLCURL_PREREQFUNC_OK = 0, MLCURL_PREREQFUNC_ABORT = 1, MLCURL_ERROR_SIZE = 256 };

typedef size_t (*mlcurl_data_callback)(char *buffer, size_t size, size_t count, void *context);
typedef int (*mlcurl_xferinfo_callback)(void *context, int64_t dltotal, int64_t dlnow, int64_t ultotal, int64_t ulnow);
typedef int (*mlcurl_prereq_callback)(void *context, char *primary_ip, char *local_ip, int primary_port, int local_port);

int mlcurl_global_init(void);
// Why mlcurl_global_init failed (dlopen's or dlsym's reason), or NULL.
const char *mlcurl_load_error(void);
void *mlcurl_easy_init(void);
void mlcurl_easy_reset(void *handle);
void mlcurl_easy_cleanup(void *handle);
int mlcurl_easy_perform(void *handle);
const char *mlcurl_easy_strerror(int code);
int mlcurl_setopt_long(void *handle, int option, long value);
int mlcurl_setopt_offset(void *handle, int option, int64_t value);
int mlcurl_setopt_pointer(void *handle, int option, const void *value);
int mlcurl_setopt_data_callback(void *handle, int option, mlcurl_data_callback callback);
int mlcurl_setopt_xferinfo_callback(void *handle, mlcurl_xferinfo_callback callback);
int mlcurl_setopt_prereq_callback(void *handle, mlcurl_prereq_callback callback);
int mlcurl_getinfo_long(void *handle, int info, long *value);
int mlcurl_getinfo_double(void *handle, int info, double *value);
void *mlcurl_slist_append(void *list, const char *text);
void mlcurl_slist_free_all(void *list);

#endif
