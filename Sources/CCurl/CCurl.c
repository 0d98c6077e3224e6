#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

// libcurl is opened on first use, not linked: linked, it and the ~30 libraries it needs (TLS, Kerberos, LDAP, SSH…)
// were loaded and relocated at every start, half of `mlopsctl --version`'s time, though most commands that never
// reach the network (help, validation errors, synth, ledger) need none of it. Prototypes as in curl/curl.h.
static struct {
    int (*global_init)(long flags);
    void *(*easy_init)(void);
    void (*easy_reset)(void *handle);
    void (*easy_cleanup)(void *handle);
    int (*easy_perform)(void *handle);
    const char *(*easy_strerror)(int code);
    int (*easy_setopt)(void *handle, int option, ...);
    int (*easy_getinfo)(void *handle, int info, ...);
    void *(*slist_append)(void *list, const char *text);
    void (*slist_free_all)(void *list);
} curl;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
static char load_error[512];
static int init_result = -1;

static int resolve(void *library, const char *name, void **slot) {
    *slot = dlsym(library, name);
    if (*slot == NULL) snprintf(load_error, sizeof load_error, "libcurl.so.4 lacks %s (too old)", name);
    return *slot != NULL;
}

static void load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "%s", reason ? reason : "cannot open libcurl.so.4");
        return;
    }
    if (!(resolve(library, "curl_global_init", (void **)&curl.global_init)
          && resolve(library, "curl_easy_init", (void **)&curl.easy_init)
          && resolve(library, "curl_easy_reset", (void **)&curl.easy_reset)
          && resolve(library, "curl_easy_cleanup", (void **)&curl.easy_cleanup)
          && resolve(library, "curl_easy_perform", (void **)&curl.easy_perform)
          && resolve(library, "curl_easy_strerror", (void **)&curl.easy_strerror)
          && resolve(library, "curl_easy_setopt", (void **)&curl.easy_setopt)
          && resolve(library, "curl_easy_getinfo", (void **)&curl.easy_getinfo)
          && resolve(library, "curl_slist_append", (void **)&curl.slist_append)
          && resolve(library, "curl_slist_free_all", (void **)&curl.slist_free_all))) {
        return;
    }
    init_result = curl.global_init(3L); /* CURL_GLOBAL_ALL */
    if (init_result != 0) snprintf(load_error, sizeof load_error, "curl_global_init failed (curl error %d)", init_result);
}

int mlcurl_global_init(void) {
    pthread_once(&loaded, load);
    return load_error[0] ? -1 : 0;
}
const char *mlcurl_load_error(void) { return load_error[0] ? load_error : NULL; }

// Valid only after mlcurl_global_init returned 0.
void *mlcurl_easy_init(void) { return curl.easy_init(); }
void mlcurl_easy_reset(void *handle) { curl.easy_reset(handle); }
void mlcurl_easy_cleanup(void *handle) { curl.easy_cleanup(handle); }
int mlcurl_easy_perform(void *handle) { return curl.easy_perform(handle); }
const char *mlcurl_easy_strerror(int code) { return curl.easy_strerror(code); }
int mlcurl_setopt_long(void *handle, int option, long value) { return curl.easy_setopt(handle, option, value); }
int mlcurl_setopt_offset(void *handle, int option, int64_t value) { return curl.easy_setopt(handle, option, (long long)value); }
int mlcurl_setopt_pointer(void *handle, int option, const void *value) { return curl.easy_setopt(handle, option, value); }
int mlcurl_setopt_data_callback(void *handle, int option, mlcurl_data_callback callback) {
    return curl.easy_setopt(handle, option, callback);
}
int mlcurl_setopt_xferinfo_callback(void *handle, mlcurl_xferinfo_callback callback) {
    return curl.easy_setopt(handle, MLCURLOPT_XFERINFOFUNCTION, callback);
}
int mlcurl_setopt_prereq_callback(void *handle, mlcurl_prereq_callback callback) {
    return curl.easy_setopt(handle, MLCURLOPT_PREREQFUNCTION, callback);
}
int mlcurl_getinfo_long(void *handle, int info, long *value) { return curl.easy_getinfo(handle, info, value); }
int mlcurl_getinfo_double(void *handle, int info, double *value) { return curl.easy_getinfo(handle, info, value); }
void *mlcurl_slist_append(void *list, const char *text) { return curl.slist_append(list, text); }
void mlcurl_slist_free_all(void *list) { curl.slist_free_all(list); }
