/* c-resource-leak: streams, descriptors, sockets and directories left
 * open. Each `expect:` covers the next code line, where the resource is
 * opened. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

/* An error path after a successful fopen. */
int read_header(const char *path, char *buf, int n) {
  // expect: c-resource-leak "FILE stream acquired by `fopen`"
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  if (!fgets(buf, n, f)) return -1;
  fclose(f);
  return 0;
}

/* Never closed. */
void write_log(const char *path, const char *msg) {
  // expect: c-resource-leak "leaked at the end of `write_log`"
  FILE *f = fopen(path, "a");
  if (f) fprintf(f, "%s\n", msg);
}

/* A descriptor leaked on a failed read. */
int read_byte(const char *path) {
  char c;
  // expect: c-resource-leak "File descriptor acquired by `open`"
  int fd = open(path, O_RDONLY);
  if (fd < 0) return -1;
  if (read(fd, &c, 1) != 1) return -1;
  close(fd);
  return c;
}

/* `fd == -1` checked, then leaked on success. */
int probe(const char *path) {
  // expect: c-resource-leak
  int fd = open(path, O_RDONLY);
  if (fd == -1) return 0;
  return 1;
}

/* A socket leaked when bind fails. */
int listen_on(const struct sockaddr *addr, socklen_t len) {
  // expect: c-resource-leak "Socket acquired by `socket`"
  int s = socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) return -1;
  if (bind(s, addr, len) < 0) return -1;
  return s;
}

/* An accepted connection dropped on the floor. */
void accept_and_forget(int srv) {
  // expect: c-resource-leak
  int c = accept(srv, NULL, NULL);
  if (c < 0) return;
  send(c, "hi", 2, 0);
}

/* A directory stream leaked in a loop's early exit. */
int has_hidden(const char *path) {
  // expect: c-resource-leak "Directory stream acquired by `opendir`"
  DIR *d = opendir(path);
  if (!d) return -1;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (e->d_name[0] == '.') return 1;
  closedir(d);
  return 0;
}

/* The result is discarded. */
void discarded(const char *path) {
  // expect: c-resource-leak "the result is discarded"
  fopen(path, "r");
}

/* Overwritten while open. */
void reopened(const char *a, const char *b) {
  // expect: c-resource-leak "overwritten"
  FILE *f = fopen(a, "r");
  f = fopen(b, "r");
  if (f) fclose(f);
}

/* One descriptor per iteration, closed only on the happy path. */
void per_item(const char **paths, int n) {
  for (int i = 0; i < n; i++) {
    // expect: c-resource-leak
    int fd = open(paths[i], O_RDONLY);
    if (fd < 0) continue;
    if (i == 0) continue;
    close(fd);
  }
}

/* A popen'd pipe. */
int run(const char *cmd) {
  // expect: c-resource-leak "Pipe stream acquired by `popen`"
  FILE *p = popen(cmd, "r");
  if (!p) return -1;
  return fgetc(p);
}

/* dup makes a second descriptor that must be closed too. */
int dup_leak(int fd) {
  // expect: c-resource-leak
  int copy = dup(fd);
  if (copy < 0) return -1;
  return fcntl(fd, F_GETFL);
}

/* A switch case that returns without closing. */
int by_mode(const char *path, int mode) {
  // expect: c-resource-leak "the `case 1:` branch"
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  switch (mode) {
  case 1:
    return 1;
  default:
    break;
  }
  fclose(f);
  return 0;
}
