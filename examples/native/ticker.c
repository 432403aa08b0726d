/* A small libuv program: it polls a counter every 100 ms and reports on
 * each new client connection. Built with `cc ticker.c -luv`; here it is
 * checked by `leaklint check examples/`, which reports the two leaks left
 * in on purpose (see examples/README.md). */
#include <stdio.h>
#include <stdlib.h>
#include <uv.h>

static uv_timer_t poll_timer;
static uv_timer_t report_timer;
static int ticks;

static void on_close(uv_handle_t *h) { free(h); }

static void on_poll(uv_timer_t *t) {
  (void)t;
  ticks++;
}

/* Prints the count once; its timer is a one-shot. */
static void on_report(uv_timer_t *t) {
  (void)t;
  printf("%d ticks\n", ticks);
}

/* A new connection: accept it, greet it, and close it. */
static void on_connection(uv_stream_t *server, int status) {
  if (status < 0) return;
  uv_tcp_t *client = malloc(sizeof *client);
  if (!client) return;
  if (uv_tcp_init(server->loop, client) != 0) {
    free(client);
    return;
  }
  if (uv_accept(server, (uv_stream_t *)client) != 0) {
    free(client); /* LEAK: still registered with the loop */
    return;
  }
  uv_close((uv_handle_t *)client, on_close);
}

int main(void) {
  uv_loop_t *loop = uv_default_loop();
  uv_tcp_t server;
  struct sockaddr_in addr;
  uv_tcp_init(loop, &server);
  uv_ip4_addr("127.0.0.1", 7000, &addr);
  uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0);
  if (uv_listen((uv_stream_t *)&server, 16, on_connection) != 0) return 1;

  uv_timer_init(loop, &poll_timer);
  uv_timer_start(&poll_timer, on_poll, 100, 100); /* LEAK: never stopped */
  uv_timer_init(loop, &report_timer);
  uv_timer_start(&report_timer, on_report, 1000, 0);
  return uv_run(loop, UV_RUN_DEFAULT);
}
