/* tls_options.h: what runtime and tool options that name TLS versions enable: protocol lists
 * ("TLSv1 TLSv1.1 TLSv1.2", "SSLv3,TLSv1"), Java's TLS system properties, and the TLS flags
 * of curl, wget and node command lines. Pure functions over text, shared by the front ends of
 * shell scripts, Dockerfiles, Makefiles, YAML and Java properties files. */
#ifndef TLSLINT_TLS_OPTIONS_H
#define TLSLINT_TLS_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/versions.h"

/* The legacy versions a protocol list names (`SSLv2`, `SSLv3`, `TLSv1`, `TLSv1.0`, `TLSv1.1`,
 * compared ignoring case, as whole tokens separated by spaces, commas, colons or semicolons;
 * `TLSv1_2` and `TLSv1.2` are other tokens). */
version_set tls_protocol_list_versions(const char *s, size_t len);

/* A Java system property: returns true when `key` is one tlslint judges
 * (jdk.tls.client.protocols, jdk.tls.server.protocols, https.protocols,
 * jdk.tls.disabledAlgorithms) and sets *versions to the legacy versions the value enables:
 * those a protocol property lists, or those (TLS 1.0, TLS 1.1) a disabledAlgorithms value no
 * longer disables. */
bool jvm_property_versions(const char *key, size_t klen, const char *value, size_t vlen,
			   version_set *versions);

/* True for the Java property keywords a file must hold to be worth reading. */
bool jvm_mentions_property(const char *s, size_t len);

/* A command-line option of `command` (its base name: "curl", "wget", "node"): the legacy
 * versions `arg` (and, for options that take one, `next`, which may be NULL) enables, and in
 * *used_next whether the value was `next`. 0 for anything else. */
version_set tls_command_option(const char *command, size_t clen, const char *arg, size_t alen,
			       const char *next, size_t nlen, bool *used_next);

#endif
