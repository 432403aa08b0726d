/* Date: time values, the field arithmetic of the spec (MakeDay, MakeTime,
 * TimeClip), the getters and setters, Date.UTC and Date.parse, and the
 * string forms.
 *
 * Time comes only from the host's clock hook (or the event loop's virtual
 * clock); the runtime reads no clock and no time zone of its own. Local time
 * is therefore UTC: `local_tza` is 0, getTimezoneOffset() is 0, the local
 * getters and setters are the UTC ones, and toString() says
 * "GMT+0000 (Coordinated Universal Time)", exactly what Node prints with
 * TZ=UTC. A date-time string without an offset is read as local time and a
 * date-only one as UTC, as the spec says; with a zero offset the two agree.
 *
 * Date.parse takes the spec's Date Time String Format (including extended
 * years `+YYYYYY`/`-YYYYYY` and numeric offsets), then, as engines do, a
 * fallback for the forms toString() and toUTCString() produce and the common
 * "Mar 7 2024 10:00 PM", "7 March 2024", "2024/03/07", "03/07/2024" shapes.
 * Anything else is NaN.
 *
 * Must never: read the wall clock or the TZ environment variable. */
#include <stdio.h>
#include <stdlib.h>

#include "builtins.h"
#include "loop.h"

/* The local time zone adjustment in ms: always 0 (see the top comment). */
static const double local_tza = 0;

static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
static const char *const day_names[7] = {"Sun", "Mon", "Tue", "Wed",
                                         "Thu", "Fri", "Sat"};

static double now_ms(llrt_state *S) {
  if (S->loop) return llrt__loop_now(S); /* the virtual clock */
  return S->cfg.clock ? S->cfg.clock(S->cfg.host) : 0;
}

/* ==== Field arithmetic ==== */

/* Days from 1970-01-01 to year `y`, month `m` (1..12), day `d` (any
 * integer: it counts on from the month's first day). */
static double days_from_civil(double y, double m, double d) {
  y -= m <= 2;
  double era = floor(y / 400);
  double yoe = y - era * 400;
  double doy = floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  double doe = yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(double z, int *y, int *m, int *d) {
  z += 719468;
  double era = floor(z / 146097);
  double doe = z - era * 146097;
  double yoe = floor((doe - floor(doe / 1460) + floor(doe / 36524) - floor(doe / 146096)) / 365);
  double yy = yoe + era * 400;
  double doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  double mp = floor((5 * doy + 2) / 153);
  *d = (int)(doy - floor((153 * mp + 2) / 5) + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

/* MakeDay(year, month (0-based), date): NaN unless all are finite; a
 * month outside 0..11 carries into the year. */
static double make_day(double y, double m, double d) {
  if (!isfinite(y) || !isfinite(m) || !isfinite(d)) return NAN;
  y = trunc(y), m = trunc(m), d = trunc(d);
  double ym = y + floor(m / 12), mn = fmod(m, 12);
  if (mn < 0) mn += 12;
  if (fabs(ym) > 400000) return NAN; /* far outside TimeClip's range */
  return days_from_civil(ym, mn + 1, d);
}

/* MakeTime(hour, min, sec, ms). */
static double make_time(double h, double m, double s, double ms) {
  if (!isfinite(h) || !isfinite(m) || !isfinite(s) || !isfinite(ms)) return NAN;
  return trunc(h) * 3600000.0 + trunc(m) * 60000.0 + trunc(s) * 1000.0 + trunc(ms);
}

static double time_clip(double t) {
  if (!isfinite(t) || fabs(t) > 8.64e15) return NAN;
  return trunc(t) + 0.0; /* +0.0 turns -0 into +0 */
}

/* The seven fields of a time value: year, month (0-based), date, hours,
 * minutes, seconds, ms; and the weekday (0 = Sunday) in `f[7]`. */
static void fields_of(double t, double f[8]) {
  double days = floor(t / 86400000.0), ms = t - days * 86400000.0;
  int y, m, d;
  civil_from_days(days, &y, &m, &d);
  f[0] = y, f[1] = m - 1, f[2] = d;
  f[3] = floor(ms / 3600000);
  f[4] = fmod(floor(ms / 60000), 60);
  f[5] = fmod(floor(ms / 1000), 60);
  f[6] = fmod(ms, 1000);
  f[7] = fmod(fmod(days + 4, 7) + 7, 7);
}

static double time_of_fields(const double f[7]) {
  return make_day(f[0], f[1], f[2]) * 86400000.0 + make_time(f[3], f[4], f[5], f[6]);
}

/* The fields of Date(y, m, ...) and Date.UTC(y, m, ...): `argc` numbers,
 * month 0 and date 1 by default, and a year 0..99 meaning 1900..1999. */
static double time_of_args(llrt_state *S, int argc, llrt_value *argv, bool *exc) {
  double f[7] = {NAN, 0, 1, 0, 0, 0, 0};
  for (int i = 0; i < argc && i < 7; i++) {
    f[i] = llrt__to_number(S, argv[i], exc);
    if (*exc) return NAN;
  }
  if (isfinite(f[0]) && trunc(f[0]) >= 0 && trunc(f[0]) <= 99) f[0] = 1900 + trunc(f[0]);
  return time_of_fields(f);
}

/* ==== Parsing ==== */

typedef struct dscan {
  const char *p, *e;
} dscan;

/* Reads exactly `n` digits (n > 0) into `*out`. */
static bool digits_n(dscan *s, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s->p >= s->e || *s->p < '0' || *s->p > '9') return false;
    v = v * 10 + (*s->p++ - '0');
  }
  *out = v;
  return true;
}

static bool eat(dscan *s, char c) {
  if (s->p < s->e && *s->p == c) return s->p++, true;
  return false;
}

/* The spec's Date Time String Format: YYYY[-MM[-DD]] or ±YYYYYY[-MM[-DD]],
 * then optionally T (or t, or a space, as engines accept) HH:mm[:ss[.s…]]
 * and Z or ±HH:mm (or ±HHmm). Date-only forms are UTC, date-times without
 * an offset local time. Returns false when `str` is not in this format. */
static bool parse_iso(const char *str, size_t len, double *out) {
  dscan s = {str, str + len};
  int y, mo = 1, d = 1, h = 0, mi = 0, sec = 0, ms = 0;
  if (s.p < s.e && (*s.p == '+' || *s.p == '-')) {
    bool neg = *s.p++ == '-';
    if (!digits_n(&s, 6, &y) || (neg && y == 0)) return false; /* no -000000 */
    if (neg) y = -y;
  } else if (!digits_n(&s, 4, &y)) {
    return false;
  }
  if (eat(&s, '-')) {
    if (!digits_n(&s, 2, &mo) || mo < 1 || mo > 12) return false;
    if (eat(&s, '-') && (!digits_n(&s, 2, &d) || d < 1 || d > 31)) return false;
  }
  bool has_time = false, has_offset = false;
  double offset = 0;
  if (s.p < s.e && (*s.p == 'T' || *s.p == 't' || *s.p == ' ')) {
    s.p++;
    has_time = true;
    if (!digits_n(&s, 2, &h) || !eat(&s, ':') || !digits_n(&s, 2, &mi)) return false;
    if (eat(&s, ':')) {
      if (!digits_n(&s, 2, &sec)) return false;
      if (eat(&s, '.')) { /* any number of digits; ms keeps the first three */
        int nd = 0;
        for (; s.p < s.e && *s.p >= '0' && *s.p <= '9'; s.p++, nd++)
          if (nd < 3) ms = ms * 10 + (*s.p - '0');
        if (!nd) return false;
        for (; nd < 3; nd++) ms *= 10;
      }
    }
    if (h > 24 || mi > 59 || sec > 59) return false;
    if (h == 24 && (mi || sec || ms)) return false; /* 24:00 is the day's end */
    if (s.p < s.e && (*s.p == 'Z' || *s.p == 'z')) {
      s.p++;
      has_offset = true;
    } else if (s.p < s.e && (*s.p == '+' || *s.p == '-')) {
      int sign = *s.p++ == '-' ? -1 : 1, oh, om;
      if (!digits_n(&s, 2, &oh)) return false;
      eat(&s, ':');
      if (!digits_n(&s, 2, &om) || oh > 23 || om > 59) return false;
      offset = sign * (oh * 3600000.0 + om * 60000.0);
      has_offset = true;
    }
  }
  if (s.p != s.e) return false;
  double f[7] = {y, mo - 1, d, h, mi, sec, ms};
  double t = time_of_fields(f) - offset;
  if (has_time && !has_offset) t -= local_tza;
  *out = time_clip(t);
  return true;
}

/* A month name (its first three letters at least, any case): 0..11 or -1. */
static int month_of(const char *w, size_t n) {
  static const char *const full[12] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (n < 3) return -1;
  for (int m = 0; m < 12; m++) {
    if (n > strlen(full[m])) continue;
    size_t i = 0;
    while (i < n && (w[i] | 0x20) == full[m][i]) i++;
    if (i == n) return m;
  }
  return -1;
}

static bool word_is(const char *w, size_t n, const char *lit) {
  if (n != strlen(lit)) return false;
  for (size_t i = 0; i < n; i++)
    if ((w[i] | 0x20) != lit[i]) return false;
  return true;
}

/* The fallback for strings that are not ISO: words (month and weekday
 * names, AM/PM, GMT/UTC/Z), `hh:mm[:ss[.sss]]`, a `±hhmm` or `±hh:mm`
 * offset after the time or after GMT/UTC, parenthesised comments, and up to
 * three numbers read as day and year around a month name, else as Y/M/D
 * (first number above 31) or M/D/Y. Without an offset it is local time. */
static bool parse_legacy(const char *str, size_t len, double *out) {
  dscan s = {str, str + len};
  double num[3];
  int nnum = 0, month = -1, h = -1, mi = 0, sec = 0, ms = 0, ampm = 0;
  bool has_offset = false, after_time = false;
  double offset = 0;
  while (s.p < s.e) {
    char c = *s.p;
    if (c == ' ' || c == ',' || c == '/' || c == '\t' || c == '.') {
      s.p++;
    } else if (c == '(') { /* a comment: "(Coordinated Universal Time)" */
      int depth = 0;
      do {
        if (*s.p == '(') depth++;
        else if (*s.p == ')') depth--;
        s.p++;
      } while (s.p < s.e && depth > 0);
    } else if ((c == '+' || c == '-') && (after_time || has_offset) &&
               s.p + 1 < s.e && s.p[1] >= '0' && s.p[1] <= '9') {
      int sign = c == '-' ? -1 : 1, oh, om = 0;
      s.p++;
      const char *start = s.p;
      while (s.p < s.e && *s.p >= '0' && *s.p <= '9') s.p++;
      size_t nd = (size_t)(s.p - start);
      if (nd == 4) {
        oh = (start[0] - '0') * 10 + (start[1] - '0');
        om = (start[2] - '0') * 10 + (start[3] - '0');
      } else if (nd == 1 || nd == 2) {
        oh = nd == 1 ? start[0] - '0' : (start[0] - '0') * 10 + (start[1] - '0');
        if (eat(&s, ':') && !digits_n(&s, 2, &om)) return false;
      } else {
        return false;
      }
      if (oh > 23 || om > 59) return false;
      offset = sign * (oh * 3600000.0 + om * 60000.0);
      has_offset = true;
      after_time = false;
    } else if (c == '-') {
      s.p++; /* a date separator: 7-Mar-2024 */
    } else if (c >= '0' && c <= '9') {
      const char *start = s.p;
      double v = 0;
      while (s.p < s.e && *s.p >= '0' && *s.p <= '9') v = v * 10 + (*s.p++ - '0');
      if (s.p < s.e && *s.p == ':') { /* a time */
        if (h >= 0 || s.p - start > 2) return false;
        h = (int)v;
        s.p++;
        if (!digits_n(&s, 2, &mi)) return false;
        if (eat(&s, ':')) {
          if (!digits_n(&s, 2, &sec)) return false;
          if (s.p < s.e && *s.p == '.') {
            s.p++;
            int nd = 0;
            for (; s.p < s.e && *s.p >= '0' && *s.p <= '9'; s.p++, nd++)
              if (nd < 3) ms = ms * 10 + (*s.p - '0');
            for (; nd < 3; nd++) ms *= 10;
          }
        }
        after_time = true;
      } else {
        if (nnum == 3) return false;
        num[nnum++] = v;
      }
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      const char *w = s.p;
      while (s.p < s.e && (*s.p | 0x20) >= 'a' && (*s.p | 0x20) <= 'z') s.p++;
      size_t n = (size_t)(s.p - w);
      int m = month_of(w, n);
      if (m >= 0) {
        if (month >= 0) return false;
        month = m;
      } else if (word_is(w, n, "am") || word_is(w, n, "pm")) {
        ampm = (w[0] | 0x20) == 'a' ? 1 : 2;
      } else if (word_is(w, n, "gmt") || word_is(w, n, "utc") || word_is(w, n, "ut") ||
                 word_is(w, n, "z")) {
        has_offset = true;
      } else {
        bool weekday = false;
        for (int i = 0; i < 7 && !weekday; i++) {
          const char *dn = day_names[i];
          weekday = n >= 3 && (w[0] | 0x20) == (dn[0] | 0x20) &&
                    (w[1] | 0x20) == dn[1] && (w[2] | 0x20) == dn[2];
        }
        if (!weekday) return false; /* an unknown word */
      }
    } else {
      return false;
    }
  }
  double y, mo, d;
  if (month >= 0) { /* "Mar 7 2024", "7 March 2024", "Thu, 07 Mar 2024" */
    if (nnum != 2) return false;
    mo = month;
    if (num[0] > 31) y = num[0], d = num[1];
    else d = num[0], y = num[1];
  } else if (nnum == 3) {
    if (num[0] > 31) y = num[0], mo = num[1] - 1, d = num[2]; /* 2024/03/07 */
    else mo = num[0] - 1, d = num[1], y = num[2];             /* 03/07/2024 */
  } else {
    return false;
  }
  if (mo < 0 || mo > 11 || d < 1 || d > 31) return false;
  if (y < 50) y += 2000; /* two-digit years: 00..49 → 20xx, 50..99 → 19xx */
  else if (y < 100) y += 1900;
  if (h < 0) h = 0;
  if (ampm) {
    if (h > 12) return false;
    h = h % 12 + (ampm == 2 ? 12 : 0);
  }
  if (h > 24 || mi > 59 || sec > 59) return false;
  double f[7] = {y, mo, d, h, mi, sec, ms};
  double t = time_of_fields(f);
  t = has_offset ? t - offset : t - local_tza;
  *out = time_clip(t);
  return true;
}

static double parse_date(const llrt_str *s) {
  const char *p = s->data, *e = s->data + s->len;
  while (p < e && (*p == ' ' || *p == '\t' || *p == '\n')) p++;
  while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')) e--;
  double t;
  if (parse_iso(p, (size_t)(e - p), &t) || parse_legacy(p, (size_t)(e - p), &t))
    return t;
  return NAN;
}

/* ==== Formatting ==== */

/* The year as the string forms write it: at least four digits, a '-' for
 * negative years. */
static int fmt_year(char *buf, size_t n, double y) {
  return snprintf(buf, n, y < 0 ? "-%04.0f" : "%04.0f", fabs(y));
}

/* toString 0, toDateString 1, toTimeString 2, toUTCString 3, toISOString 4
 * (the caller handles NaN). */
static llrt_value date_format(llrt_state *S, double t, int kind) {
  double f[8];
  fields_of(t + local_tza, f);
  char year[16], buf[128];
  fmt_year(year, sizeof year, f[0]);
  const char *wd = day_names[(int)f[7]], *mn = month_names[(int)f[1]];
  int h = (int)f[3], mi = (int)f[4], s = (int)f[5];
  const char *zone = "GMT+0000 (Coordinated Universal Time)";
  switch (kind) {
  case 0:
    snprintf(buf, sizeof buf, "%s %s %02.0f %s %02d:%02d:%02d %s", wd, mn,
             f[2], year, h, mi, s, zone);
    break;
  case 1:
    snprintf(buf, sizeof buf, "%s %s %02.0f %s", wd, mn, f[2], year);
    break;
  case 2:
    snprintf(buf, sizeof buf, "%02d:%02d:%02d %s", h, mi, s, zone);
    break;
  case 3:
    snprintf(buf, sizeof buf, "%s, %02.0f %s %s %02d:%02d:%02d GMT", wd, f[2], mn, year, h, mi, s);
    break;
  default: /* extended years outside 0..9999: a sign and six digits */
    if (f[0] >= 0 && f[0] <= 9999) snprintf(year, sizeof year, "%04.0f", f[0]);
    else snprintf(year, sizeof year, "%c%06.0f", f[0] < 0 ? '-' : '+', fabs(f[0]));
    snprintf(buf, sizeof buf, "%s-%02.0f-%02.0fT%02d:%02d:%02d.%03.0fZ", year, f[1] + 1, f[2],
             h, mi, s, f[6]);
    break;
  }
  return llrt__str_cstr(S, buf);
}

/* ==== Constructor and statics ==== */

NATIVE(date_ctor) {
  (void)magic; (void)data;
  if (this_val != LLRT_HOLE) /* Date() called as a function: now, as a string */
    return date_format(S, now_ms(S), 0);
  double t;
  if (argc == 0) {
    t = now_ms(S);
  } else if (argc == 1) {
    llrt_value v = argv[0];
    if (llrt_tt(v) == LLRT_T_DATE) {
      t = ((llrt_date *)LLRT_PTR(v))->t;
    } else {
      v = llrt__to_primitive(S, v, 0);
      if (v == LLRT_EXC) return v;
      if (LLRT_IS_STR(v)) {
        t = parse_date(LLRT_STR(v));
      } else {
        bool exc = false;
        t = llrt__to_number(S, v, &exc);
        if (exc) return LLRT_EXC;
      }
    }
  } else {
    bool exc = false;
    t = time_of_args(S, argc, argv, &exc) - local_tza;
    if (exc) return LLRT_EXC;
  }
  llrt_value proto = llrt__proto_for(S, S->proto_date);
  if (proto == LLRT_EXC) return proto;
  llrt_date *d = (llrt_date *)llrt__obj_new(S, LLRT_T_DATE, sizeof *d, proto);
  if (!d) return LLRT_EXC;
  d->t = time_clip(t);
  return llrt_ptr(d);
}

NATIVE(date_now) {
  UNUSED_NATIVE_ARGS;
  return llrt_num(now_ms(S));
}

/* Date.UTC(year[, month[, date[, hours[, minutes[, seconds[, ms]]]]]]) */
NATIVE(date_utc) {
  (void)this_val; (void)magic; (void)data;
  bool exc = false;
  double t = time_of_args(S, argc, argv, &exc);
  return exc ? LLRT_EXC : llrt_num(time_clip(t));
}

NATIVE(date_parse) {
  (void)this_val; (void)magic; (void)data;
  llrt_value s = llrt__to_string(S, ARG(0));
  if (s == LLRT_EXC) return s;
  return llrt_num(parse_date(LLRT_STR(s)));
}

/* ==== Prototype ==== */

static llrt_date *this_date(llrt_state *S, llrt_value v) {
  if (llrt_tt(v) == LLRT_T_DATE) return (llrt_date *)LLRT_PTR(v);
  llrt__throw(S, 1, "this is not a Date object.");
  return NULL;
}

/* getTime/valueOf 0, getFullYear 1, getMonth 2, getDate 3, getHours 4,
 * getMinutes 5, getSeconds 6, getMilliseconds 7, getDay 8, toISOString 9,
 * toString 10, getTimezoneOffset 11, (12 unused), toDateString 13,
 * toTimeString 14, toUTCString 15. Local time is UTC. */
NATIVE(date_get) {
  (void)argc; (void)argv; (void)data;
  llrt_date *dp = this_date(S, this_val);
  if (!dp) return LLRT_EXC;
  double t = dp->t;
  if (magic == 0) return llrt_num(t);
  if (magic == 11) return llrt_num(t != t ? NAN : local_tza / -60000 + 0.0);
  if (t != t) {
    if (magic == 9) return llrt__throw(S, 2, "Invalid time value");
    if (magic >= 10) return llrt__str_cstr(S, "Invalid Date");
    return llrt_num(NAN);
  }
  double f[8];
  fields_of(t, f);
  switch (magic) {
  case 1: case 2: case 3: case 4: case 5: case 6: case 7:
    return llrt_num(f[magic - 1]);
  case 8: return llrt_num(f[7]);
  case 10: return date_format(S, t, 0);
  case 13: return date_format(S, t, 1);
  case 14: return date_format(S, t, 2);
  case 15: return date_format(S, t, 3);
  default: return date_format(S, t, 4); /* toISOString, toJSON */
  }
}

/* Date.prototype.toJSON is generic: ToPrimitive(this, number), null for a
 * non-finite number, else this.toISOString(). */
NATIVE(date_to_json) {
  (void)argc; (void)argv; (void)magic; (void)data;
  llrt_value o = llrt__to_object(S, this_val);
  if (o == LLRT_EXC || !llrt__push(S, o)) return LLRT_EXC;
  size_t base = S->sp - 1;
  llrt_value out = LLRT_EXC;
  llrt_value tv = llrt__to_primitive(S, o, 1);
  if (tv == LLRT_EXC) goto done;
  if (LLRT_IS_NUM(tv) && !isfinite(llrt_tonum_raw(tv))) {
    out = LLRT_NULL;
    goto done;
  }
  llrt_value f = llrt__get_str(S, o, "toISOString");
  if (f == LLRT_EXC) goto done;
  if (!llrt__is_callable(f)) {
    llrt__throw(S, 1, "toISOString is not a function");
    goto done;
  }
  out = llrt__call(S, f, o, 0, NULL);
done:
  S->sp = base;
  return out;
}

/* The setters: `magic` is the first field set (0 year … 6 ms) plus 8 times
 * the most arguments it takes. The arguments are converted first, in
 * order (after the time value is read); on an invalid date only
 * setFullYear proceeds (from +0), the others leave NaN. A missing first
 * argument is undefined, so the result is NaN.
 * The local setters are the UTC ones. */
NATIVE(date_set) {
  (void)data;
  llrt_date *dp = this_date(S, this_val);
  if (!dp) return LLRT_EXC;
  int first = magic & 7, most = magic >> 3;
  double t = dp->t; /* read before the arguments' valueOf can run */
  double v[4] = {NAN, NAN, NAN, NAN};
  int n = argc < most ? argc : most;
  if (n == 0) n = 1; /* v[0] stays NaN */
  for (int i = 0; i < n && i < argc; i++) {
    bool exc = false;
    v[i] = llrt__to_number(S, argv[i], &exc);
    if (exc) return LLRT_EXC;
  }
  if (t != t) {
    if (first != 0) return llrt_num(NAN);
    t = 0;
  }
  double f[8];
  fields_of(t + local_tza, f);
  for (int i = 0; i < n; i++) f[first + i] = v[i];
  dp->t = time_clip(time_of_fields(f) - local_tza);
  return llrt_num(dp->t);
}

NATIVE(date_set_time) {
  (void)magic; (void)data;
  llrt_date *dp = this_date(S, this_val);
  if (!dp) return LLRT_EXC;
  bool exc = false;
  double t = llrt__to_number(S, ARG(0), &exc);
  if (exc) return LLRT_EXC;
  dp->t = time_clip(t);
  return llrt_num(dp->t);
}

/* ==== Setup ==== */

bool llrt__builtins_date_init(llrt_state *S) {
  llrt_obj *dp = llrt__obj_new(S, LLRT_T_OBJECT, sizeof(llrt_obj), S->proto_object);
  if (!dp) return false;
  S->proto_date = llrt_ptr(dp);
  llrt_value D = llrt__def_ctor(S, "Date", date_ctor, 7, S->proto_date);
  CHECK(D);
  FN(D, "now", date_now, 0, 0);
  FN(D, "UTC", date_utc, 7, 0);
  FN(D, "parse", date_parse, 1, 0);
  llrt_value P = S->proto_date;
  static const char *const getters[] = {
      "getTime", "getFullYear", "getMonth", "getDate", "getHours", "getMinutes",
      "getSeconds", "getMilliseconds", "getDay", "toISOString", "toString",
      "getTimezoneOffset", NULL, "toDateString", "toTimeString", "toUTCString"};
  for (int i = 0; i < 16; i++)
    if (getters[i]) FN(P, getters[i], date_get, 0, i);
  FN(P, "toGMTString", date_get, 0, 15);
  FN(P, "toJSON", date_to_json, 1, 0);
  static const char *const utc[] = {"getUTCFullYear", "getUTCMonth", "getUTCDate",
                                    "getUTCHours", "getUTCMinutes", "getUTCSeconds",
                                    "getUTCMilliseconds", "getUTCDay"};
  for (int i = 0; i < 8; i++) FN(P, utc[i], date_get, 0, i + 1);
  FN(P, "valueOf", date_get, 0, 0);
  /* name, first field, most arguments */
  static const struct { const char *name; int first, most; } setters[] = {
      {"FullYear", 0, 3}, {"Month", 1, 2},   {"Date", 2, 1},        {"Hours", 3, 4},
      {"Minutes", 4, 3},  {"Seconds", 5, 2}, {"Milliseconds", 6, 1}};
  for (int i = 0; i < 7; i++) {
    char name[32];
    int nargs = setters[i].most;
    snprintf(name, sizeof name, "set%s", setters[i].name);
    FN(P, name, date_set, nargs, setters[i].first | setters[i].most << 3);
    snprintf(name, sizeof name, "setUTC%s", setters[i].name);
    FN(P, name, date_set, nargs, setters[i].first | setters[i].most << 3);
  }
  FN(P, "setTime", date_set_time, 1, 0);
  return true;
}
