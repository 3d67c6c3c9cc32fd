#!/usr/bin/env python3
"""CLI start-up benchmark: `openclaw` published three ways, measured side by side in one run.

    python3 bench/startup.py [--runs 20] [--out bench/results/startup.md]

Publishes src/OpenClaw.Cli as native AOT, ReadyToRun and plain JIT (framework-dependent) into bench/.out/, starts the
bundled OpenRouter emulator on loopback, and times each binary on:

  --version                      process start-up and argument parsing only
  models list                    reads the config and the cached catalog (filled once by `models list --refresh`)
  agent -m <text>                a real agent turn against the emulator (config, auth, session store, one streamed
                                 chat completion, transcript commit); the emulator's own latency for the same chat
                                 request, measured with a raw HTTP client in this script, is reported beside it

Wall time is measured around each process (spawn to exit). Peak RSS is read in separate runs under /usr/bin/time
(`%M`): a child's rusage counts the memory of the process that spawned it before exec, so measuring from Python would add
Python's own ~10 MiB; time(1) is a small C program. Each command gets warm-up runs first (file cache, first-run costs),
then --runs measured runs; the table shows the median and p90 wall time and the median peak RSS.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "bench", ".out")
KEY = "sk-or-v1-emulator"


def run(cmd, **kwargs):
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def publish():
    cli = os.path.join(ROOT, "src", "OpenClaw.Cli")
    variants = {
        "native AOT": (["-r", "linux-x64", "-p:PublishAot=true"], "aot"),
        "ReadyToRun": (["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=true"], "r2r"),
        "JIT": (["--self-contained", "false"], "jit"),
    }
    binaries = {}
    for name, (flags, folder) in variants.items():
        target = os.path.join(OUT, folder)
        shutil.rmtree(target, ignore_errors=True)
        print(f"publishing {name} → {os.path.relpath(target, ROOT)}", file=sys.stderr)
        run(["dotnet", "publish", cli, "-c", "Release", "-o", target, "-nologo", "-v", "quiet"] + flags, stdout=subprocess.DEVNULL)
        binaries[name] = os.path.join(target, "openclaw")
    emulator = os.path.join(OUT, "emulator")
    shutil.rmtree(emulator, ignore_errors=True)
    print("building the emulator", file=sys.stderr)
    run(["dotnet", "publish", os.path.join(ROOT, "src", "OpenClaw.OpenRouter.Emulator.Host"), "-c", "Release", "-o", emulator,
         "-nologo", "-v", "quiet"], stdout=subprocess.DEVNULL)
    return binaries, os.path.join(emulator, "openrouter-emulator")


TIME = "/usr/bin/time"


def measure(argv, env, runs, warmups=3, rss_runs=5):
    walls, rss = [], []
    for i in range(warmups + runs):
        start = time.perf_counter_ns()
        result = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=env["HOME"])
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {result.returncode}: {result.stderr.decode()}")
        if i >= warmups:
            walls.append(elapsed)
    if os.path.exists(TIME):
        with tempfile.NamedTemporaryFile("r") as report:
            for _ in range(rss_runs):
                subprocess.run([TIME, "-f", "%M", "-o", report.name] + argv, env=env, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=env["HOME"])
                report.seek(0)
                rss.append(int(report.read().split()[-1]) / 1024)  # KiB → MiB
    return walls, rss


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def raw_chat_latency(base_url, runs):
    body = json.dumps({"model": "anthropic/claude-sonnet-4.6", "stream": True,
                       "messages": [{"role": "user", "content": "Say hello to the team"}]}).encode()
    walls = []
    for i in range(3 + runs):
        request = urllib.request.Request(base_url + "/chat/completions", data=body, method="POST",
                                         headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
        start = time.perf_counter_ns()
        with urllib.request.urlopen(request) as response:
            response.read()
        if i >= 3:
            walls.append((time.perf_counter_ns() - start) / 1e6)
    return walls


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--out", default=None)
    parser.add_argument("--no-publish", action="store_true", help="reuse the binaries in bench/.out")
    args = parser.parse_args()

    if args.no_publish:
        binaries = {name: os.path.join(OUT, folder, "openclaw") for name, folder in (("native AOT", "aot"), ("ReadyToRun", "r2r"), ("JIT", "jit"))}
        emulator_path = os.path.join(OUT, "emulator", "openrouter-emulator")
    else:
        binaries, emulator_path = publish()

    emulator = subprocess.Popen([emulator_path, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        base_url = emulator.stdout.readline().strip()
        home = tempfile.mkdtemp(prefix="openclaw-startup-")
        state = os.path.join(home, ".openclaw")
        os.makedirs(state, mode=0o700)
        with open(os.path.join(state, "openclaw.json"), "w") as config:
            json.dump({"models": {"providers": {"openrouter": {"baseUrl": base_url, "request": {"allowPrivateNetwork": True}}}}}, config)
        env = {"HOME": home, "PATH": os.environ.get("PATH", ""), "OPENROUTER_API_KEY": KEY, "NO_COLOR": "1",
               "OPENCLAW_OPENROUTER_CATALOG_URL": base_url + "/models", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"}
        first = next(iter(binaries.values()))
        subprocess.run([first, "models", "list", "--refresh"], env=env, check=True, stdout=subprocess.DEVNULL, cwd=home)

        rows = []
        commands = [("--version", ["--version"]), ("models list (cached)", ["models", "list"]),
                    ("agent -m (emulator)", ["agent", "-m", "Say hello to the team", "--session-id", "startup"])]
        for label, argv in commands:
            for name, binary in binaries.items():
                print(f"measuring {name}: openclaw {' '.join(argv)}", file=sys.stderr)
                walls, rss = measure([binary] + argv, env, args.runs)
                rows.append((label, name, statistics.median(walls), percentile(walls, 90), statistics.median(rss) if rss else None))
        chat = raw_chat_latency(base_url, args.runs)
    finally:
        emulator.terminate()
        emulator.wait()

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# CLI start-up",
        "",
        f"Command: `python3 bench/startup.py --runs {args.runs}` · {args.runs} measured runs per row after 3 warm-ups",
        f"Machine: {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}, .NET SDK {dotnet}",
        "",
        "| Command | Build | Median wall (ms) | p90 wall (ms) | Median peak RSS (MiB) |",
        "|---|---|---:|---:|---:|",
    ]
    for label, name, median, p90, rss in rows:
        memory = f"{rss:.1f}" if rss is not None else "n/a (install time(1): apt-get install time)"
        lines.append(f"| `openclaw {label}` | {name} | {median:.1f} | {p90:.1f} | {memory} |")
    lines += ["", f"The emulator's own latency for the same streamed chat request (raw HTTP from this script): median "
              f"{statistics.median(chat):.1f} ms, p90 {percentile(chat, 90):.1f} ms. `agent -m` beyond the model's latency = "
              "its wall time minus this."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(os.path.join(ROOT, args.out) if not os.path.isabs(args.out) else args.out, "w") as output:
            output.write(text)


if __name__ == "__main__":
    main()
