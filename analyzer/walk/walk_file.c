/* walk_file.c: where a listed file's bytes come from: the file system or a git object database. */
#include <errno.h>
#include "util/git2_api.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "util/fileio.h"
#include "walk/walker.h"

void walk_list_add_blob(walk_list *list, const char *uri, language lang, git_odb *odb,
			const git_oid *blob)
{
	GROW(list->files, list->cap, list->len + 1);
	list->sorted = false;
	walk_file *f = &list->files[list->len++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(uri);
	f->uri = xstrdup(uri);
	f->lang = lang;
	f->odb = odb;
	git_oid_cpy(&f->blob, blob);
}

static void walk__git_why(char *why, size_t whylen, const char *what, const git_oid *oid)
{
	const git_error *e = git_error_last();
	char hex[GIT_OID_HEXSZ + 1];
	git_oid_tostr(hex, sizeof(hex), oid);
	snprintf(why, whylen, "%s blob %s: %s", what, hex,
		 e && e->message ? e->message : "unknown error");
}

/* The blob is read once into memory (no temporary file); its size is checked from the object
 * header first, so an oversized blob is never inflated. */
static source_error walk__load_blob(source_file *out, const walk_file *f, size_t max_size,
				    bool index, char *why, size_t whylen)
{
	size_t size = 0;
	git_object_t type = GIT_OBJECT_INVALID;
	if (git_odb_read_header(&size, &type, f->odb, &f->blob) < 0) {
		walk__git_why(why, whylen, "cannot read the header of", &f->blob);
		return SOURCE_UNREADABLE;
	}
	if (type != GIT_OBJECT_BLOB) {
		snprintf(why, whylen, "object is a %s, not a blob", git_object_type2string(type));
		return SOURCE_UNREADABLE;
	}
	if (size > max_size)
		return SOURCE_TOO_LARGE;
	git_odb_object *obj = NULL;
	if (git_odb_read(&obj, f->odb, &f->blob) < 0) {
		walk__git_why(why, whylen, "cannot read", &f->blob);
		return SOURCE_UNREADABLE;
	}
	size_t len = git_odb_object_size(obj);
	char *raw = xmalloc(len + 1);
	memcpy(raw, git_odb_object_data(obj), len);
	raw[len] = '\0';
	git_odb_object_free(obj);
	return index ? source_decode(out, raw, len) : source_decode_unindexed(out, raw, len);
}

static source_error walk__load(source_file *out, const walk_file *f, size_t max_size, bool index,
			       char *why, size_t whylen)
{
	if (whylen)
		why[0] = '\0';
	memset(out, 0, sizeof(*out));
	if (f->odb)
		return walk__load_blob(out, f, max_size, index, why, whylen);
	char *raw = NULL;
	size_t len = 0;
	if (file_read_all(f->path, max_size, &raw, &len) < 0) {
		if (errno == EFBIG)
			return SOURCE_TOO_LARGE;
		snprintf(why, whylen, "%s", strerror(errno));
		return SOURCE_UNREADABLE;
	}
	return index ? source_decode(out, raw, len) : source_decode_unindexed(out, raw, len);
}

source_error walk_file_load(source_file *out, const walk_file *f, size_t max_size, char *why,
			    size_t whylen)
{
	return walk__load(out, f, max_size, true, why, whylen);
}

source_error walk_file_load_unindexed(source_file *out, const walk_file *f, size_t max_size,
				      char *why, size_t whylen)
{
	return walk__load(out, f, max_size, false, why, whylen);
}
