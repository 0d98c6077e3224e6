#include "CCurl.h"

// libcurl's own prototypes (curl/curl.h); handles and lists are opaque here.
extern int curl_global_init(long flags);
extern void *curl_easy_init(void);
extern void curl_easy_reset(void *handle);
extern void curl_easy_cleanup(void *handle);
extern int curl_easy_perform(void *handle);
extern const char *curl_easy_strerror(int code);
extern int curl_easy_setopt(void *handle, int option, ...);
extern int curl_easy_getinfo(void *handle, int info, ...);
extern void *curl_slist_append(void *list, const char *text);
extern void curl_slist_free_all(void *list);

int mlcurl_global_init(void) { return curl_global_init(3L); /* CURL_GLOBAL_ALL */ }
void *mlcurl_easy_init(void) { return curl_easy_init(); }
void mlcurl_easy_reset(void *handle) { curl_easy_reset(handle); }
void mlcurl_easy_cleanup(void *handle) { curl_easy_cleanup(handle); }
int mlcurl_easy_perform(void *handle) { return curl_easy_perform(handle); }
const char *mlcurl_easy_strerror(int code) { return curl_easy_strerror(code); }
int mlcurl_setopt_long(void *handle, int option, long value) { return curl_easy_setopt(handle, option, value); }
int mlcurl_setopt_offset(void *handle, int option, int64_t value) { return curl_easy_setopt(handle, option, (long long)value); }
int mlcurl_setopt_pointer(void *handle, int option, const void *value) { return curl_easy_setopt(handle, option, value); }
int mlcurl_setopt_data_callback(void *handle, int option, mlcurl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
int mlcurl_setopt_xferinfo_callback(void *handle, mlcurl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, MLCURLOPT_XFERINFOFUNCTION, callback);
}
int mlcurl_setopt_prereq_callback(void *handle, mlcurl_prereq_callback callback) {
    return curl_easy_setopt(handle, MLCURLOPT_PREREQFUNCTION, callback);
}
int mlcurl_getinfo_long(void *handle, int info, long *value) { return curl_easy_getinfo(handle, info, value); }
int mlcurl_getinfo_double(void *handle, int info, double *value) { return curl_easy_getinfo(handle, info, value); }
void *mlcurl_slist_append(void *list, const char *text) { return curl_slist_append(list, text); }
void mlcurl_slist_free_all(void *list) { curl_slist_free_all(list); }
