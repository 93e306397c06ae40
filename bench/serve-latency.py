#!/usr/bin/env python3
"""Save-to-served latency of `jixiao serve`.

    python3 bench/serve-latency.py --content DIR [--runs 30] [--year 2021] [--project 2021/unit/id.yaml] [--client poll]

Starts `jixiao serve` on DIR (target/jixiao.jar with the options in jvm.options), waits until it
serves, then, RUNS times: rewrites one project file with a new name (as an editor's save does) and
waits for that project's page to show the new name. The time from the write to the first response
with the new name is one sample; the script prints each, then the median, the 90th percentile and
the extremes. The file is put back as it was at the end.

How it waits (--client):
  browser (default)  as the page open in a browser does: it holds the page's event stream open
                     (/__jixiao/events?v=VERSION, the version the page was served at), and when the
                     stream says `reload`, asks for the page once.
  poll               asks for the page over and over until it shows the new name (all this script did
                     until the ninth session): a client that never waits, which on two cores takes a
                     core from the server while it rebuilds.

The time includes the watcher's wait for the editor to finish writing (30 ms of quiet), reading and
checking the file, patching the model and rendering the page, and the page's request; it excludes
nothing the editor waits for but the browser's own painting.
"""
import argparse
import http.client
import os
import pathlib
import re
import socket
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def jvm_options():
    """jvm.options as ./jixiao uses it for serve: without C1-only compilation (a server runs long enough for C2)."""
    options = []
    for line in (ROOT / "jvm.options").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-XX:TieredStopAtLevel="):
            options.append(line)
    return options


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def open_events(port, version):
    """The page's event stream, opened as its EventSource does, with the version the page was served at."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(f"GET /__jixiao/events?v={version} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
    return sock


def await_reload(sock, deadline):
    """Reads the stream until it says reload (chunk framing and keep-alives are skipped, not parsed)."""
    seen = b""
    while b"event: reload" not in seen:
        sock.settimeout(max(0.01, deadline - time.monotonic()))
        data = sock.recv(4096)
        if not data:
            raise OSError("event stream closed")
        seen += data


def served_version(body):
    found = re.search(r"/__jixiao/events\?v=(\d+)", body)
    if not found:
        sys.exit("serve-latency: the page has no event stream (is this jixiao serve?)")
    return int(found.group(1))


def pick_project(content, year):
    for unit in sorted((content / str(year)).iterdir()):
        if not unit.is_dir():
            continue
        for f in sorted(unit.glob("*.yaml")):
            if f.name != "unit.yaml":
                return unit.name, f
    sys.exit(f"serve-latency: no project file under {content / str(year)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content", required=True, type=pathlib.Path)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--year", type=int, help="the year of the project to edit (default: the latest)")
    parser.add_argument("--project", help="the project file to edit, relative to DIR (default: the year's first, by folder and file name)")
    parser.add_argument("--jar", type=pathlib.Path, default=ROOT / "target" / "jixiao.jar")
    parser.add_argument("--client", choices=["browser", "poll"], default="browser",
                        help="wait as a browser does, for the event stream's reload (default), or ask for the page over and over")
    parser.add_argument("--log", type=pathlib.Path, help="write jixiao serve's own output (one line per update, with its time) here")
    args = parser.parse_args()

    content = args.content.resolve()
    if args.project:
        # A chosen project: one whose name a unit's or the report's prose findings list, say (see BENCHMARKS.md).
        project = content / args.project
        year, unit = int(project.parent.parent.name), project.parent.name
    else:
        year = args.year or max(int(p.name) for p in content.iterdir() if p.is_dir() and p.name.isdigit())
        unit, project = pick_project(content, year)
    page = f"/{year}/{unit}/{project.stem}.html"
    original = project.read_bytes()
    text = original.decode("utf-8")
    name = re.search(r"^name:\s*(.*)$", text, re.M)
    if not name:
        sys.exit(f"serve-latency: {project} has no name: line")

    port = free_port()
    extra = os.environ.get("JIXIAO_JAVA_OPTS", "").split()  # as ./jixiao takes them
    command = ["java", *jvm_options(), *extra, "-jar", str(args.jar), "serve", "--content", str(content), "--port", str(port)]
    started = time.monotonic()
    log = open(args.log, "wb") if args.log else subprocess.DEVNULL
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if server.poll() is not None:
                sys.exit("serve-latency: jixiao serve stopped (exit %d); run with --log FILE to see why" % server.returncode)
            try:
                status, _ = get(port, page)
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.05)
        print(f"serving {content} ({page}) after {time.monotonic() - started:.1f} s", flush=True)
        samples = []
        for run in range(1, args.runs + 1):
            marker = f"延迟测试{run:03d}"
            edited = text[:name.start(1)] + '"' + marker + '"' + text[name.end(1):]
            time.sleep(0.3)  # the previous save is long served; let the watcher go quiet
            events = None
            if args.client == "browser":
                _, body = get(port, page)  # the page as the browser shows it before the save
                events = open_events(port, served_version(body))
                time.sleep(0.05)  # the stream is open and answered, as a page's is long before the editor saves
            t0 = time.monotonic()
            project.write_bytes(edited.encode("utf-8"))
            try:
                while True:
                    if events is not None:
                        try:
                            await_reload(events, t0 + 30)
                        except OSError:
                            sys.exit(f"serve-latency: run {run}: no reload within 30 s")
                    _, body = get(port, page)
                    if marker in body:
                        break
                    if time.monotonic() - t0 > 30:
                        sys.exit(f"serve-latency: run {run}: {page} did not show the change within 30 s")
                    if events is not None:
                        # Reloaded before the change was in (an editor's save that came in two bursts): as the page
                        # does, wait again on a stream opened at the version just served.
                        events.close()
                        events = open_events(port, served_version(body))
            finally:
                if events is not None:
                    events.close()
            ms = (time.monotonic() - t0) * 1000
            samples.append(ms)
            print(f"run {run}: {ms:.0f} ms", flush=True)
        samples.sort()
        p90 = samples[min(len(samples) - 1, int(round(0.9 * (len(samples) - 1))))]
        print(f"save to served ({args.client}), {len(samples)} runs: median {statistics.median(samples):.0f} ms, "
              f"p90 {p90:.0f} ms, min {samples[0]:.0f} ms, max {samples[-1]:.0f} ms")
    finally:
        project.write_bytes(original)
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
