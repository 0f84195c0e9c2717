/* git2_api.h: libgit2, loaded the first time a scan needs it, not linked.
 *
 * Linking libgit2 loads its dependencies (Kerberos, OpenSSL, mbedTLS, libssh2, ...) at every
 * start of the program: 6.5 ms of a one-file scan that never reads a repository, and of every
 * libclang parser process (a hello-world program linked with -lgit2 starts in 9.1 ms, without
 * it in 2.6 ms). Our sources include this header instead of <git2.h>: it declares what
 * <git2.h> does, and makes each libgit2 function we call a macro for its address in the
 * library, which git2_api_get() loads (dlopen) at the first call. */
#ifndef TLSLINT_GIT2_API_H
#define TLSLINT_GIT2_API_H

#include <git2.h>

/* Every libgit2 function the program and its tests call. A call of one missing here links
 * against libgit2 itself, which the build does not do: a link error names it. */
#define GIT2_FUNCTIONS(X) \
	X(git_blob_free) \
	X(git_blob_lookup) \
	X(git_blob_rawcontent) \
	X(git_blob_rawsize) \
	X(git_branch_upstream_remote) \
	X(git_buf_dispose) \
	X(git_commit_free) \
	X(git_commit_id) \
	X(git_commit_tree) \
	X(git_config_free) \
	X(git_config_get_string) \
	X(git_config_set_string) \
	X(git_diff_find_similar) \
	X(git_diff_foreach) \
	X(git_diff_free) \
	X(git_diff_tree_to_index) \
	X(git_diff_tree_to_workdir_with_index) \
	X(git_error_last) \
	X(git_ignore_path_is_ignored) \
	X(git_index_entry_stage) \
	X(git_index_entrycount) \
	X(git_index_free) \
	X(git_index_get_byindex) \
	X(git_libgit2_init) \
	X(git_libgit2_opts) \
	X(git_libgit2_shutdown) \
	X(git_object_free) \
	X(git_object_peel) \
	X(git_object_type2string) \
	X(git_odb_free) \
	X(git_odb_hash) \
	X(git_odb_object_data) \
	X(git_odb_object_free) \
	X(git_odb_object_size) \
	X(git_odb_read) \
	X(git_odb_read_header) \
	X(git_oid_cpy) \
	X(git_oid_tostr) \
	X(git_reference_dwim) \
	X(git_reference_free) \
	X(git_reference_is_branch) \
	X(git_reference_iterator_free) \
	X(git_reference_iterator_new) \
	X(git_reference_lookup) \
	X(git_reference_name) \
	X(git_reference_name_to_id) \
	X(git_reference_next) \
	X(git_reference_shorthand) \
	X(git_reference_symbolic_target) \
	X(git_repository_config) \
	X(git_repository_config_snapshot) \
	X(git_repository_discover) \
	X(git_repository_free) \
	X(git_repository_head) \
	X(git_repository_head_unborn) \
	X(git_repository_index) \
	X(git_repository_init) \
	X(git_repository_is_bare) \
	X(git_repository_odb) \
	X(git_repository_open) \
	X(git_repository_open_bare) \
	X(git_repository_open_ext) \
	X(git_repository_path) \
	X(git_repository_workdir) \
	X(git_revparse_single) \
	X(git_status_list_entrycount) \
	X(git_status_list_free) \
	X(git_status_list_new) \
	X(git_tree_entry_byindex) \
	X(git_tree_entry_byname) \
	X(git_tree_entry_filemode) \
	X(git_tree_entry_id) \
	X(git_tree_entry_name) \
	X(git_tree_entry_type) \
	X(git_tree_entrycount) \
	X(git_tree_free) \
	X(git_tree_lookup)

typedef struct git2_api {
#define GIT2_SLOT(f) __typeof__(f) *p_##f;
	GIT2_FUNCTIONS(GIT2_SLOT)
#undef GIT2_SLOT
} git2_api;

/* The loaded library's functions. When libgit2 cannot be loaded the program stops with exit
 * status 2 and a message that says what to install. */
const git2_api *git2_api_get(void);

#define git_blob_free (git2_api_get()->p_git_blob_free)
#define git_blob_lookup (git2_api_get()->p_git_blob_lookup)
#define git_blob_rawcontent (git2_api_get()->p_git_blob_rawcontent)
#define git_blob_rawsize (git2_api_get()->p_git_blob_rawsize)
#define git_branch_upstream_remote (git2_api_get()->p_git_branch_upstream_remote)
#define git_buf_dispose (git2_api_get()->p_git_buf_dispose)
#define git_commit_free (git2_api_get()->p_git_commit_free)
#define git_commit_id (git2_api_get()->p_git_commit_id)
#define git_commit_tree (git2_api_get()->p_git_commit_tree)
#define git_config_free (git2_api_get()->p_git_config_free)
#define git_config_get_string (git2_api_get()->p_git_config_get_string)
#define git_config_set_string (git2_api_get()->p_git_config_set_string)
#define git_diff_find_similar (git2_api_get()->p_git_diff_find_similar)
#define git_diff_foreach (git2_api_get()->p_git_diff_foreach)
#define git_diff_free (git2_api_get()->p_git_diff_free)
#define git_diff_tree_to_index (git2_api_get()->p_git_diff_tree_to_index)
#define git_diff_tree_to_workdir_with_index (git2_api_get()->p_git_diff_tree_to_workdir_with_index)
#define git_error_last (git2_api_get()->p_git_error_last)
#define git_ignore_path_is_ignored (git2_api_get()->p_git_ignore_path_is_ignored)
#define git_index_entry_stage (git2_api_get()->p_git_index_entry_stage)
#define git_index_entrycount (git2_api_get()->p_git_index_entrycount)
#define git_index_free (git2_api_get()->p_git_index_free)
#define git_index_get_byindex (git2_api_get()->p_git_index_get_byindex)
#define git_libgit2_init (git2_api_get()->p_git_libgit2_init)
#define git_libgit2_opts (git2_api_get()->p_git_libgit2_opts)
#define git_libgit2_shutdown (git2_api_get()->p_git_libgit2_shutdown)
#define git_object_free (git2_api_get()->p_git_object_free)
#define git_object_peel (git2_api_get()->p_git_object_peel)
#define git_object_type2string (git2_api_get()->p_git_object_type2string)
#define git_odb_free (git2_api_get()->p_git_odb_free)
#define git_odb_hash (git2_api_get()->p_git_odb_hash)
#define git_odb_object_data (git2_api_get()->p_git_odb_object_data)
#define git_odb_object_free (git2_api_get()->p_git_odb_object_free)
#define git_odb_object_size (git2_api_get()->p_git_odb_object_size)
#define git_odb_read (git2_api_get()->p_git_odb_read)
#define git_odb_read_header (git2_api_get()->p_git_odb_read_header)
#define git_oid_cpy (git2_api_get()->p_git_oid_cpy)
#define git_oid_tostr (git2_api_get()->p_git_oid_tostr)
#define git_reference_dwim (git2_api_get()->p_git_reference_dwim)
#define git_reference_free (git2_api_get()->p_git_reference_free)
#define git_reference_is_branch (git2_api_get()->p_git_reference_is_branch)
#define git_reference_iterator_free (git2_api_get()->p_git_reference_iterator_free)
#define git_reference_iterator_new (git2_api_get()->p_git_reference_iterator_new)
#define git_reference_lookup (git2_api_get()->p_git_reference_lookup)
#define git_reference_name (git2_api_get()->p_git_reference_name)
#define git_reference_name_to_id (git2_api_get()->p_git_reference_name_to_id)
#define git_reference_next (git2_api_get()->p_git_reference_next)
#define git_reference_shorthand (git2_api_get()->p_git_reference_shorthand)
#define git_reference_symbolic_target (git2_api_get()->p_git_reference_symbolic_target)
#define git_repository_config (git2_api_get()->p_git_repository_config)
#define git_repository_config_snapshot (git2_api_get()->p_git_repository_config_snapshot)
#define git_repository_discover (git2_api_get()->p_git_repository_discover)
#define git_repository_free (git2_api_get()->p_git_repository_free)
#define git_repository_head (git2_api_get()->p_git_repository_head)
#define git_repository_head_unborn (git2_api_get()->p_git_repository_head_unborn)
#define git_repository_index (git2_api_get()->p_git_repository_index)
#define git_repository_init (git2_api_get()->p_git_repository_init)
#define git_repository_is_bare (git2_api_get()->p_git_repository_is_bare)
#define git_repository_odb (git2_api_get()->p_git_repository_odb)
#define git_repository_open (git2_api_get()->p_git_repository_open)
#define git_repository_open_bare (git2_api_get()->p_git_repository_open_bare)
#define git_repository_open_ext (git2_api_get()->p_git_repository_open_ext)
#define git_repository_path (git2_api_get()->p_git_repository_path)
#define git_repository_workdir (git2_api_get()->p_git_repository_workdir)
#define git_revparse_single (git2_api_get()->p_git_revparse_single)
#define git_status_list_entrycount (git2_api_get()->p_git_status_list_entrycount)
#define git_status_list_free (git2_api_get()->p_git_status_list_free)
#define git_status_list_new (git2_api_get()->p_git_status_list_new)
#define git_tree_entry_byindex (git2_api_get()->p_git_tree_entry_byindex)
#define git_tree_entry_byname (git2_api_get()->p_git_tree_entry_byname)
#define git_tree_entry_filemode (git2_api_get()->p_git_tree_entry_filemode)
#define git_tree_entry_id (git2_api_get()->p_git_tree_entry_id)
#define git_tree_entry_name (git2_api_get()->p_git_tree_entry_name)
#define git_tree_entry_type (git2_api_get()->p_git_tree_entry_type)
#define git_tree_entrycount (git2_api_get()->p_git_tree_entrycount)
#define git_tree_free (git2_api_get()->p_git_tree_free)
#define git_tree_lookup (git2_api_get()->p_git_tree_lookup)

#endif
