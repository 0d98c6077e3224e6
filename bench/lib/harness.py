"""What every benchmark under bench/ shares: the release binary, a private emulator, side-by-side rounds, and
measurements (wall time, peak RSS, HTTP requests the emulator served and the CPU time it spent) with medians and ratios.

Each benchmark runs its sides alternately (the order rotates each round), on the same machine and the same emulator,
with identical state prepared before every run: these machines are shared and noisy, so only ratios of medians of
alternating runs mean anything. Results go to bench/results/<name>.json, which bench/report turns into the tables of
docs/benchmarks.md and bench/plot into its figures.
"""

import json
import os
import platform
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = Path(os.environ.get("MLOPSCTL_BENCH_RESULTS", ROOT / "bench" / "results"))
TOOLS = Path(os.environ.get("MLOPSCTL_TOOLS_DIR", ROOT / ".tools"))


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def tools_environment(base=None):
    """The environment with the project's tools (moto, boto3, the AWS CLI in .tools/venv) first on PATH."""
    env = dict(os.environ if base is None else base)
    env["PATH"] = f"{TOOLS / 'bin'}:{TOOLS / 'venv' / 'bin'}:{env.get('PATH', '')}"
    return env


def ensure_tools():
    subprocess.run([str(ROOT / "scripts" / "ensure-tools"), "main"], check=True, stdout=sys.stderr)


def mlopsctl_binary():
    """MLOPSCTL_BENCH_BIN (an installed binary), else the release build of this checkout, built statically as
    scripts/install builds it."""
    given = os.environ.get("MLOPSCTL_BENCH_BIN")
    if given:
        return given
    flags = ["-c", "release", "--static-swift-stdlib", "--product", "mlopsctl"]
    subprocess.run(["swift", "build", *flags], cwd=ROOT, check=True, stdout=sys.stderr)
    path = subprocess.run(["swift", "build", *flags, "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return str(Path(path.stdout.strip()) / "mlopsctl")


@dataclass
class Sample:
    seconds: float
    peak_mib: float
    requests: int | None
    status: int
    emulator_cpu_s: float | None = None


class Emulator:
    """A private moto server (scripts/local-aws) for one benchmark: started on a free loopback port, stopped by its
    pid at the end. Requests are counted from its access log, one line per request served."""

    def __init__(self, *arguments):
        self.arguments = list(arguments)
        self.directory = Path(tempfile.mkdtemp(prefix="mlopsctl-bench-"))
        self.env = {}

    def __enter__(self):
        # A benchmark stopped with kill (SIGTERM) unwinds like one stopped with Ctrl-C, so __exit__ stops the server.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        command = [str(ROOT / "scripts" / "local-aws"), "start", "--dir", str(self.directory), *self.arguments]
        started = subprocess.run(command, check=True, capture_output=True, text=True, env=tools_environment())
        self.env = tools_environment()
        for key in [k for k in self.env if k.startswith("AWS_")]:
            del self.env[key]
        for line in started.stdout.splitlines():
            match = re.match(r"export (\w+)=(.*)$", line)
            if match:
                self.env[match.group(1)] = shlex.split(match.group(2))[0]
        self.endpoint = re.search(r"running at (http://\S+)", started.stderr).group(1)
        return self

    def __exit__(self, *_):
        subprocess.run([str(ROOT / "scripts" / "local-aws"), "stop", "--dir", str(self.directory)],
                       capture_output=True, env=tools_environment())
        subprocess.run(["rm", "-rf", str(self.directory)])

    @property
    def log(self):
        return self.directory / "moto.log"

    def cpu_seconds(self):
        """CPU seconds the emulator's process has used so far (user + system, /proc/<pid>/stat). moto serves requests
        on threads under one interpreter lock, so its CPU time for a job is the least wall time any client can take
        for it: the measurement that shows when the emulator, not the client, is the bound."""
        try:
            pid = int((self.directory / "moto.pid").read_text())
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError):
            return None
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def served(self):
        """Requests served so far (werkzeug logs one `"METHOD path HTTP/1.1" status` line per request)."""
        with open(self.log, "rb") as handle:
            return sum(1 for line in handle if b'" 200 ' in line or re.search(rb'HTTP/1\.[01]" \d{3} ', line))

    def python(self, script, *arguments, check=True):
        """python3 (the project's, with boto3) running `script` against this emulator; returns its stdout."""
        done = subprocess.run(["python3", "-c", script, *map(str, arguments)], env=self.env, capture_output=True, text=True)
        if check and done.returncode != 0:
            raise RuntimeError(f"helper script failed: {done.stderr.strip()[-2000:]}")
        return done.stdout


def measure(command, env, cwd=None, emulator=None, stdout=subprocess.DEVNULL, check=True, shell=False):
    """Runs `command` once: wall time, peak RSS of the largest process in its tree (wait4's maxrss covers the
    children it reaped), and the requests the emulator served meanwhile."""
    before = emulator.served() if emulator else None
    cpu_before = emulator.cpu_seconds() if emulator else None
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=stdout, stderr=subprocess.PIPE, shell=shell)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    requests = emulator.served() - before if emulator else None
    cpu_after = emulator.cpu_seconds() if emulator else None
    emulator_cpu = cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
    if check and process.returncode != 0:
        shown = command if isinstance(command, str) else " ".join(map(str, command))
        raise RuntimeError(f"`{shown}` exited {process.returncode}: {stderr.decode(errors='replace').strip()[-2000:]}")
    return Sample(seconds, usage.ru_maxrss / 1024, requests, process.returncode, emulator_cpu)


@dataclass
class Side:
    """One way of doing the job: `prepare()` makes the state the run starts from (untimed), `run()` returns a Sample."""
    name: str
    run: object
    prepare: object = None


@dataclass
class Comparison:
    name: str
    job: str
    samples: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def add(self, side, sample):
        self.samples.setdefault(side, []).append(sample)

    def summary(self):
        rows = {}
        for side, samples in self.samples.items():
            requests = [s.requests for s in samples if s.requests is not None]
            emulator_cpu = [s.emulator_cpu_s for s in samples if s.emulator_cpu_s is not None]
            rows[side] = {
                "runs": len(samples),
                "median_s": statistics.median(s.seconds for s in samples),
                "min_s": min(s.seconds for s in samples),
                "max_s": max(s.seconds for s in samples),
                "peak_mib": max(s.peak_mib for s in samples),
                "requests": int(statistics.median(requests)) if requests else None,
                "emulator_cpu_s": statistics.median(emulator_cpu) if emulator_cpu else None,
            }
        return rows


def alternate(name, job, sides, rounds, extra=None):
    """Runs every side once per round, rotating who goes first; prepares state before each run, untimed."""
    comparison = Comparison(name, job, extra=dict(extra or {}))
    for round_index in range(rounds):
        order = sides[round_index % len(sides):] + sides[:round_index % len(sides)]
        for side in order:
            if side.prepare:
                side.prepare()
            sample = side.run()
            comparison.add(side.name, sample)
            cpu = "" if sample.emulator_cpu_s is None else f", emulator CPU {sample.emulator_cpu_s:.2f} s"
            log(f"{name} round {round_index + 1}/{rounds} {side.name}: {sample.seconds:.3f} s, "
                f"{sample.peak_mib:.1f} MiB, {sample.requests if sample.requests is not None else '-'} requests{cpu}")
    return comparison


def machine():
    cpus = os.cpu_count()
    model = ""
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = os.getloadavg()[0]
    return {"cpus": cpus, "cpu": model, "kernel": platform.release(), "python": platform.python_version(),
            "load_1min_at_start": round(load, 2)}


def save(comparisons, name, notes=None):
    """Writes bench/results/<name>.json: every comparison's samples and summary, the machine, the date."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": name,
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine(),
        "notes": notes or [],
        "comparisons": [
            {"name": c.name, "job": c.job, "summary": c.summary(), "extra": c.extra,
             "samples": {side: [vars(s) for s in samples] for side, samples in c.samples.items()}}
            for c in comparisons
        ],
    }
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(document, indent=2) + "\n")
    for comparison in comparisons:
        print_summary(comparison)
    log(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def print_summary(comparison):
    summary = comparison.summary()
    print(f"\n{comparison.name}: {comparison.job}")
    print(f"  {'side':<34} {'median s':>10} {'peak MiB':>9} {'requests':>9} {'emu CPU s':>9} {'runs':>5}")
    for side, row in summary.items():
        requests = "-" if row["requests"] is None else str(row["requests"])
        cpu = "-" if row.get("emulator_cpu_s") is None else f"{row['emulator_cpu_s']:.2f}"
        print(f"  {side:<34} {row['median_s']:>10.3f} {row['peak_mib']:>9.1f} {requests:>9} {cpu:>9} {row['runs']:>5}")
    sides = list(summary)
    for other in sides[1:]:
        ratio = summary[other]["median_s"] / summary[sides[0]]["median_s"]
        print(f"  {sides[0]} is {ratio:.2f}x as fast as {other}")
