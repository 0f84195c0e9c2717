/* shell_readers.h: the command lines of Dockerfiles and Makefiles as shell text: a newly
 * allocated copy of the file (`len` bytes and a NUL) in which everything but the command
 * text is blanked to spaces, newlines kept, so that byte offsets stay the file's. */
#ifndef TLSLINT_SHELL_READERS_H
#define TLSLINT_SHELL_READERS_H

#include <stddef.h>

/* RUN, CMD, ENTRYPOINT (shell or exec form) and ENV instructions, with their `\`
 * continuations; comment lines inside them blanked; RUN's `--mount=...` style flags blanked. */
char *shell_dockerfile_commands(const char *text, size_t len);
/* Recipe lines (a tab first), without make's `@`, `-` and `+` prefixes, with their `\`
 * continuations. */
char *shell_makefile_recipes(const char *text, size_t len);

#endif
