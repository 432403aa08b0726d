#!/usr/bin/env python3
"""Edit -> diagnostics latency of `leaklint lsp`, measured the way
/work/shared/notes/lsp-anchors.md measured oxlint, ESLint and clangd.

A hand-run measurement, never a test: it prints medians, it asserts nothing
about speed. Python standard library only.

Method (as in the note):
* Content-Length framing; a reader thread stamps each message with
  time.monotonic() as soon as its body is read. Server requests are answered
  (workspace/configuration: null; registerCapability, workDoneProgress and
  */refresh: null).
* A generated file of 6-line exported functions (`--lines`, default 10000).
  About 1 function in 25 ends with a module-level setInterval (a warning) and
  1 in 40 assigns an undeclared variable (an error): ~110 findings in
  10,000 lines, like the note's 109.
* The edit is ONE character: in `let xN;` the `x` becomes `y` (so
  `xN = vN + 1` turns into an implicit global: one more finding), and the
  next edit flips it back (one fewer). leaklint publishes only changed
  results, so every edit must change them. Pairs are spread evenly over the
  file; each edit is timed from writing the didChange to the
  publishDiagnostics carrying its version, and the diagnostic count is
  checked against the expected +-1 every time. After each answer the client
  idles 0.3 s, so every edit is timed in isolation (no debounce applies).
* Incremental sync (the server offers it): each didChange carries one
  1-character range change.
* `--runs` fresh server processes (default 2), each `--edits` edits
  (default 30): medians and min-max are over all of them.
* `--no-incremental` starts the server with `incremental: false`, so every
  analysis parses from scratch (the comparison for the incremental reparse).
* The server's own analysis time per edit (wall, and CPU time of its worker
  thread, which load from other processes does not inflate) comes from its
  verbose trace (`$/setTrace verbose`).

Also printed: cold didOpen -> first diagnostics, RSS at the end (VmRSS, and
VmHWM as the peak), a full `leaklint check` of the same file (median of 5),
and the load average before and after (the machine may be shared).

Usage:
  tests/bench/lsp/lsp_latency.py [--lines N] [--edits N] [--runs N]
      [--no-incremental] [--workspace DIR] [--json-out FILE] -- leaklint lsp
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time


def generate(lines):
    """The file text, and for each function the byte offset of the `x` in
    its `let xN;`."""
    out, offsets, pos, i = [], [], 0, 0
    while sum(1 for _ in out) * 6 < lines:
        decl = "z" if i % 40 == 7 else "x"  # 1 in 40: an implicit global
        tail = "setInterval(tick, 1000);" if i % 25 == 3 else ""
        head = f"export function f{i}(v{i}) {{\n  let "
        fn = (head + f"{decl}{i};\n  x{i} = v{i} + 1;\n"
              f"  return v{i} * 2 + x{i};\n}}\n{tail}\n")
        if decl == "x":
            offsets.append(pos + len(head.encode()))
        out.append(fn)
        pos += len(fn.encode())
        i += 1
    text = "function tick() {}\n" + "".join(out)
    shift = len("function tick() {}\n")
    return text, [o + shift for o in offsets]


def position(text_bytes, off):
    """LSP position (line, UTF-16 character) of a byte offset (ASCII text)."""
    line = text_bytes.count(b"\n", 0, off)
    start = text_bytes.rfind(b"\n", 0, off) + 1
    return line, off - start


class Client:
    def __init__(self, argv, cwd):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd=cwd)
        self.cond = threading.Condition()
        self.messages = []  # (monotonic time, message)
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        f = self.proc.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = f.read(length)
            t = time.monotonic()
            msg = json.loads(body)
            if "method" in msg and "id" in msg:  # a request from the server
                self._answer(msg)
            with self.cond:
                self.messages.append((t, msg))
                self.cond.notify_all()

    def _answer(self, msg):
        m = msg["method"]
        result = None
        if m == "workspace/configuration":
            result = [None for _ in msg["params"].get("items", [])]
        self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def send(self, msg):
        """Writes `msg`; returns the time just before the write."""
        body = json.dumps(msg).encode()
        t = time.monotonic()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return t

    def request(self, method, params):
        i = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": i, "method": method,
                   "params": params})
        return self.wait(lambda m: m.get("id") == i and "method" not in m)

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method,
                          "params": params})

    def wait(self, pred, timeout=10.0, start=0):
        deadline = time.monotonic() + timeout
        with self.cond:
            k = start
            while True:
                while k < len(self.messages):
                    t, m = self.messages[k]
                    k += 1
                    if pred(m):
                        return t, m
                left = deadline - time.monotonic()
                if left <= 0:
                    return None, None
                self.cond.wait(left)

    def rss(self):
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                st = f.read()
            get = lambda k: int(re.search(k + r":\s+(\d+)", st).group(1)) / 1024
            return get("VmRSS"), get("VmHWM")
        except (OSError, AttributeError):
            return None, None

    def stop(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def run_once(argv, ws, path, text, offsets, edits, incremental):
    c = Client(argv, ws)
    uri = "file://" + path
    opts = {} if incremental else {"incremental": False}
    c.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + ws,
        "capabilities": {"textDocument": {"publishDiagnostics": {
            "versionSupport": True, "relatedInformation": True}}},
        "initializationOptions": opts})
    c.notify("initialized", {})
    c.notify("$/setTrace", {"value": "verbose"})
    is_diag = lambda v: (lambda m: m.get("method") ==
                         "textDocument/publishDiagnostics" and
                         m["params"]["uri"] == uri and
                         m["params"].get("version") == v)
    t0 = c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "javascript", "version": 1, "text": text}})
    t1, m = c.wait(is_diag(1), 30)
    if m is None:
        sys.exit("no diagnostics after didOpen")
    cold = (t1 - t0) * 1e3
    base = len(m["params"]["diagnostics"])
    data = bytearray(text.encode())
    # Pairs spread evenly over the file: edit 2k flips x->y, 2k+1 back.
    npairs = (edits + 1) // 2
    picks = [offsets[(k * len(offsets)) // npairs + len(offsets) // (2 * npairs)]
             for k in range(npairs)]
    samples, server_ms, server_cpu, kinds, timeouts = [], [], [], [], 0
    for e in range(edits):
        off = picks[e // 2]
        new = "y" if e % 2 == 0 else "x"
        line, ch = position(data, off)
        data[off:off + 1] = new.encode()
        version = e + 2
        mark = len(c.messages)
        t0 = c.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {
                "start": {"line": line, "character": ch},
                "end": {"line": line, "character": ch + 1}}, "text": new}]})
        t1, m = c.wait(is_diag(version), 10, mark)
        if m is None:
            timeouts += 1
            continue
        samples.append((t1 - t0) * 1e3)
        n = len(m["params"]["diagnostics"])
        want = base + (1 if e % 2 == 0 else 0)
        if n != want:
            print(f"  edit {e}: {n} diagnostics, expected {want}",
                  file=sys.stderr)
        _, log = c.wait(lambda x: x.get("method") == "window/logMessage" and
                        f"version {version} analysed in" in
                        x["params"]["message"], 2, mark)
        if log:
            msg = log["params"]["message"]
            server_ms.append(float(re.search(r"in ([\d.]+) ms", msg).group(1)))
            server_cpu.append(float(re.search(r"cpu ([\d.]+) ms", msg).group(1)))
            kinds.append("incremental" in msg)
        time.sleep(0.3)
    rss, hwm = c.rss()
    c.stop()
    return {"cold_ms": cold, "baseline": base, "samples": samples,
            "server_ms": server_ms, "server_cpu_ms": server_cpu,
            "incremental": sum(kinds),
            "timeouts": timeouts, "rss_mb": rss, "hwm_mb": hwm}


def check_time(binary, path, n=5):
    times = []
    for _ in range(n):
        t0 = time.monotonic()
        subprocess.run([binary, "check", path], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append((time.monotonic() - t0) * 1e3)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--no-incremental", action="store_true")
    ap.add_argument("--workspace")
    ap.add_argument("--json-out")
    ap.add_argument("server", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    argv = [x for x in a.server if x != "--"] or ["leaklint", "lsp"]
    ws = a.workspace or tempfile.mkdtemp(prefix="ll-lsp-bench-")
    os.makedirs(ws, exist_ok=True)
    ws = os.path.abspath(ws)
    text, offsets = generate(a.lines)
    path = os.path.join(ws, f"gen{a.lines}.js")
    with open(path, "w") as f:
        f.write(text)
    load0 = os.getloadavg()
    runs = [run_once(argv, ws, path, text, offsets, a.edits,
                     not a.no_incremental) for _ in range(a.runs)]
    load1 = os.getloadavg()
    allv = [s for r in runs for s in r["samples"]]
    srv = [s for r in runs for s in r["server_ms"]]
    check = check_time(argv[0], path)
    nlines = text.count("\n")
    print(f"leaklint lsp, {nlines} lines ({len(text.encode())} bytes), "
          f"{runs[0]['baseline']} diagnostics, "
          f"{'incremental' if not a.no_incremental else 'full'} parsing, "
          f"{a.runs} runs x {a.edits} edits")
    if allv:
        print(f"  edit -> diagnostics: median {statistics.median(allv):.1f} ms "
              f"({min(allv):.1f}-{max(allv):.1f}), per-run medians "
              + " / ".join(f"{statistics.median(r['samples']):.1f}"
                           for r in runs if r["samples"]))
    cpu = [s for r in runs for s in r["server_cpu_ms"]]
    if srv:
        print(f"  server analysis time: median {statistics.median(srv):.1f} ms"
              f" wall, {statistics.median(cpu):.1f} ms CPU;"
              f" incremental reparses: {sum(r['incremental'] for r in runs)}"
              f" of {len(srv)}")
    print("  cold didOpen -> diagnostics: "
          + " / ".join(f"{r['cold_ms']:.0f}" for r in runs) + " ms")
    print("  RSS at end: " + " / ".join(
        f"{r['rss_mb']:.1f} (peak {r['hwm_mb']:.1f})" for r in runs
        if r["rss_mb"]) + " MB")
    print(f"  leaklint check of the same file: median {check:.1f} ms "
          f"(process start included)")
    print(f"  load average before {load0[0]:.2f} {load0[1]:.2f} {load0[2]:.2f},"
          f" after {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f} "
          f"({os.cpu_count()} cores)")
    timeouts = sum(r["timeouts"] for r in runs)
    if a.json_out:
        with open(a.json_out, "w") as f:
            json.dump({"runs": runs, "check_ms": check, "load": [load0, load1]},
                      f, indent=1)
    if timeouts:
        print(f"  {timeouts} edits timed out", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
