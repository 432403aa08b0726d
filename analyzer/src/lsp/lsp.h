/* The language server's internal interface (`leaklint lsp`), shared by its
 * modules:
 *
 *   transport.c   Content-Length framing of a byte stream (no JSON, no I/O)
 *   document.c    document text with UTF-16 positions, incremental edits, URIs
 *   protocol.c    every JSON conversion: decode params, encode results and
 *                 notifications, dispatch through methods.def
 *   server.c      the libuv loop: stdin, stdout, lifecycle, exit codes
 *   handlers_text.c  documents, analysis jobs off the loop, diagnostics
 *   handlers_lang.c  code actions, hover, workspace configuration, and the
 *                 `leaklint.confirm` command (confirmation jobs off the loop)
 *
 * Architecture invariant: only protocol.c includes cJSON. Handlers receive
 * and return the plain C structs below; the analysis core never sees LSP or
 * JSON (STYLE.md, "LSP server"). All state hangs off one `ll_lsp_server`;
 * everything but an analysis job's work function runs on the loop thread. */
#ifndef LL_LSP_H
#define LL_LSP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <uv.h>

#include "leaklint/leaklint.h"

/* ==== Positions (0-based lines, UTF-16 code-unit columns) ==== */

typedef struct ll_lsp_pos {
  uint32_t line, character;
} ll_lsp_pos;

typedef struct ll_lsp_range {
  ll_lsp_pos start, end;
} ll_lsp_range;

/* ==== Framing (transport.c) ==== */

/** The largest message body accepted; a bigger one is skipped and logged. */
#define LL_LSP_MAX_MESSAGE ((size_t)64 << 20)
/** The largest header block accepted before it is discarded as garbage. */
#define LL_LSP_MAX_HEADER ((size_t)16 << 10)

/** Called with one complete message body (borrowed for the call). */
typedef void (*ll_lsp_body_fn)(void *ud, const char *body, size_t len);
/** Called with a full-sentence complaint about the byte stream. */
typedef void (*ll_lsp_frame_error_fn)(void *ud, const char *message);

/** An incremental Content-Length parser. Feed it bytes as they arrive; it
 * calls `on_body` per message and `on_error` for a missing or invalid
 * Content-Length, garbage between messages, or a body over `max_body`
 * (which is then skipped without being buffered, keeping the stream in
 * step). It never fails: garbage is dropped and parsing resynchronises at
 * the next header block. */
typedef struct ll_lsp_framer {
  char *buf; /* unconsumed bytes: a partial header block or body */
  size_t len, cap;
  size_t body;  /* expected body length while `in_body` */
  size_t skip;  /* bytes still to drop from an oversized body */
  bool in_body;
  size_t max_body;
  ll_lsp_body_fn on_body;
  ll_lsp_frame_error_fn on_error;
  void *ud;
} ll_lsp_framer;

/** Initialises `f` (caller-allocated). `max_body` 0 means LL_LSP_MAX_MESSAGE. */
void ll_lsp_framer_init(ll_lsp_framer *f, size_t max_body, ll_lsp_body_fn on_body,
                        ll_lsp_frame_error_fn on_error, void *ud);
/** Frees the buffer. */
void ll_lsp_framer_fini(ll_lsp_framer *f);
/** Consumes `data[0..len)` (borrowed). Returns LL_ENOMEM when the buffer could
 * not grow (the bytes are then dropped and the error reported). */
ll_status ll_lsp_framer_feed(ll_lsp_framer *f, const char *data, size_t len);

/* ==== Document text (document.c) ==== */

/** A document's text with a line-start table, so that a position converts to
 * a byte offset by indexing the line and walking only that line. Lines end at
 * "\n", "\r\n" or a lone "\r", as LSP counts them. */
typedef struct ll_lsp_text {
  char *data; /* NUL-terminated; owned */
  size_t len, cap;
  uint32_t *lines; /* byte offset of each line start; lines[0] == 0 */
  uint32_t nlines;
  uint32_t lines_cap;
  uint32_t lone_cr; /* line breaks that are a "\r" alone */
} ll_lsp_text;

/** A byte range [start, end) of a text. */
typedef struct ll_lsp_span {
  size_t start, end;
} ll_lsp_span;

/** Bits of what `ll_lsp_text_offset` had to clamp. */
enum { LL_LSP_CLAMP_LINE = 1, LL_LSP_CLAMP_CHAR = 2, LL_LSP_CLAMP_ORDER = 4 };

/** Sets `t` (zeroed or finished) to a copy of `s[0..n)`. */
ll_status ll_lsp_text_set(ll_lsp_text *t, const char *s, size_t n);
/** Frees the text; `t` may be set again afterwards. */
void ll_lsp_text_fini(ll_lsp_text *t);
/** The byte offset of position `p`. A line past the end clamps to the end of
 * the text, a character past the line's end to the line's end (before its
 * break), a character inside a surrogate pair to the pair's start; `*clamped`
 * (when not NULL) gets the LL_LSP_CLAMP_* bits of what happened. */
size_t ll_lsp_text_offset(const ll_lsp_text *t, ll_lsp_pos p,
                          unsigned *clamped);
/** The position of byte offset `off` (clamped to the text). */
ll_lsp_pos ll_lsp_text_pos(const ll_lsp_text *t, size_t off);
/** The bytes `range` covers, clamped as in `ll_lsp_text_offset` (an end
 * before the start collapses onto the start: LL_LSP_CLAMP_ORDER). */
ll_lsp_span ll_lsp_text_span(const ll_lsp_text *t, const ll_lsp_range *range,
                             unsigned *clamped);
/** Replaces bytes `sp` (clamped to the text) with `s[0..n)`. */
ll_status ll_lsp_text_replace(ll_lsp_text *t, ll_lsp_span sp, const char *s,
                              size_t n);
/** The tree-sitter point of byte `off` (clamped): rows end at "\n" only,
 * columns count bytes. Uses the line table unless the text has a lone
 * "\r" break. */
ll_point ll_lsp_text_point(const ll_lsp_text *t, size_t off);
/** The point where inserting `s[0..n)` at point `start` ends. */
ll_point ll_lsp_point_after(ll_point start, const char *s, size_t n);
/** Replaces `range` with `s[0..n)` (an incremental didChange entry); `range`
 * NULL replaces the whole text. Out-of-range positions are clamped (an end
 * before the start collapses onto the start) and reported in `*clamped`. */
ll_status ll_lsp_text_edit(ll_lsp_text *t, const ll_lsp_range *range,
                           const char *s, size_t n, unsigned *clamped);
/** The bytes of line `line` without its break: `*len` gets their length.
 * NULL when the line does not exist. Borrowed until the next edit. */
const char *ll_lsp_text_line(const ll_lsp_text *t, uint32_t line, size_t *len);

/** The file path of a `file:` URI, percent-decoded, or NULL for other
 * schemes or a malformed URI. Free with `ll_free`. */
LL_OWNED char *ll_lsp_uri_to_path(const char *uri);
/** The `file://` URI of absolute path `path`, percent-encoded. Free with
 * `ll_free`. */
LL_OWNED char *ll_lsp_path_to_uri(const char *path);

/* ==== Messages (protocol.c encodes and decodes these) ==== */

/** A JSON-RPC id: null, a number or a string. */
typedef struct ll_lsp_id {
  enum { LL_LSP_ID_NULL, LL_LSP_ID_NUM, LL_LSP_ID_STR } kind;
  double num;
  char *str; /* owned, for LL_LSP_ID_STR */
} ll_lsp_id;

/* JSON-RPC and LSP error codes. */
enum {
  LL_LSP_PARSE_ERROR = -32700,
  LL_LSP_INVALID_REQUEST = -32600,
  LL_LSP_METHOD_NOT_FOUND = -32601,
  LL_LSP_INVALID_PARAMS = -32602,
  LL_LSP_INTERNAL_ERROR = -32603,
  LL_LSP_SERVER_NOT_INITIALIZED = -32002,
  LL_LSP_REQUEST_CANCELLED = -32800,
};

/* window/logMessage types. */
enum { LL_LSP_LOG_ERROR = 1, LL_LSP_LOG_WARNING = 2, LL_LSP_LOG_INFO = 3,
       LL_LSP_LOG_LOG = 4 };

/** Settings from initializationOptions or didChangeConfiguration, in the
 * shape `{ "rules": { ID: SEVERITY }, "env": [NAME] }` (optionally wrapped in
 * `{ "leaklint": … }`). */
typedef struct ll_lsp_settings {
  ll_severity rules[LL_RULE_COUNT]; /* LL_SEV_DEFAULT: not set */
  bool has_env;
  unsigned env;
  bool run_on_save; /* "run": "onSave": analyse on didSave only */
} ll_lsp_settings;

typedef struct ll_lsp_init_params {
  char *root_path; /* rootUri (or the first workspace folder) as a path */
  bool has_settings;
  ll_lsp_settings settings;
  /* What the client can do. */
  bool related_info, doc_changes, watched_files_dynamic, hover_markdown;
  bool code_action_literals, diagnostic_pull, version_support;
  bool diagnostic_refresh; /* workspace/diagnostic/refresh is understood */
  bool config_pull; /* workspace/configuration is answered */
  bool force_push; /* initializationOptions.diagnosticMode == "push" */
  bool no_incremental; /* initializationOptions.incremental == false: every
                          analysis parses from scratch (for comparison) */
} ll_lsp_init_params;

typedef struct ll_lsp_change {
  bool has_range;
  ll_lsp_range range;
  const char *text; /* borrowed from the message */
  size_t len;
} ll_lsp_change;

typedef struct ll_lsp_context_diag {
  ll_lsp_range range;
  int rule; /* the catalogue index of its `code` when source is leaklint, else -1 */
} ll_lsp_context_diag;

/** A further edit of the same document (ranges of the original text, not
 * overlapping the others). */
typedef struct ll_lsp_extra_edit {
  ll_lsp_range range;
  char *new_text; /* owned */
} ll_lsp_extra_edit;

/** One code action: a title and text edits of the document (one, or up to
 * three with `extra`), or, when `confirm_rule` >= 0, no edit but the
 * `leaklint.confirm` command for that rule at `range.start`. */
typedef struct ll_lsp_action {
  char *title; /* owned */
  bool preferred;
  int diag; /* index into the request's context diagnostics, or -1 */
  ll_lsp_range range;
  char *new_text; /* owned; NULL for a command */
  ll_lsp_extra_edit extra[2];
  int nextra;
  int confirm_rule; /* the catalogue index to confirm, or -1: an edit */
} ll_lsp_action;

/** The command that confirms a finding by running it: arguments
 * `[uri, line, character, ruleId]` (the diagnostic's 0-based start). */
#define LL_LSP_CMD_CONFIRM "leaklint.confirm"

/** Decoded `workspace/executeCommand` arguments of `leaklint.confirm`. */
typedef struct ll_lsp_confirm_params {
  const char *uri; /* borrowed from the message */
  ll_lsp_pos pos;
  size_t rule;     /* a catalogue index (checked to exist) */
  bool has_token;
  ll_lsp_id token; /* workDoneToken (a number or string); borrowed */
} ll_lsp_confirm_params;

/** A confirmation verdict kept for one diagnostic of a document (the rule
 * and the diagnostic's start) until the document is edited; published as
 * a second line of the diagnostic's message. */
typedef struct ll_lsp_verdict {
  size_t rule;
  ll_lsp_pos start;
  char *line; /* "confirmed: +1 timer and …"; owned */
} ll_lsp_verdict;

/* ==== Documents and the server ==== */

typedef struct ll_lsp_server ll_lsp_server;
typedef struct ll_lsp_config ll_lsp_config;

/** One text edit as tree-sitter needs it (`ll_parse_cache_edit`). */
typedef struct ll_lsp_tree_edit {
  uint32_t start, old_end, new_end;        /* bytes */
  ll_point start_pt, old_end_pt, new_end_pt; /* rows and byte columns */
} ll_lsp_tree_edit;

typedef struct ll_lsp_doc {
  char *uri;      /* owned, as the client spelled it */
  char *path;     /* file path of a file: URI, or NULL; owned */
  char *apath;    /* the name given to the analyzer (extension per language) */
  char *language; /* languageId; owned */
  int32_t version;
  uint64_t gen;   /* bumped by every edit: tells stale analyses apart */
  ll_lsp_text text;
  /* The tree of the last analysis (owned; NULL when out of memory). Only
   * one thread uses it at a time: a running job, or the loop while no job
   * runs. Edits made while a job runs wait in `edits` and are applied when
   * the next job starts; `edits_lost` makes that job parse from scratch. */
  ll_parse_cache *cache;
  ll_lsp_tree_edit *edits;
  size_t nedits, edits_cap;
  bool edits_lost;
  int refs;    /* the store, the timer handle, a running job */
  bool open;   /* false once closed: only waiting for refs to drop */
  /* Analysis scheduling. */
  uv_timer_t timer;
  bool job_running, dirty;
  uint64_t last_change_ms;
  /* The findings last reported (published or pulled): owned, NULL when
   * none; the version and edit generation they were computed for. A new
   * analysis with equal findings keeps this one and reports nothing. */
  ll_file_result *published;
  int32_t result_version;
  uint64_t result_gen;
  bool has_result;
  char *result_error; /* why the latest analysis failed, or NULL; owned */
  uint64_t result_id; /* increases whenever the findings change */
  /* Confirmation verdicts of the current text (owned; dropped on edit).
   * `report_next` makes the next analysis report its findings even when
   * they equal the last ones: the verdicts shown with them changed. */
  ll_lsp_verdict *verdicts;
  size_t nverdicts;
  bool report_next;
  struct ll_lsp_doc *next;
} ll_lsp_doc;

/** A `leaklint.confirm` request whose run is in the thread pool: answered
 * from its after-work callback, or at once with RequestCancelled (the run
 * then finishes unseen). */
typedef struct ll_lsp_confirm_job {
  uv_work_t req;
  ll_lsp_server *s;
  ll_lsp_id id;       /* the request (owned) */
  bool has_token;
  ll_lsp_id token;    /* workDoneToken (owned) */
  bool cancelled;
  ll_lsp_doc *doc;    /* counted in doc->refs */
  uint64_t gen;       /* the document's edit generation at the start */
  size_t rule;
  ll_lsp_pos pos;
  char *path, *text;  /* owned copies the run reads */
  size_t len;
  uint32_t start, end; /* the site's bytes */
  ll_confirm result;
  struct ll_lsp_confirm_job *next;
} ll_lsp_confirm_job;

/** A parked `textDocument/diagnostic` request waiting for an analysis. */
typedef struct ll_lsp_parked {
  ll_lsp_id id;
  ll_lsp_doc *doc; /* counted in doc->refs */
  char *previous_result_id; /* owned, or NULL */
  struct ll_lsp_parked *next;
} ll_lsp_parked;

typedef enum ll_lsp_state {
  LL_LSP_UNINITIALIZED, LL_LSP_RUNNING, LL_LSP_SHUTDOWN, LL_LSP_EXITED
} ll_lsp_state;

struct ll_lsp_server {
  uv_loop_t *loop;
  int in_fd, out_fd;
  ll_lsp_state state;
  int exit_code;
  bool stopping;
  ll_lsp_framer framer;
  /* stdin: a pipe, a tty, or a plain file read with uv_fs_read */
  union {
    uv_pipe_t pipe;
    uv_tty_t tty;
  } in;
  bool in_is_stream, in_open;
  uv_fs_t fs_req;
  char fs_buf[64 << 10];
  /* The client and its settings. */
  ll_lsp_init_params client;
  ll_lsp_settings settings;
  char *trace; /* "off", "messages" or "verbose"; owned */
  ll_lsp_config *config; /* the current configuration snapshot */
  char *docs_dir;        /* the source tree holding rules/…/README.md, or NULL */
  /* Documents and outstanding work. */
  ll_lsp_doc *docs;
  ll_lsp_parked *parked;
  ll_lsp_confirm_job *confirms; /* confirmation runs in flight */
  unsigned jobs;     /* analysis jobs in the thread pool */
  uint64_t next_request_id; /* ids of our requests to the client */
  uint64_t config_request;  /* the workspace/configuration awaiting an
                               answer (its id number), or 0 */
  /* Requests not answered yet (debug check that each gets one reply). */
  ll_lsp_id *pending;
  size_t npending, pending_cap;
  uint64_t debounce_ms; /* delay inside a burst of edits */
  bool push;            /* publish diagnostics (false: the client pulls) */
};

/* ==== protocol.c: from the loop to the handlers and back ==== */

/** Handles one message body: parses it, validates it, dispatches it through
 * methods.def, and answers malformed ones (ParseError with id null, …). */
void ll__lsp_handle_body(ll_lsp_server *s, const char *body, size_t len);
/** Sends window/logMessage. */
void ll__lsp_log(ll_lsp_server *s, int type, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/** Sends textDocument/publishDiagnostics for `doc`'s current result (an empty
 * list when it has none). */
void ll__lsp_publish(ll_lsp_server *s, const ll_lsp_doc *doc);
/** Sends an empty publishDiagnostics for `uri` (on close). */
void ll__lsp_publish_empty(ll_lsp_server *s, const char *uri);
/** Answers a parked pull-diagnostics request from `doc`'s current result. */
void ll__lsp_reply_diagnostic(ll_lsp_server *s, const ll_lsp_id *id,
                              const ll_lsp_doc *doc, const char *previous);
/** Answers a `leaklint.confirm` request: the verdict object of
 * `ll__confirm_json` plus "message": `line`. */
void ll__lsp_reply_confirm(ll_lsp_server *s, const ll_lsp_id *id,
                           const ll_confirm *c, const char *line);
/** Sends `$/progress` for `token`: a "begin" titled `text`, or an "end"
 * whose message is `text`. */
void ll__lsp_progress(ll_lsp_server *s, const ll_lsp_id *token, bool begin,
                      const char *text);
/** The one-line verdict ("confirmed: +1 timer and +480 B per call (100
 * calls, entry start)") into `buf` (always terminated). It is
 * output/confirm.h's, reached through here because that header brings
 * cJSON. */
void ll__lsp_confirm_line(const ll_confirm *c, char *buf, size_t cap);
/** Sends window/showMessage. */
void ll__lsp_show_message(ll_lsp_server *s, int type, const char *text);
/** True when request `id` is answered later (a parked pull or a running
 * confirmation). */
bool ll__lsp_is_deferred(const ll_lsp_server *s, const ll_lsp_id *id);
/** Answers request `id` with an error. */
void ll__lsp_reply_error(ll_lsp_server *s, const ll_lsp_id *id, int code,
                         const char *message);
/** Sends client/registerCapability for the `.leaklintrc.json` watcher. */
void ll__lsp_register_watchers(ll_lsp_server *s);
/** Asks the client for the "leaklint" settings (workspace/configuration);
 * the answer goes to `ll__lsp_on_configuration`. */
void ll__lsp_pull_configuration(ll_lsp_server *s);
/** Asks a pull client to pull again (workspace/diagnostic/refresh). */
void ll__lsp_refresh_diagnostics(ll_lsp_server *s);
/** True when two ids are the same. */
bool ll__lsp_id_equal(const ll_lsp_id *a, const ll_lsp_id *b);
/** Frees an id's string. */
void ll__lsp_id_fini(ll_lsp_id *id);
/** Copies an id. */
bool ll__lsp_id_copy(ll_lsp_id *dst, const ll_lsp_id *src);

/* ==== server.c ==== */

/** Writes one framed message (`body` borrowed); false when the write failed. */
bool ll__lsp_write(ll_lsp_server *s, const char *body, size_t len);
/** Marks request `id` as outstanding (debug bookkeeping). */
void ll__lsp_pending_add(ll_lsp_server *s, const ll_lsp_id *id);
/** Marks request `id` as answered; asserts in debug builds that it was
 * outstanding, so no request is answered twice. */
void ll__lsp_pending_remove(ll_lsp_server *s, const ll_lsp_id *id);
/** Stops reading and lets the loop end once the work in flight is done. */
void ll__lsp_stop(ll_lsp_server *s);
/** Milliseconds of the loop's clock. */
uint64_t ll__lsp_now(const ll_lsp_server *s);

/* ==== Handlers (handlers_text.c, handlers_lang.c) ====
 * Each takes decoded params; request handlers fill a result that protocol.c
 * encodes, or return false to say they park the request and answer it later
 * themselves. */

ll_status ll__lsp_on_initialize(ll_lsp_server *s, ll_lsp_init_params *p);
void ll__lsp_on_initialized(ll_lsp_server *s);
void ll__lsp_on_did_open(ll_lsp_server *s, const char *uri, const char *lang,
                         int32_t version, const char *text, size_t len);
void ll__lsp_on_did_change(ll_lsp_server *s, const char *uri, int32_t version,
                           const ll_lsp_change *changes, size_t n);
void ll__lsp_on_did_save(ll_lsp_server *s, const char *uri);
void ll__lsp_on_did_close(ll_lsp_server *s, const char *uri);
void ll__lsp_on_cancel(ll_lsp_server *s, const ll_lsp_id *id);
/** Pull diagnostics: returns the document to report now, or NULL when the
 * request was parked (or the document is unknown: `*unknown` set). */
ll_lsp_doc *ll__lsp_on_diagnostic(ll_lsp_server *s, const ll_lsp_id *id,
                                  const char *uri, const char *previous,
                                  bool *unknown);
/** Code actions for `range` of `uri` given the client's diagnostics there.
 * `*out` gets an owned array (free with `ll__lsp_actions_free`). */
ll_status ll__lsp_on_code_action(ll_lsp_server *s, const char *uri,
                                 ll_lsp_range range,
                                 const ll_lsp_context_diag *diags, size_t n,
                                 ll_lsp_action **out, size_t *nout,
                                 int32_t *version);
void ll__lsp_actions_free(ll_lsp_action *a, size_t n);
/** `workspace/executeCommand` of `leaklint.confirm` (request `id`): starts
 * the run and returns 0, the request then being answered when it is done;
 * or returns a JSON-RPC error code with a full sentence in `why` (bad
 * arguments: InvalidParams; no runtime: InternalError), the request then
 * not answered yet. */
int ll__lsp_on_confirm(ll_lsp_server *s, const ll_lsp_id *id,
                       const ll_lsp_confirm_params *p, char *why, size_t cap);
/** Cancels a running confirmation `id`; false when there is none. */
bool ll__lsp_confirm_cancel(ll_lsp_server *s, const ll_lsp_id *id);
/** The verdict line kept for the diagnostic of `rule` starting at `start`
 * of `doc`, or NULL. */
const char *ll__lsp_verdict_find(const ll_lsp_doc *doc, size_t rule,
                                 ll_lsp_pos start);
/** Drops `doc`'s verdicts (on edit); the next analysis reports again. */
void ll__lsp_verdicts_clear(ll_lsp_doc *doc);
/** Hover at `pos`: markdown (owned, or NULL for no hover) and its range. */
char *ll__lsp_on_hover(ll_lsp_server *s, const char *uri, ll_lsp_pos pos,
                       ll_lsp_range *range);
void ll__lsp_on_configuration(ll_lsp_server *s, const ll_lsp_settings *st);
/** A watched file changed: `path` is its path (NULL if not a file URI). */
void ll__lsp_on_watched_file(ll_lsp_server *s, const char *path);
/** Re-analyses every open document (after a configuration change). */
void ll__lsp_reanalyze_all(ll_lsp_server *s);
/** Finds an open document. */
ll_lsp_doc *ll__lsp_doc_find(ll_lsp_server *s, const char *uri);
/** Drops a reference to `doc`, freeing it at zero. */
void ll__lsp_doc_unref(ll_lsp_server *s, ll_lsp_doc *doc);
/** Closes every document and timer (on exit). */
void ll__lsp_docs_close_all(ll_lsp_server *s);

/* ==== Configuration (handlers_lang.c) ==== */

/** Builds a fresh configuration snapshot from the settings and the files;
 * logs (window/logMessage) why when a config file is invalid. */
void ll__lsp_config_reload(ll_lsp_server *s);
/** Drops a snapshot reference. */
void ll__lsp_config_unref(ll_lsp_config *c);
/** Takes a snapshot reference and resolves the options of `doc` under it.
 * `*ignored` is set when the configuration's `ignore` excludes the file. */
ll_lsp_config *ll__lsp_config_for(ll_lsp_server *s, const ll_lsp_doc *doc,
                                  const ll_options **opts, bool *ignored);
/** Initialises settings to "nothing set". */
void ll__lsp_settings_init(ll_lsp_settings *st);
/** The markdown hover text of rule `rule` (owned). */
char *ll__lsp_rule_markdown(const ll_lsp_server *s, size_t rule);
/** The `file://` URI of rule `rule`'s README in the source tree, or NULL. */
char *ll__lsp_rule_href(const ll_lsp_server *s, size_t rule);

/** Runs the server on `in_fd`/`out_fd` until `exit` or end of input; returns
 * the process exit code (0 after shutdown, 1 otherwise). Never prints
 * anything but protocol messages on `out_fd`. */
int ll_lsp_run(int in_fd, int out_fd);

#endif
