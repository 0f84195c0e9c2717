/* test_config_readers.c: the directive readers of the server configuration languages. */
#include <stdio.h>
#include <stdlib.h>

#include "lang/nginx/nginx_reader.h"
#include "unit.h"
#include "util/strbuf.h"

void test_nginx_reader(void);
void test_nginx_looks_like(void);

/* Each directive as "ctx>ctx>name arg arg;" ('{' instead of ';' for a block, '!' when cut
 * off), '*' marking templated words; directives separated by '|'. */
static void collect(void *arg, const char *buf, const nginx_directive *d)
{
	strbuf *sb = arg;
	if (sb->len)
		strbuf_adds(sb, "|");
	for (size_t i = 0; i < d->depth && i < NGINX_MAX_DEPTH; i++) {
		strbuf_add(sb, buf + d->blocks[i].vstart, d->blocks[i].vend - d->blocks[i].vstart);
		strbuf_adds(sb, ">");
	}
	strbuf_add(sb, buf + d->name.vstart, d->name.vend - d->name.vstart);
	for (size_t i = 0; i < d->nargs; i++) {
		strbuf_adds(sb, " ");
		strbuf_add(sb, buf + d->args[i].vstart, d->args[i].vend - d->args[i].vstart);
		if (d->args[i].templated)
			strbuf_adds(sb, "*");
	}
	strbuf_adds(sb, d->opens_block ? "{" : d->terminated ? ";" : "!");
}

static char *read_nginx(const char *text)
{
	strbuf sb = STRBUF_INIT;
	nginx_reader_parse(text, strlen(text), collect, &sb);
	return strbuf_detach(&sb);
}

#define CHECK_NGINX(text, expected)                \
	do {                                       \
		char *got_ = read_nginx(text);     \
		CHECK_STR(got_, expected);         \
		free(got_);                        \
	} while (0)

void test_nginx_reader(void)
{
	CHECK_NGINX("", "");
	CHECK_NGINX("http { server { ssl_protocols TLSv1 TLSv1.2; } }",
		    "http{|http>server{|http>server>ssl_protocols TLSv1 TLSv1.2;");
	/* '#' starts a comment only at the start of a word */
	CHECK_NGINX("a b#c; # d;\n e;", "a b#c;|e;");
	CHECK_NGINX("#a;\nb;", "b;");
	/* quotes, escapes, and quotes inside a word */
	CHECK_NGINX("a \"x y\" 'p\\'q' r\"s;", "a x y p\\'q r\"s;");
	CHECK_NGINX("a \"x;} # y\";", "a x;} # y;");
	/* a word may continue over an escaped space; ${var} is one word */
	CHECK_NGINX("a b\\ c ${x y};", "a b\\ c ${x y};");
	/* template spans are skipped; adjacent words are marked */
	CHECK_NGINX("{% if x %}\nssl_protocols TLSv1;\n{% else %}\nssl_protocols TLSv1.2;\n{% endif %}",
		    "ssl_protocols TLSv1;|ssl_protocols TLSv1.2;");
	CHECK_NGINX("a {{ b }} c{{ d }} {{e}}f;", "a c* f*;");
	CHECK_NGINX("a <%= @x %>; {# c; #} b;", "a;|b;");
	/* damage: an unterminated quote, template or block ends at the end of the buffer */
	CHECK_NGINX("a \"b;", "a b;!");
	CHECK_NGINX("a {{ b; c;", "a!");
	CHECK_NGINX("s { a b", "s{|s>a b!");
	CHECK_NGINX("} } a; } b", "a;|b!");
	/* a directive cut off by '}' */
	CHECK_NGINX("s { a b }", "s{|s>a b!");
	/* deep nesting keeps counting */
	char deep[3 * (NGINX_MAX_DEPTH + 4) + 8];
	size_t n = 0;
	for (int i = 0; i < NGINX_MAX_DEPTH + 4; i++)
		n += (size_t)snprintf(deep + n, sizeof(deep) - n, "b {");
	snprintf(deep + n, sizeof(deep) - n, "x;");
	char *got = read_nginx(deep);
	CHECK(strstr(got, ">x;") != NULL);
	free(got);
}

void test_nginx_looks_like(void)
{
	static const char *const yes[] = {
		"http { }",
		"events { worker_connections 512; }",
		"server { listen 443 ssl; }",
		"server {\n  server_name a.example;\n}",
		"location / { }",
		"ssl_protocols TLSv1.2;",
	};
	static const char *const no[] = {
		"",
		"ssl_protocols = !SSLv2 !SSLv3",      /* Dovecot */
		"ssl_protocols = TLSv1;",
		"<VirtualHost *:443>\n SSLProtocol all -SSLv3\n</VirtualHost>\n",
		"server 10.0.0.1 iburst\n",          /* ntp.conf */
		"a { http { } }",                    /* http only counts at the top */
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		CHECK(nginx_reader_looks_like_nginx(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		CHECK(!nginx_reader_looks_like_nginx(no[i], strlen(no[i])));
}
