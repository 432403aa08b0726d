/* RegExp on PCRE2 (Date is in builtins_date.c).
 *
 * RegExp compiles with PCRE2_UTF plus PCRE2_ALT_BSUX (`\u`, `\x` the way
 * ECMAScript spells them), PCRE2_MATCH_UNSET_BACKREF (an unset group matches
 * the empty string, as in JavaScript) and PCRE2_DOLLAR_ENDONLY unless `m`;
 * flags i/m/s map to CASELESS/MULTILINE/DOTALL, `u` adds UCP; `g` and `y`
 * are handled here through `lastIndex`. Offsets are bytes inside PCRE2 and
 * UTF-16 units outside. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "proxy.h"

/* ==== RegExp ==== */

void llrt__regexp_free(llrt_state *S, llrt_regexp *r) {
  (void)S;
  if (r->code) pcre2_code_free((pcre2_code *)r->code);
  r->code = NULL;
}

static llrt_value regexp_make(llrt_state *S, llrt_value src, llrt_value flags, llrt_value proto) {
  const llrt_str *fs = LLRT_STR(flags);
  uint32_t opts = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_MATCH_UNSET_BACKREF;
  bool global = false, sticky = false, multi = false;
  for (uint32_t i = 0; i < fs->len; i++) {
    switch (fs->data[i]) {
    case 'g': global = true; break;
    case 'i': opts |= PCRE2_CASELESS; break;
    case 'm': opts |= PCRE2_MULTILINE; multi = true; break;
    case 's': opts |= PCRE2_DOTALL; break;
    case 'u': case 'v': opts |= PCRE2_UCP; break;
    case 'y': sticky = true; break;
    case 'd': break;
    default: return llrt__throw(S, 4, "Invalid regular expression flags '%s'", fs->data);
    }
  }
  if (!multi) opts |= PCRE2_DOLLAR_ENDONLY;
  int err = 0;
  PCRE2_SIZE off = 0;
  pcre2_code *code = pcre2_compile((PCRE2_SPTR)LLRT_STR(src)->data, LLRT_STR(src)->len,
                                   opts, &err, &off, NULL);
  if (!code) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(err, msg, sizeof msg);
    return llrt__throw(S, 4, "Invalid regular expression: /%s/: %s", LLRT_STR(src)->data,
                       (const char *)msg);
  }
  if (!llrt__push(S, src) || !llrt__push(S, flags)) {
    pcre2_code_free(code);
    return LLRT_EXC;
  }
  llrt_regexp *r = (llrt_regexp *)llrt__obj_new(S, LLRT_T_REGEXP, sizeof *r, proto);
  llrt__popn(S, 2);
  if (!r) {
    pcre2_code_free(code);
    return LLRT_EXC;
  }
  r->code = code;
  r->source = src;
  r->flags = flags;
  r->global = global;
  r->sticky = sticky;
  llrt_value rv = llrt_ptr(r);
  if (!llrt__push(S, rv)) return LLRT_EXC;
  bool ok = llrt__define(S, &r->o, S->atoms.lastIndex, llrt_num(0), LLRT_P_WRITABLE);
  llrt__popn(S, 1);
  return ok ? rv : LLRT_EXC;
}

llrt_value llrt__regexp_literal(llrt_state *S, const char *text, uint32_t len) {
  uint32_t end = len;
  while (end > 0 && text[end - 1] != '/') end--;
  if (end < 2) return llrt__throw(S, 4, "Invalid regular expression");
  llrt_value src = llrt__str_new(S, text + 1, end - 2);
  if (src == LLRT_EXC || !llrt__push(S, src)) return LLRT_EXC;
  llrt_value flags = llrt__str_new(S, text + end, len - end);
  llrt__popn(S, 1);
  if (flags == LLRT_EXC) return flags;
  return regexp_make(S, src, flags, S->proto_regexp);
}

NATIVE(regexp_ctor) {
  (void)this_val; (void)magic; (void)data;
  llrt_value p = ARG(0), f = ARG(1);
  size_t base = S->sp;
  if (llrt_tt(p) == LLRT_T_REGEXP) {
    llrt_regexp *r = (llrt_regexp *)LLRT_PTR(p);
    if (f == LLRT_UNDEF) f = r->flags;
    p = r->source;
  }
  llrt_value src = p == LLRT_UNDEF ? llrt__str_cstr(S, "(?:)") : llrt__to_string(S, p);
  if (src == LLRT_EXC || !llrt__push(S, src)) goto fail;
  llrt_value flags = f == LLRT_UNDEF ? S->atoms.empty : llrt__to_string(S, f);
  if (flags == LLRT_EXC) goto fail;
  llrt_value proto = llrt__proto_for(S, S->proto_regexp);
  if (proto == LLRT_EXC) goto fail;
  llrt_value r = regexp_make(S, src, flags, proto);
  S->sp = base;
  return r;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* Runs the regexp on `str` from UTF-16 offset `from`. Returns the match
 * data (caller frees) or NULL when there is no match. */
static pcre2_match_data *run(llrt_regexp *r, const llrt_str *s, uint32_t from_byte, int *rc) {
  pcre2_match_data *md = pcre2_match_data_create_from_pattern((pcre2_code *)r->code, NULL);
  if (!md) return NULL;
  uint32_t opts = r->sticky ? PCRE2_ANCHORED : 0;
  *rc = pcre2_match((pcre2_code *)r->code, (PCRE2_SPTR)s->data, s->len, from_byte, opts, md, NULL);
  if (*rc < 0) {
    pcre2_match_data_free(md);
    return NULL;
  }
  return md;
}

static double get_last_index(llrt_state *S, llrt_value re) {
  llrt_value li = llrt__get(S, re, S->atoms.lastIndex);
  bool exc = false;
  double d = li == LLRT_EXC ? 0 : llrt__to_number(S, li, &exc);
  return d != d || d < 0 ? 0 : d;
}

/* The `groups` object of a match of `code`: a null-prototype object with one
 * property per named group, in the pattern's name-table order, its value
 * `vals[group number]` (a string or undefined). `vals` points into an array's
 * elements or the value stack, so the values are rooted by the caller.
 * Returns undefined when the pattern has no named groups. */
static llrt_value make_groups(llrt_state *S, void *code, llrt_value *vals) {
  uint32_t namecount = 0, entry = 0;
  PCRE2_SPTR table = NULL;
  pcre2_pattern_info((pcre2_code *)code, PCRE2_INFO_NAMECOUNT, &namecount);
  if (!namecount) return LLRT_UNDEF;
  pcre2_pattern_info((pcre2_code *)code, PCRE2_INFO_NAMETABLE, &table);
  pcre2_pattern_info((pcre2_code *)code, PCRE2_INFO_NAMEENTRYSIZE, &entry);
  llrt_obj *g = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), LLRT_NULL);
  if (!g || !llrt__push(S, llrt_ptr(g))) return LLRT_EXC;
  /* The name table is sorted by name; the spec orders the properties by
   * where the groups appear, i.e. by group number. */
  for (int want = 1, next; want > 0; want = next) {
    next = 0;
    for (uint32_t i = 0; i < namecount; i++) {
      PCRE2_SPTR e = table + i * entry;
      int gi = (e[0] << 8) | e[1];
      if (gi == want) {
        const char *name = (const char *)e + 2;
        llrt_value key = llrt__intern(S, name, strlen(name));
        if (key == LLRT_EXC ||
            !llrt__define(S, g, key, vals[gi], LLRT_P_DEFAULT)) {
          llrt__popn(S, 1);
          return LLRT_EXC;
        }
      } else if (gi > want && (!next || gi < next)) {
        next = gi;
      }
    }
  }
  llrt__popn(S, 1);
  return llrt_ptr(g);
}

/* The exec() result array for a match, or NULL/EXC. */
static llrt_value exec_at(llrt_state *S, llrt_value re, llrt_value str, bool update) {
  llrt_regexp *r = (llrt_regexp *)LLRT_PTR(re);
  bool uses_last = r->global || r->sticky;
  double li = uses_last ? get_last_index(S, re) : 0;
  const llrt_str *s = LLRT_STR(str);
  if (li > s->ulen) {
    if (update && uses_last && llrt__set(S, re, S->atoms.lastIndex, llrt_num(0)) == LLRT_EXC)
      return LLRT_EXC;
    return LLRT_NULL;
  }
  int rc = 0;
  pcre2_match_data *md = run(r, s, llrt__unit_to_byte(s, (uint32_t)li), &rc);
  if (!md) {
    if (update && uses_last && llrt__set(S, re, S->atoms.lastIndex, llrt_num(0)) == LLRT_EXC)
      return LLRT_EXC;
    return LLRT_NULL;
  }
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  uint32_t ng = pcre2_get_ovector_count(md);
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, ng);
  if (out == LLRT_EXC || !llrt__push(S, out) || !llrt__push(S, str)) goto fail;
  for (uint32_t g = 0; g < ng; g++) {
    llrt_value v = LLRT_UNDEF;
    if (ov[2 * g] != PCRE2_UNSET) {
      const llrt_str *cs = LLRT_STR(str);
      v = llrt__str_new(S, cs->data + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
      if (v == LLRT_EXC) goto fail;
    }
    LLRT_OBJ(out)->elems[g] = v;
    llrt_barrier(S, LLRT_OBJ(out), v);
  }
  uint32_t idx = llrt__byte_to_unit(LLRT_STR(str), (uint32_t)ov[0]);
  uint32_t end = llrt__byte_to_unit(LLRT_STR(str), (uint32_t)ov[1]);
  if (!llrt__define(S, LLRT_OBJ(out), S->atoms.index, llrt_num(idx), LLRT_P_DEFAULT) ||
      !llrt__define(S, LLRT_OBJ(out), S->atoms.input, str, LLRT_P_DEFAULT) ||
      !llrt__define(S, LLRT_OBJ(out), S->atoms.groups, LLRT_UNDEF, LLRT_P_DEFAULT))
    goto fail;
  llrt_value groups = make_groups(S, r->code, LLRT_OBJ(out)->elems);
  if (groups == LLRT_EXC) goto fail;
  if (groups != LLRT_UNDEF &&
      !llrt__define(S, LLRT_OBJ(out), S->atoms.groups, groups, LLRT_P_DEFAULT))
    goto fail;
  if (update && uses_last) {
    if (end == idx && ov[1] == ov[0]) { /* empty match: caller advances */ }
    if (llrt__set(S, re, S->atoms.lastIndex, llrt_num(end)) == LLRT_EXC) goto fail;
  }
  pcre2_match_data_free(md);
  S->sp = base;
  return out;
fail:
  pcre2_match_data_free(md);
  S->sp = base;
  return LLRT_EXC;
}

static llrt_regexp *this_re(llrt_state *S, llrt_value v) {
  if (llrt_tt(v) != LLRT_T_REGEXP) {
    llrt__throw(S, 1, "RegExp method called on incompatible receiver");
    return NULL;
  }
  return (llrt_regexp *)LLRT_PTR(v);
}

/* exec 0, test 1 */
NATIVE(regexp_exec) {
  (void)data;
  if (!this_re(S, this_val)) return LLRT_EXC;
  llrt_value s = llrt__to_string(S, ARG(0));
  if (s == LLRT_EXC || !llrt__push(S, s)) return LLRT_EXC;
  llrt_value r = exec_at(S, this_val, s, true);
  llrt__popn(S, 1);
  if (magic == 0 || r == LLRT_EXC) return r;
  return llrt_bool(r != LLRT_NULL);
}

/* source 0, flags 1, global 2, toString 3 */
NATIVE(regexp_prop) {
  (void)argc; (void)argv; (void)data;
  llrt_regexp *r = this_re(S, this_val);
  if (!r) return LLRT_EXC;
  if (magic == 0) return r->source;
  if (magic == 1) return r->flags;
  if (magic == 2) return llrt_bool(r->global);
  if (magic >= 'a') /* ignoreCase, multiline, dotAll, unicode, sticky, hasIndices */
    return llrt_bool(strchr(LLRT_STR(r->flags)->data, magic) != NULL);
  char *buf = malloc(LLRT_STR(r->source)->len + LLRT_STR(r->flags)->len + 3);
  if (!buf) return LLRT_EXC;
  int n = sprintf(buf, "/%s/%s", LLRT_STR(r->source)->data, LLRT_STR(r->flags)->data);
  llrt_value out = llrt__str_new(S, buf, (size_t)n);
  free(buf);
  return out;
}

llrt_value llrt__regexp_match(llrt_state *S, llrt_value re, llrt_value str, bool all) {
  llrt_regexp *r = (llrt_regexp *)LLRT_PTR(re);
  if (all && !r->global) return llrt__throw(S, 1, "matchAll requires a global RegExp");
  if (!r->global) return exec_at(S, re, str, true);
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out) || !llrt__push(S, re) || !llrt__push(S, str)) goto fail;
  if (llrt__set(S, re, S->atoms.lastIndex, llrt_num(0)) == LLRT_EXC) goto fail;
  for (;;) {
    llrt_value m = exec_at(S, re, str, true);
    if (m == LLRT_EXC) goto fail;
    if (m == LLRT_NULL) break;
    llrt_value item = all ? m : LLRT_OBJ(m)->elems[0];
    if (!llrt__array_push(S, LLRT_OBJ(out), item)) goto fail;
    if (LLRT_STR(LLRT_OBJ(m)->elems[0])->len == 0) {
      double li = get_last_index(S, re);
      if (llrt__set(S, re, S->atoms.lastIndex, llrt_num(li + 1)) == LLRT_EXC) goto fail;
    }
  }
  S->sp = base;
  if (all) return llrt__new_array_iter(S, out, 1);
  return LLRT_OBJ(out)->len ? out : LLRT_NULL;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* GetSubstitution: appends replacement template `rs` to `b` with its `$`
 * patterns expanded for a match in `s`. `ov` holds `ng` (start, end) byte
 * pairs, the whole match first, PCRE2_UNSET for a group that did not take
 * part. `code` is the regexp's pattern, or NULL for a string pattern: then
 * there are no groups and `$<` stays literal, as it does for a regexp
 * without named groups. A `$` that starts no pattern is copied as is. */
bool llrt__get_substitution(llrt_buf *b, const llrt_str *s, const llrt_str *rs,
                            const size_t *ov, uint32_t ng, void *code) {
  uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
  uint32_t namecount = 0;
  if (code) pcre2_pattern_info((pcre2_code *)code, PCRE2_INFO_NAMECOUNT, &namecount);
  bool ok = true;
  for (uint32_t k = 0; k < rs->len && ok; k++) {
    char c = rs->data[k];
    if (c != '$' || k + 1 == rs->len) {
      ok = llrt__buf_put(b, &c, 1);
      continue;
    }
    char n = rs->data[k + 1];
    if (n == '$') { ok = llrt__buf_put(b, "$", 1); k++; continue; }
    if (n == '&') { ok = llrt__buf_put(b, s->data + ms, me - ms); k++; continue; }
    if (n == '`') { ok = llrt__buf_put(b, s->data, ms); k++; continue; }
    if (n == '\'') { ok = llrt__buf_put(b, s->data + me, s->len - me); k++; continue; }
    if (n >= '0' && n <= '9') {
      /* `$nn` when group nn exists, else `$n` when group n exists (so `$10`
       * with one group is group 1 then "0"); `$0` and `$00` are literal. */
      uint32_t g = (uint32_t)(n - '0'), used = 1;
      if (k + 2 < rs->len && rs->data[k + 2] >= '0' && rs->data[k + 2] <= '9') {
        uint32_t g2 = g * 10 + (uint32_t)(rs->data[k + 2] - '0');
        if (g2 > 0 && g2 < ng) { g = g2; used = 2; }
      }
      if (g > 0 && g < ng) {
        if (ov[2 * g] != PCRE2_UNSET)
          ok = llrt__buf_put(b, s->data + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        k += used;
        continue;
      }
    }
    if (n == '<' && namecount) {
      const char *gt = memchr(rs->data + k + 2, '>', rs->len - (k + 2));
      if (gt) {
        /* groups[name]: the capture, or "" for an unknown name or a group
         * that did not take part. */
        size_t nl = (size_t)(gt - (rs->data + k + 2));
        char *name = malloc(nl + 1);
        if (!name) return false;
        memcpy(name, rs->data + k + 2, nl);
        name[nl] = 0;
        int g = pcre2_substring_number_from_name((pcre2_code *)code, (PCRE2_SPTR)name);
        free(name);
        if (g > 0 && (uint32_t)g < ng && ov[2 * g] != PCRE2_UNSET)
          ok = llrt__buf_put(b, s->data + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        k = (uint32_t)(gt - rs->data);
        continue;
      }
    }
    ok = llrt__buf_put(b, &c, 1);
  }
  return ok;
}

llrt_value llrt__regexp_replace(llrt_state *S, llrt_value re, llrt_value str, llrt_value repl) {
  llrt_regexp *r = (llrt_regexp *)LLRT_PTR(re);
  size_t base = S->sp;
  bool fn = llrt__is_callable(repl);
  if (!llrt__push(S, re) || !llrt__push(S, str)) return LLRT_EXC;
  if (!fn) {
    repl = llrt__to_string(S, repl);
    if (repl == LLRT_EXC || !llrt__push(S, repl)) goto fail;
  }
  llrt_buf b = {0};
  bool ok = llrt__buf_put(&b, "", 0);
  uint32_t pos = 0; /* bytes of `str` copied so far */
  uint32_t from = 0;
  for (;;) {
    const llrt_str *s = LLRT_STR(str);
    if (from > s->len) break;
    int rc = 0;
    pcre2_match_data *md = run(r, s, from, &rc);
    if (!md) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    uint32_t ng = pcre2_get_ovector_count(md);
    uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
    ok = ok && llrt__buf_put(&b, s->data + pos, ms - pos);
    if (fn) {
      size_t fb = S->sp;
      for (uint32_t g = 0; g < ng && ok; g++) {
        llrt_value v = ov[2 * g] == PCRE2_UNSET ? LLRT_UNDEF
                       : llrt__str_new(S, LLRT_STR(str)->data + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
        ok = v != LLRT_EXC && llrt__push(S, v);
      }
      ok = ok && llrt__push(S, llrt_num(llrt__byte_to_unit(LLRT_STR(str), ms))) && llrt__push(S, str);
      if (ok) { /* the groups object goes last, only when there are names */
        llrt_value groups = make_groups(S, r->code, &S->stack[fb]);
        ok = groups != LLRT_EXC && (groups == LLRT_UNDEF || llrt__push(S, groups));
      }
      llrt_value rv = ok ? llrt__call(S, repl, LLRT_UNDEF, (int)(S->sp - fb), &S->stack[fb]) : LLRT_EXC;
      S->sp = fb;
      if (rv != LLRT_EXC) rv = llrt__to_string(S, rv);
      if (rv == LLRT_EXC) ok = false;
      else ok = llrt__buf_put(&b, LLRT_STR(rv)->data, LLRT_STR(rv)->len);
    } else {
      ok = llrt__get_substitution(&b, LLRT_STR(str), LLRT_STR(repl), ov, ng,
                                  r->code);
    }
    pcre2_match_data_free(md);
    pos = me;
    from = me > ms ? me : me + 1;
    /* Step over a whole UTF-8 character after an empty match. */
    while (me == ms && from < LLRT_STR(str)->len && (LLRT_STR(str)->data[from] & 0xC0) == 0x80) from++;
    if (!r->global || !ok) break;
  }
  if (ok) ok = llrt__buf_put(&b, LLRT_STR(str)->data + pos, LLRT_STR(str)->len - pos);
  llrt_value out = ok ? llrt__str_new(S, b.p, b.n) : LLRT_EXC;
  free(b.p);
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

llrt_value llrt__regexp_split(llrt_state *S, llrt_value re, llrt_value str) {
  llrt_regexp *r = (llrt_regexp *)LLRT_PTR(re);
  size_t base = S->sp;
  llrt_value out = llrt__new_array(S, 0);
  if (out == LLRT_EXC || !llrt__push(S, out) || !llrt__push(S, re) || !llrt__push(S, str)) goto fail;
  uint32_t pos = 0, from = 0;
  if (LLRT_STR(str)->len == 0) {
    int rc = 0;
    pcre2_match_data *md = run(r, LLRT_STR(str), 0, &rc);
    if (md) pcre2_match_data_free(md);
    else if (!llrt__array_push(S, LLRT_OBJ(out), str)) goto fail;
    S->sp = base;
    return out;
  }
  while (from < LLRT_STR(str)->len) {
    int rc = 0;
    pcre2_match_data *md = run(r, LLRT_STR(str), from, &rc);
    if (!md) break;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
    uint32_t ng = pcre2_get_ovector_count(md);
    if (me == ms && ms >= LLRT_STR(str)->len) { pcre2_match_data_free(md); break; }
    if (me == pos && me == ms) {
      from = ms + 1;
      pcre2_match_data_free(md);
      continue;
    }
    llrt_value part = llrt__str_new(S, LLRT_STR(str)->data + pos, ms - pos);
    bool ok = part != LLRT_EXC && llrt__array_push(S, LLRT_OBJ(out), part);
    for (uint32_t g = 1; g < ng && ok; g++) {
      llrt_value v = ov[2 * g] == PCRE2_UNSET ? LLRT_UNDEF
                     : llrt__str_new(S, LLRT_STR(str)->data + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
      ok = v != LLRT_EXC && llrt__array_push(S, LLRT_OBJ(out), v);
    }
    pcre2_match_data_free(md);
    if (!ok) goto fail;
    pos = me;
    from = me > ms ? me : me + 1;
  }
  llrt_value rest = llrt__str_new(S, LLRT_STR(str)->data + pos, LLRT_STR(str)->len - pos);
  if (rest == LLRT_EXC || !llrt__array_push(S, LLRT_OBJ(out), rest)) goto fail;
  S->sp = base;
  return out;
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* String.prototype.search: the UTF-16 index of the first match from 0
 * (lastIndex and `g` are ignored), or -1. A non-RegExp argument is compiled
 * as a pattern, as `new RegExp(arg)`. */
NATIVE(sp_search) {
  (void)magic; (void)data;
  if (LLRT_IS_NULLISH(this_val))
    return llrt__throw(S, 1, "String.prototype.search called on null or undefined");
  size_t base = S->sp;
  llrt_value str = llrt__to_string(S, this_val);
  if (str == LLRT_EXC || !llrt__push(S, str)) goto fail;
  llrt_value re = ARG(0);
  if (llrt_tt(re) != LLRT_T_REGEXP) {
    llrt_value src = re == LLRT_UNDEF ? llrt__str_cstr(S, "(?:)")
                                      : llrt__to_string(S, re);
    if (src == LLRT_EXC || !llrt__push(S, src)) goto fail;
    re = regexp_make(S, src, S->atoms.empty, S->proto_regexp);
    if (re == LLRT_EXC || !llrt__push(S, re)) goto fail;
  }
  int rc = 0;
  const llrt_str *sv = LLRT_STR(str);
  pcre2_match_data *md = run((llrt_regexp *)LLRT_PTR(re), sv, 0, &rc);
  S->sp = base;
  if (!md) return llrt_num(-1);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  uint32_t at = llrt__byte_to_unit(sv, (uint32_t)ov[0]);
  pcre2_match_data_free(md);
  return llrt_num(at);
fail:
  S->sp = base;
  return LLRT_EXC;
}

/* ==== Setup ==== */


static bool getter(llrt_state *S, llrt_value obj, const char *name,
                   llrt_native_fn fn, int magic) {
  llrt_value f = llrt__native_new(S, name, fn, 0, magic);
  if (f == LLRT_EXC || !llrt__push(S, f)) return false;
  llrt_value key = llrt__intern(S, name, strlen(name));
  bool ok = key != LLRT_EXC &&
            llrt__define_accessor(S, LLRT_OBJ(obj), key, f, LLRT_UNDEF, LLRT_P_CONFIGURABLE);
  llrt__popn(S, 1);
  return ok;
}

/* Symbol.toStringTag on the collection prototypes builtins_coll.c made
 * (it runs first) that have none of their own yet, so that
 * Object.prototype.toString names them as Node does. */
static bool tag_protos(llrt_state *S) {
  const struct { llrt_value proto; const char *name; } t[] = {
      {S->proto_weakmap, "WeakMap"}, {S->proto_weakset, "WeakSet"},
      {S->proto_weakref, "WeakRef"}, {S->proto_finreg, "FinalizationRegistry"},
      {S->proto_promise, "Promise"}};
  for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
    if (!LLRT_IS_OBJ(t[i].proto) ||
        llrt__find_own(LLRT_OBJ(t[i].proto), S->sym_to_string_tag))
      continue;
    if (!llrt__def_tag(S, t[i].proto, t[i].name)) return false;
  }
  return true;
}

bool llrt__builtins_more_init(llrt_state *S) {
  if (!llrt__builtins_date_init(S) || !tag_protos(S)) return false;
  llrt_obj *rp = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object);
  if (!rp) return false;
  S->proto_regexp = llrt_ptr(rp);
  llrt_value R = llrt__def_ctor(S, "RegExp", regexp_ctor, 2, S->proto_regexp);
  CHECK(R);
  FN(S->proto_regexp, "exec", regexp_exec, 1, 0);
  FN(S->proto_regexp, "test", regexp_exec, 1, 1);
  FN(S->proto_regexp, "toString", regexp_prop, 0, 3);
  FN(S->proto_string, "search", sp_search, 1, 0);
  if (!llrt__proxy_init(S)) return false;
  return getter(S, S->proto_regexp, "source", regexp_prop, 0) &&
         getter(S, S->proto_regexp, "flags", regexp_prop, 1) &&
         getter(S, S->proto_regexp, "global", regexp_prop, 2) &&
         getter(S, S->proto_regexp, "ignoreCase", regexp_prop, 'i') &&
         getter(S, S->proto_regexp, "multiline", regexp_prop, 'm') &&
         getter(S, S->proto_regexp, "dotAll", regexp_prop, 's') &&
         getter(S, S->proto_regexp, "unicode", regexp_prop, 'u') &&
         getter(S, S->proto_regexp, "sticky", regexp_prop, 'y') &&
         getter(S, S->proto_regexp, "hasIndices", regexp_prop, 'd');
}
