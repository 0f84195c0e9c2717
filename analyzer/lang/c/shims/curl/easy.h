/* tlslint shim: <curl/easy.h>. */
#include <curl/curl.h>
