/* clock.h: the one monotonic clock, for durations, deadlines and rates (never wall time). */
#ifndef TLSLINT_CLOCK_H
#define TLSLINT_CLOCK_H

#include <stdint.h>

/* Seconds since an arbitrary fixed point, from CLOCK_MONOTONIC. */
double clock_seconds(void);
/* The same clock in whole milliseconds. */
uint64_t clock_ms(void);

#endif
