/* c-resource-leak: near-misses that must not be reported. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static FILE *log_file;

struct conn {
  int fd;
};

/* Closed on every path. */
int read_header(const char *path, char *buf, int n) {
  // ok: c-resource-leak
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  int rc = fgets(buf, n, f) ? 0 : -1;
  fclose(f);
  return rc;
}

/* `f == NULL` is a failed open: nothing to close. */
int null_compare(const char *path) {
  // ok: c-resource-leak
  FILE *f = fopen(path, "r");
  if (f == NULL) return -1;
  fclose(f);
  return 0;
}

/* `fd < 0` is a failed open. */
int read_byte(const char *path) {
  char c = 0;
  // ok: c-resource-leak
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  ssize_t got = read(fd, &c, 1);
  close(fd);
  return got == 1 ? c : -1;
}

/* `0 > fd` and `-1 == fd` spellings. */
int reversed_checks(const char *a, const char *b) {
  // ok: c-resource-leak
  int x = open(a, O_RDONLY);
  if (0 > x) return -1;
  // ok: c-resource-leak
  int y = open(b, O_RDONLY);
  if (-1 == y) {
    close(x);
    return -1;
  }
  close(y);
  close(x);
  return 0;
}

/* Returned: the caller closes it. */
int open_config(const char *path) {
  // ok: c-resource-leak
  int fd = open(path, O_RDONLY);
  return fd;
}

/* Stored in a global. */
void open_log(const char *path) {
  // ok: c-resource-leak
  log_file = fopen(path, "a");
}

/* Stored in a field of a parameter. */
int conn_open(struct conn *c, const char *path) {
  // ok: c-resource-leak
  c->fd = open(path, O_RDWR);
  return c->fd < 0 ? -1 : 0;
}

/* Out-parameter. */
int open_out(const char *path, FILE **out) {
  // ok: c-resource-leak
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  *out = f;
  return 0;
}

/* A socket closed when bind fails. */
int listen_on(const struct sockaddr *addr, socklen_t len) {
  // ok: c-resource-leak
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) return -1;
  if (bind(s, addr, len) < 0) {
    close(s);
    return -1;
  }
  return s;
}

/* fdopen takes the descriptor over: closing the stream closes it. */
int stream_of(const char *path) {
  // ok: c-resource-leak
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  // ok: c-resource-leak
  FILE *f = fdopen(fd, "r");
  if (!f) {
    close(fd);
    return -1;
  }
  fclose(f);
  return 0;
}

/* A directory closed after the loop, also on the early exit. */
int has_hidden(const char *path) {
  // ok: c-resource-leak
  DIR *d = opendir(path);
  if (!d) return -1;
  int found = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (e->d_name[0] == '.') {
      found = 1;
      break;
    }
  closedir(d);
  return found;
}

/* A helper of this file that closes its argument. */
static void close_quietly(int fd) {
  if (fd >= 0) close(fd);
}

void closed_by_helper(const char *path) {
  // ok: c-resource-leak
  int fd = open(path, O_RDONLY);
  close_quietly(fd);
}

/* Handed to a function leaklint knows nothing about. */
extern void register_fd(int fd);
void handed_over(const char *path) {
  // ok: c-resource-leak
  int fd = open(path, O_RDONLY);
  if (fd >= 0) register_fd(fd);
}

/* exit() ends the path. */
void or_die(const char *path) {
  // ok: c-resource-leak
  FILE *f = fopen(path, "r");
  if (!f) exit(1);
  if (fgetc(f) < 0) exit(2);
  fclose(f);
}

/* One descriptor per iteration, closed every time. */
void per_item(const char **paths, int n) {
  for (int i = 0; i < n; i++) {
    // ok: c-resource-leak
    int fd = open(paths[i], O_RDONLY);
    if (fd < 0) continue;
    close(fd);
  }
}

/* A cleanup label. */
int copy_file(const char *from, const char *to) {
  int rc = -1;
  // ok: c-resource-leak
  FILE *in = fopen(from, "r");
  // ok: c-resource-leak
  FILE *out = fopen(to, "w");
  if (!in || !out) goto done;
  int ch;
  while ((ch = fgetc(in)) != EOF) fputc(ch, out);
  rc = 0;
done:
  if (out) fclose(out);
  if (in) fclose(in);
  return rc;
}
