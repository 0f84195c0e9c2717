/* scan_stats.h: what a scan counted, for the summary line and SARIF's invocation. */
#ifndef TLSLINT_SCAN_STATS_H
#define TLSLINT_SCAN_STATS_H

#include <stddef.h>

typedef struct scan_stats {
	size_t files;            /* files of a known language */
	size_t read;             /* files read (some rule could apply) */
	size_t parsed;           /* files that passed the prefilter and were analysed */
	size_t failed;           /* files that became notifications */
	size_t unreadable;       /* of which could not be read at all (I/O error, bad object) */
	size_t bytes;            /* bytes read */
	size_t again;            /* analysed a second time, once the scan-wide index was complete */
	double seconds;
} scan_stats;

#endif
