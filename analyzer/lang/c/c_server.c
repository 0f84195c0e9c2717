/* c_server.c: the libclang parser process and the scanner's side of its protocol. */
#include "c_server.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lang/c/c_parse.h"
#include "lang/c/c_wire.h"
#include "util/alloc.h"

extern char **environ;

#define CS_HELLO 0x544c4331u   /* "TLC1" */
#define CS_REQUEST 0x544c5251u /* "TLRQ" */
#define CS_FD 3                /* the parser process's end of the socket */
#define CS_START_MS 60000u     /* loading libclang, on a loaded machine */
#define CS_MAX_STRING (1u << 30)
#define CS_MAX_REPLY (1ull << 30) /* a file's hits: far below this */

struct c_server {
	pid_t pid;
	int fd;
	const c_rule *const *rules;
	const rule **plain; /* rules[i]->rule, for decoding */
	size_t nrules;
};

/* --- encoding (lang/c/c_wire.h) -------------------------------------------------------- */

typedef c_wire_buf cs_buf;
#define cs__put c_wire_put
#define cs__u32 c_wire_u32
#define cs__u64 c_wire_u64
#define cs__str c_wire_str

static int cs__send(int fd, cs_buf *b)
{
	size_t off = 0;
	int rc = 0;
	while (off < b->len) {
		ssize_t n = send(fd, b->data + off, b->len - off, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = -1;
			break;
		}
		off += (size_t)n;
	}
	b->len = 0;
	return rc;
}

static long long cs__now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads exactly `n` bytes. Returns 0, -1 at the end of the stream or on an error, -2 when
 * `deadline` (milliseconds of CLOCK_MONOTONIC; 0 = none) passed first. */
static int cs__recv(int fd, void *p, size_t n, long long deadline)
{
	char *out = p;
	while (n) {
		if (deadline) {
			long long left = deadline - cs__now_ms();
			if (left <= 0)
				return -2;
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			int pr = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
			if (pr < 0 && errno != EINTR)
				return -1;
			if (pr <= 0)
				continue;
		}
		ssize_t got = recv(fd, out, n, 0);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		out += got;
		n -= (size_t)got;
	}
	return 0;
}

static int cs__recv_u32(int fd, uint32_t *v, long long deadline)
{
	return cs__recv(fd, v, sizeof(*v), deadline);
}

/* A string, newly allocated and NUL-terminated. */
static int cs__recv_str(int fd, char **s, size_t *len, long long deadline)
{
	uint32_t n;
	int rc = cs__recv_u32(fd, &n, deadline);
	if (rc < 0)
		return rc;
	if (n > CS_MAX_STRING)
		return -1;
	*s = xmalloc((size_t)n + 1);
	rc = cs__recv(fd, *s, n, deadline);
	if (rc < 0) {
		free(*s);
		*s = NULL;
		return rc;
	}
	(*s)[n] = '\0';
	if (len)
		*len = n;
	return 0;
}

/* --- the scanner's side ------------------------------------------------------------------ */

/* Kills and reaps the process; describes how it had ended when it was already gone. */
static void cs__reap(c_server *s, char *why, size_t whylen, const char *what)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	if (s->pid <= 0)
		return;
	/* A process that is already exiting keeps the status it exits with. */
	kill(s->pid, SIGKILL);
	int st = 0;
	while (waitpid(s->pid, &st, 0) < 0 && errno == EINTR)
		;
	s->pid = 0;
	if (!why)
		return;
	if (WIFSIGNALED(st) && WTERMSIG(st) != SIGKILL) {
		const char *abbrev = sigabbrev_np(WTERMSIG(st));
		snprintf(why, whylen, "%s (the parser process was killed by signal %d, SIG%s)", what,
			 WTERMSIG(st), abbrev ? abbrev : "?");
	} else if (WIFEXITED(st)) {
		snprintf(why, whylen, "%s (the parser process exited with status %d)", what,
			 WEXITSTATUS(st));
	} else {
		snprintf(why, whylen, "%s (the parser process stopped answering)", what);
	}
}

void c_server_stop(c_server *s)
{
	if (!s)
		return;
	cs__reap(s, NULL, 0, NULL);
	free(s->plain);
	free(s);
}

c_server *c_server_start(const c_rule *const *rules, size_t nrules, bool no_fallback,
			 char *why, size_t whylen)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		snprintf(why, whylen, "the libclang parser process could not start: %s",
			 strerror(errno));
		return NULL;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], CS_FD);
	char *argv[] = { "tlslint", C_SERVER_ARG, NULL };
	pid_t pid = 0;
	int rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(sv[1]);
	if (rc != 0) {
		close(sv[0]);
		snprintf(why, whylen, "the libclang parser process could not start: %s",
			 strerror(rc));
		return NULL;
	}
	c_server *s = xcalloc(1, sizeof(*s));
	s->pid = pid;
	s->fd = sv[0];
	s->rules = rules;
	s->nrules = nrules;
	s->plain = xcalloc(nrules ? nrules : 1, sizeof(*s->plain));
	for (size_t i = 0; i < nrules; i++)
		s->plain[i] = rules[i]->rule;

	cs_buf b = { 0 };
	cs__u32(&b, CS_HELLO);
	cs__u32(&b, no_fallback);
	cs__u32(&b, (uint32_t)nrules);
	for (size_t i = 0; i < nrules; i++) {
		const rule *r = rules[i]->rule;
		cs__str(&b, r->id, strlen(r->id));
		cs__str(&b, r->source_path, strlen(r->source_path));
		cs__u32(&b, r->pattern_line);
		cs__str(&b, r->pattern, strlen(r->pattern));
	}
	uint32_t status = 0;
	long long deadline = cs__now_ms() + CS_START_MS;
	if (cs__send(s->fd, &b) < 0 || cs__recv_u32(s->fd, &status, deadline) < 0) {
		free(b.data);
		cs__reap(s, why, whylen, "the libclang parser process did not start");
		c_server_stop(s);
		return NULL;
	}
	free(b.data);
	if (status != 0) {
		char *msg = NULL;
		if (cs__recv_str(s->fd, &msg, NULL, deadline) == 0)
			snprintf(why, whylen, "%s", msg);
		else
			snprintf(why, whylen, "the libclang parser process did not start");
		free(msg);
		c_server_stop(s);
		return NULL;
	}
	return s;
}

c_parse_status c_server_parse(c_server *s, const char *abs, const char *const *args,
			      size_t nargs, bool shims, const char *text, size_t len,
			      unsigned timeout_ms, c_hits *out, char *why, size_t whylen)
{
	static const char crashed[] = "libclang crashed while parsing the file";
	cs_buf b = { 0 };
	cs__u32(&b, CS_REQUEST);
	cs__str(&b, abs, strlen(abs));
	cs__u32(&b, shims);
	cs__u32(&b, (uint32_t)nargs);
	for (size_t i = 0; i < nargs; i++)
		cs__str(&b, args[i], strlen(args[i]));
	cs__u64(&b, len);
	cs__put(&b, text, len);
	int rc = cs__send(s->fd, &b);
	free(b.data);
	if (rc < 0) {
		cs__reap(s, why, whylen, crashed);
		return C_PARSE_CRASHED;
	}
	long long deadline = timeout_ms ? cs__now_ms() + timeout_ms : 0;
	uint32_t status = 0;
	rc = cs__recv_u32(s->fd, &status, deadline);
	if (rc == -2) {
		cs__reap(s, NULL, 0, NULL);
		snprintf(why, whylen, "libclang did not finish parsing the file within the %u ms "
				      "limit (--timeout)", timeout_ms);
		return C_PARSE_CRASHED;
	}
	if (rc < 0 || status > 2) {
		cs__reap(s, why, whylen, crashed);
		return C_PARSE_CRASHED;
	}
	if (status != 0) {
		char *msg = NULL;
		rc = cs__recv_str(s->fd, &msg, NULL, deadline);
		snprintf(why, whylen, "%s", rc == 0 ? msg : crashed);
		free(msg);
		if (status == 2 || rc < 0) {
			cs__reap(s, NULL, 0, NULL);
			return C_PARSE_CRASHED;
		}
		return C_PARSE_FAILED;
	}
	/* The hits: a length, then that many bytes, decoded and checked (c_wire.h). */
	uint64_t plen = 0;
	rc = cs__recv(s->fd, &plen, sizeof(plen), deadline);
	if (rc == 0 && plen > CS_MAX_REPLY)
		rc = -1;
	if (rc == 0) {
		char *payload = xmalloc(plen ? (size_t)plen : 1);
		rc = cs__recv(s->fd, payload, (size_t)plen, deadline);
		if (rc == 0 && c_wire_get_hits(payload, (size_t)plen, s->plain, s->nrules, len,
					       out) < 0)
			rc = -1; /* not what this program sends */
		free(payload);
	}
	if (rc < 0) {
		cs__reap(s, why, whylen, crashed);
		return C_PARSE_CRASHED;
	}
	return C_PARSE_OK;
}

/* --- the parser process ------------------------------------------------------------------ */

static int cs__reply_error(int fd, uint32_t status, const char *msg)
{
	cs_buf b = { 0 };
	cs__u32(&b, status);
	cs__str(&b, msg, strlen(msg));
	int rc = cs__send(fd, &b);
	free(b.data);
	return rc;
}

static unsigned cs__rule_index(const rule *r, void *arg)
{
	const c_parser *p = arg;
	unsigned ri = 0;
	while (ri < p->nrules && p->rules[ri]->rule != r)
		ri++;
	return ri;
}

/* One request: reads it, parses the file, replies. Returns 0 to go on, 1 at the end of the
 * stream, -1 on a broken stream or after a crash libclang recovered from. */
static int cs__serve_one(int fd, c_parser *p)
{
	uint32_t magic;
	if (cs__recv_u32(fd, &magic, 0) < 0)
		return 1;
	if (magic != CS_REQUEST)
		return -1;
	char *abs = NULL, *text = NULL;
	char **args = NULL;
	uint32_t shims = 0, nargs = 0;
	uint64_t len = 0;
	int rc = -1;
	if (cs__recv_str(fd, &abs, NULL, 0) < 0 || cs__recv_u32(fd, &shims, 0) < 0 ||
	    cs__recv_u32(fd, &nargs, 0) < 0 || nargs > 65536)
		goto cleanup;
	args = xcalloc(nargs ? nargs : 1, sizeof(*args));
	for (uint32_t i = 0; i < nargs; i++)
		if (cs__recv_str(fd, &args[i], NULL, 0) < 0)
			goto cleanup;
	if (cs__recv(fd, &len, sizeof(len), 0) < 0 || len > SIZE_MAX - 1)
		goto cleanup;
	text = xmalloc((size_t)len + 1);
	if (cs__recv(fd, text, (size_t)len, 0) < 0)
		goto cleanup;
	text[len] = '\0';

	c_hits hits = { 0 };
	char why[512] = "";
	c_parse_status st = c_parser_run(p, abs, (const char *const *)args, nargs, shims != 0,
					 text, (size_t)len, &hits, why, sizeof(why));
	if (st != C_PARSE_OK) {
		c_hits_release(&hits);
		rc = cs__reply_error(fd, st == C_PARSE_CRASHED ? 2 : 1, why) < 0 ? -1 : 0;
		if (st == C_PARSE_CRASHED)
			rc = -1; /* what libclang recovered from may have left it broken */
		goto cleanup;
	}
	cs_buf body = { 0 }, b = { 0 };
	c_wire_put_hits(&body, &hits, cs__rule_index, p);
	cs__u32(&b, 0);
	cs__u64(&b, body.len);
	cs__put(&b, body.data, body.len);
	free(body.data);
	c_hits_release(&hits);
	rc = cs__send(fd, &b) < 0 ? -1 : 0;
	free(b.data);
cleanup:
	free(abs);
	free(text);
	for (uint32_t i = 0; args && i < nargs; i++)
		free(args[i]);
	free(args);
	return rc;
}

int c_server_main(void)
{
	int fd = CS_FD;
	/* Nothing outlives the scan: the process ends with the thread that started it. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	uint32_t magic = 0, no_fallback = 0, nrules = 0;
	if (cs__recv_u32(fd, &magic, 0) < 0 || magic != CS_HELLO ||
	    cs__recv_u32(fd, &no_fallback, 0) < 0 || cs__recv_u32(fd, &nrules, 0) < 0 ||
	    nrules > 65536)
		return 2;
	rule *rules = xcalloc(nrules ? nrules : 1, sizeof(*rules));
	c_rule **crs = xcalloc(nrules ? nrules : 1, sizeof(*crs));
	size_t ncrs = 0;
	int status = 2;
	char err[1024] = "";
	for (uint32_t i = 0; i < nrules; i++) {
		if (cs__recv_str(fd, &rules[i].id, NULL, 0) < 0 ||
		    cs__recv_str(fd, &rules[i].source_path, NULL, 0) < 0 ||
		    cs__recv_u32(fd, &rules[i].pattern_line, 0) < 0 ||
		    cs__recv_str(fd, &rules[i].pattern, NULL, 0) < 0)
			goto cleanup;
		crs[i] = xcalloc(1, sizeof(**crs));
		ncrs = i + 1;
		if (c_rule_parse(crs[i], &rules[i], err, sizeof(err)) < 0) {
			cs__reply_error(fd, 1, err);
			goto cleanup;
		}
	}
	c_parser p;
	if (c_parser_init(&p, (const c_rule *const *)crs, ncrs, no_fallback != 0, err,
			  sizeof(err)) != C_PARSE_OK) {
		cs__reply_error(fd, 1, err);
		c_parser_release(&p);
		goto cleanup;
	}
	cs_buf b = { 0 };
	cs__u32(&b, 0);
	int rc = cs__send(fd, &b);
	free(b.data);
	while (rc == 0)
		rc = cs__serve_one(fd, &p);
	c_parser_release(&p);
	status = rc == 1 ? 0 : 3;
cleanup:
	for (size_t i = 0; i < ncrs; i++) {
		c_rule_release(crs[i]);
		free(crs[i]);
	}
	for (uint32_t i = 0; i < nrules; i++) {
		free(rules[i].id);
		free(rules[i].source_path);
		free(rules[i].pattern);
	}
	free(crs);
	free(rules);
	return status;
}
