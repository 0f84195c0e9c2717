/* hostile_tree.c: builds a hostile repository for tests/cli/hostile.sh, fast and without
 * PATH_MAX limits (every step is relative to an open directory).
 *
 *   hostile_tree DIR WHAT...
 *
 * WHAT is one or more of:
 *   huge         DIR/huge.cs, a sparse 1 GiB file (it costs no disk)
 *   wide         DIR/wide/ with 100,000 empty .cs files
 *   deep         DIR/deep/d/d/.../d, 10,000 levels, with a .cs file holding a finding at the bottom
 *   longpath     DIR/long/ with one path of about 4,000 bytes ending in a .cs file
 *   names        DIR/names/: a file whose name holds a newline, one with invalid UTF-8
 *   special      DIR/special/: a FIFO and a listening UNIX socket's file
 *   compdb       DIR/compdb/compile_commands.json of about 50 MB (valid JSON, one entry a line)
 * The legacy finding files are small C# files with `SecurityProtocolType.Tls`, so a test can
 * check that every other finding is still written. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

static const char finding_cs[] =
	"class C { void M() { System.Net.ServicePointManager.SecurityProtocol = "
	"System.Net.SecurityProtocolType.Tls; } }\n";

static void die(const char *what)
{
	fprintf(stderr, "hostile_tree: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int subdir(int at, const char *name)
{
	if (mkdirat(at, name, 0755) < 0 && errno != EEXIST)
		die(name);
	int fd = openat(at, name, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		die(name);
	return fd;
}

static void put(int at, const char *name, const char *text)
{
	int fd = openat(at, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die(name);
	size_t len = strlen(text);
	if (write(fd, text, len) != (ssize_t)len)
		die(name);
	close(fd);
}

static void huge(int root)
{
	int fd = openat(root, "huge.cs", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || ftruncate(fd, 1024LL * 1024 * 1024) < 0)
		die("huge.cs");
	close(fd);
}

static void wide(int root)
{
	int d = subdir(root, "wide");
	char name[32];
	for (int i = 0; i < 100000; i++) {
		snprintf(name, sizeof(name), "f%06d.cs", i);
		int fd = openat(d, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		if (fd < 0)
			die(name);
		close(fd);
	}
	put(d, "z-finding.cs", finding_cs);
	close(d);
}

static void deep(int root)
{
	int d = subdir(root, "deep");
	for (int i = 0; i < 10000; i++) {
		int next = subdir(d, "d");
		close(d);
		d = next;
	}
	put(d, "bottom.cs", finding_cs);
	close(d);
}

static void longpath(int root)
{
	int d = subdir(root, "long");
	char name[201];
	memset(name, 'n', 200);
	name[200] = '\0';
	for (int i = 0; i < 20; i++) { /* 20 x 201 bytes: about 4,000 */
		int next = subdir(d, name);
		close(d);
		d = next;
	}
	put(d, "leaf.cs", finding_cs);
	close(d);
}

static void names(int root)
{
	int d = subdir(root, "names");
	put(d, "new\nline.cs", finding_cs);
	put(d, "bad-\xff\xfe-utf8.cs", finding_cs);
	close(d);
}

static void special(int root, const char *dir)
{
	int d = subdir(root, "special");
	if (mkfifoat(d, "pipe.cs", 0644) < 0 && errno != EEXIST)
		die("pipe.cs");
	put(d, "ok.cs", finding_cs);
	close(d);
	/* A UNIX socket's file stays after its socket is closed; bind needs a short path. */
	char path[4096];
	snprintf(path, sizeof(path), "%s/special/sock.cs", dir);
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	if (strlen(path) >= sizeof(sa.sun_path)) {
		fprintf(stderr, "hostile_tree: %s: too long for a socket\n", path);
		exit(1);
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	if (s < 0 || bind(s, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("sock.cs");
	close(s);
}

static void compdb(int root)
{
	int d = subdir(root, "compdb");
	int fd = openat(d, "compile_commands.json", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		die("compile_commands.json");
	FILE *f = fdopen(fd, "w");
	if (!f)
		die("compile_commands.json");
	fputs("[\n", f);
	long n = 0;
	for (long size = 0; size < 50L * 1024 * 1024; n++) {
		int w = fprintf(f,
				"%s{\"directory\": \"/src\", \"file\": \"/src/gen/unit%ld.c\", "
				"\"command\": \"cc -I/src/include -DUNIT=%ld -O2 -c gen/unit%ld.c\"}\n",
				n ? "," : "", n, n, n);
		size += w;
	}
	fputs("]\n", f);
	fclose(f);
	put(d, "main.c", "#include <openssl/ssl.h>\nvoid f(void) { SSL_CTX_new(TLSv1_method()); }\n");
	close(d);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: hostile_tree DIR huge|wide|deep|longpath|names|special|compdb...\n");
		return 2;
	}
	mkdir(argv[1], 0755);
	int root = open(argv[1], O_RDONLY | O_DIRECTORY);
	if (root < 0)
		die(argv[1]);
	for (int i = 2; i < argc; i++) {
		const char *w = argv[i];
		if (!strcmp(w, "huge"))
			huge(root);
		else if (!strcmp(w, "wide"))
			wide(root);
		else if (!strcmp(w, "deep"))
			deep(root);
		else if (!strcmp(w, "longpath"))
			longpath(root);
		else if (!strcmp(w, "names"))
			names(root);
		else if (!strcmp(w, "special"))
			special(root, argv[1]);
		else if (!strcmp(w, "compdb"))
			compdb(root);
		else {
			fprintf(stderr, "hostile_tree: unknown part '%s'\n", w);
			return 2;
		}
	}
	close(root);
	return 0;
}
