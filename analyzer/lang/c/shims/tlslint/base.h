/* tlslint shim: the few basic types the TLS API shims need, from compiler built-ins only.
 * Shims are declarations of public API names and values, used only when the real headers are
 * not found (a last-resort include directory). */
#ifndef TLSLINT_SHIM_BASE_H
#define TLSLINT_SHIM_BASE_H
typedef __SIZE_TYPE__ size_t;
typedef __UINT8_TYPE__ uint8_t;
typedef __UINT16_TYPE__ uint16_t;
typedef __UINT32_TYPE__ uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INT64_TYPE__ int64_t;
#ifndef NULL
#ifdef __cplusplus
#define NULL nullptr
#else
#define NULL ((void *)0)
#endif
#endif
#endif
