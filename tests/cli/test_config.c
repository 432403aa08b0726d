/* config.c, called directly: parsing and validating `.leaklintrc.json`,
 * error messages naming the key or position, ignore globs, and the merge of
 * configs up a folder tree (root stops it, the command line wins). */
#include "helpers.h"

#include "base/alloc.h"
#include "cli/config.h"
#include "cli/files.h"

static ll_config *parse_ok(const char *text) {
  ll_config *c = NULL;
  ll_error err = {0};
  ll_status st = ll_config_parse("cfg.json", "/proj", text, strlen(text), &c, &err);
  cr_assert_eq(st, LL_OK, "%s", err.message);
  cr_assert(c);
  return c;
}

/* Parses `text`, expects LL_ECONFIG, and returns the message (static). */
static const char *parse_fail(const char *text) {
  static ll_error err;
  ll_config *c = NULL;
  memset(&err, 0, sizeof err);
  ll_status st = ll_config_parse("cfg.json", "/proj", text, strlen(text), &c, &err);
  cr_assert_eq(st, LL_ECONFIG, "accepted: %s", text);
  cr_assert_null(c);
  cr_assert(strncmp(err.message, "cfg.json:", 9) == 0, "%s", err.message);
  return err.message;
}

#define assert_has(msg, needle) \
  cr_assert(strstr((msg), (needle)), "\"%s\" lacks \"%s\"", (msg), (needle))

Test(config, parses_every_key) {
  ll_config *c = parse_ok(
      "{ // comments are allowed\n"
      "  \"root\": true,\n"
      "  \"env\": [\"node\", \"worker\"],\n"
      "  \"globals\": { \"jQuery\": \"readonly\", \"x\": true, \"old\": \"off\" },\n"
      "  /* block comment */\n"
      "  \"rules\": { \"no-uncleared-interval\": \"warn\", \"parse-error\": 0,\n"
      "             \"no-unremoved-listener\": [\"error\", {\"x\": 1}] },\n"
      "  \"ignore\": [\"vendor/\", \"*.min.js\"],\n"
      "  \"resources\": [ { \"acquire\": \"subscribe\", \"release\": \"unsubscribe\","
      " \"kind\": \"listener\" }, { \"acquire\": \"pool_get\", \"release\": \"pool_put\" } ]\n"
      "}");
  cr_assert(c->root);
  cr_assert(c->has_env);
  cr_assert_eq(c->env, (unsigned)(LL_ENV_NODE | LL_ENV_WORKER));
  cr_assert_eq(c->nglobals, 3);
  cr_assert_str_eq(c->globals[0].name, "jQuery");
  cr_assert(c->globals[1].on);
  cr_assert(!c->globals[2].on);
  cr_assert_eq(c->rules[ll_rule_find("no-uncleared-interval")], LL_SEV_WARNING);
  cr_assert_eq(c->rules[ll_rule_find("parse-error")], LL_SEV_OFF);
  cr_assert_eq(c->rules[ll_rule_find("no-unremoved-listener")], LL_SEV_ERROR);
  cr_assert_eq(c->rules[ll_rule_find("no-implicit-global")], LL_SEV_DEFAULT);
  cr_assert_eq(c->nignore, 2);
  cr_assert_eq(c->npairs, 2);
  cr_assert_str_eq(c->pairs[0].kind, "listener");
  cr_assert_str_eq(c->pairs[1].kind, "handle");
  cr_assert_str_eq(c->dir, "/proj");
  ll_config_free(c);
  ll_config_free(NULL);
}

Test(config, globals_as_an_array) {
  ll_config *c = parse_ok("{ \"globals\": [\"a\", \"b\"] }");
  cr_assert_eq(c->nglobals, 2);
  ll_config_free(c);
}

Test(config, errors_name_the_key) {
  assert_has(parse_fail("{ \"rulez\": {} }"), "cfg.json: \"rulez\": unknown key");
  assert_has(parse_fail("{ \"root\": 1 }"), "\"root\": expected true or false");
  assert_has(parse_fail("{ \"env\": \"node\" }"), "\"env\": expected an array");
  assert_has(parse_fail("{ \"env\": [\"node\", \"mars\"] }"),
             "\"env[1]\": unknown environment \"mars\"");
  assert_has(parse_fail("{ \"rules\": { \"no-such-rule\": \"off\" } }"),
             "cfg.json: \"rules.no-such-rule\": unknown rule id");
  assert_has(parse_fail("{ \"rules\": { \"no-implicit-globl\": \"off\" } }"),
             "did you mean \"no-implicit-global\"");
  assert_has(parse_fail("{ \"rules\": { \"parse-error\": \"loud\" } }"),
             "\"rules.parse-error\": expected \"off\"");
  assert_has(parse_fail("{ \"rules\": { \"parse-error\": 3 } }"), "\"rules.parse-error\"");
  assert_has(parse_fail("{ \"rules\": { \"parse-error\": [\"warn\", 1] } }"),
             "\"rules.parse-error\": rule options must be an object");
  assert_has(parse_fail("{ \"rules\": [] }"), "\"rules\": expected an object");
  assert_has(parse_fail("{ \"globals\": { \"a\": \"maybe\" } }"), "\"globals.a\"");
  assert_has(parse_fail("{ \"globals\": [1] }"), "\"globals[0]\"");
  assert_has(parse_fail("{ \"ignore\": [\"!keep.js\"] }"), "\"ignore[0]\"");
  assert_has(parse_fail("{ \"resources\": [ { \"acquire\": \"a\" } ] }"),
             "\"resources[0].release\": missing");
  assert_has(parse_fail("{ \"resources\": [ { \"acquire\": \"a\", \"release\": \"b\","
                        " \"kind\": \"lock\" } ] }"),
             "\"resources[0].kind\": expected \"listener\" or \"handle\"");
  assert_has(parse_fail("{ \"resources\": [ { \"acquire\": \"a\", \"release\": \"b\","
                        " \"why\": 1 } ] }"),
             "\"resources[0].why\": unknown key");
  assert_has(parse_fail("{ \"root\": true, \"root\": false }"), "\"root\": duplicate key");
  assert_has(parse_fail("[]"), "expected a JSON object");
}

Test(config, json_errors_give_line_and_column) {
  ll_error err = {0};
  ll_config *c = NULL;
  const char *text = "{\n  \"root\": true,\n  \"env\": [\"node\",, ]\n}\n";
  cr_assert_eq(ll_config_parse("cfg.json", "/p", text, strlen(text), &c, &err), LL_ECONFIG);
  assert_has(err.message, "cfg.json:3:");
  cr_assert_eq(err.line, 3);
  cr_assert_gt(err.column, 1);
  assert_has(parse_fail(""), "cfg.json:1:1:");
  assert_has(parse_fail("{ \"a\": "), "unexpected end of file");
  /* A comment marker inside a string is text, not a comment. */
  ll_config *g = parse_ok("{ \"globals\": [\"a//b\"] }");
  cr_assert_str_eq(g->globals[0].name, "a//b");
  ll_config_free(g);
}

Test(config, glob_matching) {
  cr_assert(ll_glob_match("*.min.js", "a/b/x.min.js", false));
  cr_assert(!ll_glob_match("*.min.js", "a/b/x.js", false));
  cr_assert(ll_glob_match("vendor/", "vendor", true));
  cr_assert(!ll_glob_match("vendor/", "vendor", false));
  cr_assert(ll_glob_match("vendor", "lib/vendor", true));
  cr_assert(ll_glob_match("src/gen/*.js", "src/gen/a.js", false));
  cr_assert(!ll_glob_match("src/gen/*.js", "src/gen/x/a.js", false));
  cr_assert(ll_glob_match("src/**/*.test.js", "src/a/b/c.test.js", false));
  cr_assert(ll_glob_match("**/fixtures", "fixtures", true));
  cr_assert(ll_glob_match("/build.js", "build.js", false));
  cr_assert(!ll_glob_match("/build.js", "sub/build.js", false));
}

Test(config, path_absolute_is_lexical) {
  char *p = ll_path_absolute("/a/./b//c/../d/");
  cr_assert_str_eq(p, "/a/b/d");
  ll_free(p);
  p = ll_path_absolute("/..");
  cr_assert_str_eq(p, "/");
  ll_free(p);
  p = ll_path_absolute("x");
  cr_assert(p[0] == '/' && strcmp(p + strlen(p) - 2, "/x") == 0, "%s", p);
  ll_free(p);
}

/* ==== The resolver: configs up the tree ==== */

static char *dir;
static void setup(void) { dir = tmp_new(); }
static void teardown(void) { tmp_remove(dir); }

Test(resolver, merges_up_to_a_root_config, .init = setup, .fini = teardown) {
  write_file(dir, "p/.leaklintrc.json",
             "{ \"root\": true, \"env\": [\"browser\"], \"globals\": [\"a\", \"b\"],"
             "  \"rules\": { \"parse-error\": \"off\", \"no-implicit-global\": \"error\" },"
             "  \"ignore\": [\"gen/\"] }");
  write_file(dir, "p/sub/.leaklintrc.json",
             "{ \"env\": [\"node\"], \"globals\": { \"a\": \"off\", \"c\": \"writable\" },"
             "  \"rules\": { \"parse-error\": \"warn\" },"
             "  \"resources\": [ { \"acquire\": \"sub\", \"release\": \"unsub\" } ] }");
  make_dir(dir, "p/sub/deeper");
  ll_overrides ov;
  ll_overrides_init(&ov);
  ll_config_resolver *r = NULL;
  ll_error err = {0};
  cr_assert_eq(ll_config_resolver_new(&ov, NULL, &r, &err), LL_OK);
  const ll_settings *top, *deep, *again;
  cr_assert_eq(ll_config_resolve(r, at(dir, "p"), -1, &top, &err), LL_OK, "%s", err.message);
  cr_assert_eq(ll_config_resolve(r, at(dir, "p/sub/deeper"), -1, &deep, &err), LL_OK,
               "%s", err.message);
  cr_assert_eq(ll_config_resolve(r, at(dir, "p/sub/deeper"), -1, &again, &err), LL_OK);
  cr_assert_eq(deep, again, "settings are memoised per folder");

  size_t pe = (size_t)ll_rule_find("parse-error"), ig = (size_t)ll_rule_find("no-implicit-global");
  cr_assert_eq(top->opts.severity[pe], LL_SEV_OFF);
  cr_assert_eq(deep->opts.severity[pe], LL_SEV_WARNING);
  cr_assert_eq(deep->opts.severity[ig], LL_SEV_ERROR, "inherited from the root");
  cr_assert_eq(top->opts.env, (unsigned)LL_ENV_BROWSER);
  cr_assert_eq(deep->opts.env, (unsigned)(LL_ENV_BROWSER | LL_ENV_NODE));
  cr_assert_eq(deep->opts.nglobals, 2);
  bool has_b = false, has_c = false;
  for (size_t i = 0; i < deep->opts.nglobals; i++) {
    cr_assert_str_neq(deep->opts.globals[i], "a");
    has_b |= !strcmp(deep->opts.globals[i], "b");
    has_c |= !strcmp(deep->opts.globals[i], "c");
  }
  cr_assert(has_b && has_c);
  cr_assert_eq(deep->opts.npairs, 1);
  cr_assert(ll_settings_ignores(deep, at(dir, "p/gen/x.js"), false, NULL));
  cr_assert(!ll_settings_ignores(deep, at(dir, "p/sub/gen.js"), false, NULL));
  ll_config_resolver_free(r);
}

Test(resolver, defaults_without_config_and_flags_win, .init = setup, .fini = teardown) {
  write_file(dir, "q/.leaklintrc.json",
             "{ \"root\": true, \"env\": [\"worker\"], \"rules\": { \"parse-error\": \"off\" } }");
  make_dir(dir, "lonely");
  write_file(dir, "lonely/.leaklintrc.json", "{ \"root\": true }");
  ll_overrides ov;
  ll_overrides_init(&ov);
  size_t pe = (size_t)ll_rule_find("parse-error");
  ov.severity[pe] = LL_SEV_ERROR;
  ov.has_env = true;
  ov.env = LL_ENV_NODE;
  ov.max_file_size = 1234;
  ll_config_resolver *r = NULL;
  ll_error err = {0};
  cr_assert_eq(ll_config_resolver_new(&ov, NULL, &r, &err), LL_OK);
  const ll_settings *s;
  cr_assert_eq(ll_config_resolve(r, at(dir, "q"), 1, &s, &err), LL_OK);
  cr_assert_eq(s->opts.severity[pe], LL_SEV_ERROR);
  cr_assert_eq(s->opts.env, (unsigned)LL_ENV_NODE);
  cr_assert_eq(s->opts.max_file_size, 1234);
  ll_config_resolver_free(r);

  ll_overrides_init(&ov);
  cr_assert_eq(ll_config_resolver_new(&ov, NULL, &r, &err), LL_OK);
  cr_assert_eq(ll_config_resolve(r, at(dir, "lonely"), -1, &s, &err), LL_OK);
  cr_assert_eq(s->opts.env, (unsigned)LL_ENV_DEFAULT);
  cr_assert_eq(s->opts.severity[pe], LL_SEV_DEFAULT);
  ll_config_resolver_free(r);
}

Test(resolver, fixed_config_and_errors, .init = setup, .fini = teardown) {
  write_file(dir, "bad/.leaklintrc.json", "{ \"env\": [\"mars\"] }");
  write_file(dir, "fixed.json", "{ \"rules\": { \"parse-error\": \"warn\" } }");
  ll_overrides ov;
  ll_overrides_init(&ov);
  ll_config_resolver *r = NULL;
  ll_error err = {0};
  const ll_settings *s;
  cr_assert_eq(ll_config_resolver_new(&ov, NULL, &r, &err), LL_OK);
  cr_assert_eq(ll_config_resolve(r, at(dir, "bad"), -1, &s, &err), LL_ECONFIG);
  assert_has(err.message, "bad/.leaklintrc.json: \"env[0]\": unknown environment");
  ll_config_resolver_free(r);
  /* --config: that file alone, the bad one is never read. */
  cr_assert_eq(ll_config_resolver_new(&ov, at(dir, "fixed.json"), &r, &err), LL_OK);
  cr_assert_eq(ll_config_resolve(r, at(dir, "bad"), -1, &s, &err), LL_OK);
  cr_assert_eq(s->opts.severity[ll_rule_find("parse-error")], LL_SEV_WARNING);
  ll_config_resolver_free(r);
  cr_assert_eq(ll_config_resolver_new(&ov, at(dir, "nope.json"), &r, &err), LL_ENOENT);
  assert_has(err.message, "cannot read config");
  assert_has(err.message, "nope.json");
  cr_assert_eq(ll_config_resolver_new(&ov, dir, &r, &err), LL_EIO);
  assert_has(err.message, "is a directory");
}

Test(config, c_keys_become_compiler_arguments) {
  ll_config *c = parse_ok(
      "{ \"c\": { \"includes\": [\"inc\", \"/usr/include/x\"],\n"
      "          \"defines\": [\"DEBUG\", \"LEVEL=2\"], \"std\": \"gnu11\",\n"
      "          \"unknownCalls\": \"borrow\" } }");
  cr_assert_eq(c->nc_args, 5);
  cr_assert_str_eq(c->c_args[0], "-I/proj/inc");
  cr_assert_str_eq(c->c_args[1], "-I/usr/include/x");
  cr_assert_str_eq(c->c_args[2], "-DDEBUG");
  cr_assert_str_eq(c->c_args[3], "-DLEVEL=2");
  cr_assert_str_eq(c->c_args[4], "-std=gnu11");
  cr_assert_eq(c->c_unknown_borrow, 1);
  ll_config_free(c);
  c = parse_ok("{ \"c\": { \"defines\": { \"N\": 4, \"S\": \"x\", \"ON\": true },"
               " \"unknownCalls\": \"escape\" } }");
  cr_assert_eq(c->nc_args, 3);
  cr_assert_str_eq(c->c_args[0], "-DN=4");
  cr_assert_str_eq(c->c_args[1], "-DS=x");
  cr_assert_str_eq(c->c_args[2], "-DON");
  cr_assert_eq(c->c_unknown_borrow, 0);
  ll_config_free(c);
  c = parse_ok("{}");
  cr_assert_eq(c->c_unknown_borrow, -1);
  ll_config_free(c);
}

Test(config, c_key_errors_name_the_key) {
  assert_has(parse_fail("{\"c\": 1}"), "\"c\": expected an object");
  assert_has(parse_fail("{\"c\": {\"std\": \"c42\"}}"), "\"c.std\": unknown C standard");
  assert_has(parse_fail("{\"c\": {\"unknownCalls\": \"keep\"}}"),
             "\"c.unknownCalls\": expected \"escape\" or \"borrow\"");
  assert_has(parse_fail("{\"c\": {\"includes\": [1]}}"), "\"c.includes[0]\"");
  assert_has(parse_fail("{\"c\": {\"defines\": [\"A B\"]}}"),
             "\"c.defines[0]\": \"A B\" is not a macro name");
  assert_has(parse_fail("{\"c\": {\"flags\": []}}"), "\"c.flags\": unknown key");
  assert_has(parse_fail("{\"c\": {\"std\": \"c11\", \"std\": \"c99\"}}"),
             "\"c.std\": duplicate key");
}
