/* tlslint shim: <wolfssl/options.h>. */
