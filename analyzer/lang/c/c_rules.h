/* c_rules.h: the patterns of C and C++ rules, parsed from a rule file's body.
 *
 * A C rule's body is a list of patterns in a small line syntax (documented in rules/README.md,
 * "Pattern (C and C++)"): which calls or member assignments to look at, which argument holds
 * the value, and which values, constants or strings enable which legacy versions. The
 * patterns are parsed once at prepare time and are read-only afterwards. */
#ifndef TLSLINT_C_RULES_H
#define TLSLINT_C_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"
#include "rules/rule.h"

typedef enum c_mode {
	C_MODE_CALL = 0,  /* no argument: the call itself is the finding */
	C_MODE_EQUALS,    /* the argument equals one of the values */
	C_MODE_FLAGS,     /* the argument has all the bits of one of the values */
	C_MODE_CONTAINS,  /* a string argument contains one of the strings */
	C_MODE_NONZERO,   /* the argument (or what it points to) is not zero */
	C_MODE_ZERO,      /* the argument (or what it points to) is zero */
} c_mode;

/* A value of the rule: a constant's name, its number, or a string. */
typedef struct c_value {
	char *name;            /* NULL for number-only or string values */
	bool has_num;
	unsigned long long num;
	char *text;            /* string values */
	version_set versions;
} c_value;

/* `when N ...`: another argument must be one of these values. */
typedef struct c_cond {
	unsigned arg;
	c_value *values;
	size_t nvalues;
} c_cond;

typedef struct c_pattern {
	char **callees;        /* function, method or class (constructor) names; may be qualified */
	size_t ncallees;
	char *field;           /* `assign FIELD`: a member assignment instead of a call */
	unsigned arg;          /* 1-based argument holding the value; 0 with C_MODE_CALL */
	c_mode mode;
	unsigned long long mask; /* applied to numbers before comparing; 0 = none */
	c_value *values;
	size_t nvalues;
	version_set versions;  /* C_MODE_CALL and C_MODE_NONZERO */
	c_cond *conds;
	size_t nconds;
	c_value *context;      /* strings of the enclosing function that give the versions */
	size_t ncontext;
	/* `anywhere [QUALIFIER]`: the named values are single-purpose constants, findings
	 * wherever they are written (assigned, initialised, passed to any call, returned), not
	 * only at this pattern's call; with a qualifier (`context::`) only so spelled. */
	bool anywhere;
	char *qualifier;
	unsigned line;
} c_pattern;

typedef struct c_rule {
	const rule *rule;
	c_pattern *patterns;
	size_t npatterns;
} c_rule;

/* Parses `r->pattern`. On error returns -1 with "path:line: message" in `err`. */
int c_rule_parse(c_rule *out, const rule *r, char *err, size_t errlen);
void c_rule_release(c_rule *cr);

#endif
