#!/usr/bin/env python3
"""The benchmark of issue 12: measures, never asserts. Writes bench/raw/<part>.json per part and,
from every part measured so far, bench/results.json and bench/RESULTS.md.

    python3 bench/bench.py all                 # every part, then the report
    python3 bench/bench.py overhead detection  # some parts, then the report
    python3 bench/bench.py report              # the report only, from bench/raw/

Parts: matrix, breakdown, cuts, overhead, detection, bisect, virtme, repeat (reads a run folder: --repeat-run DIR), report.
Every VM boot goes through `flock $BENCH_LOCK` when BENCH_LOCK names a lock file, so a shared
machine can serialise its heavy jobs; each part records the load average at its start and end.
Processes are started with argument lists, never a shell string.
"""
import argparse
import datetime
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RAW = BENCH / "raw"
HARNESS_DLL = ROOT / "harness" / "bin" / "publish" / "harness.dll"  # what `make build` publishes
CACHE = pathlib.Path(os.environ.get("HARNESS_CACHE") or pathlib.Path.home() / ".cache" / "rseq-harness")
LOCK = os.environ.get("BENCH_LOCK")
DEBIAN_KERNELS = ["bullseye-5.10", "bookworm-6.1", "trixie-6.12", "sid", "experimental", "sid-numa"]
OVERHEAD_KERNEL = "bookworm-6.1"
DETECTION_KERNEL = "control-5.10-fork"
PAIRS = int(os.environ.get("BENCH_PAIRS", "16"))  # fewer only to try the benchmark out; 16, as one boot varies by 1-2 s here and the harness adds under 0.5 s
DETECTION_RUNS = 20
KEEP_COLD = False
# The CPU harness/Vm/QemuArguments.cs gives a TCG guest (qemu64 with RDRAND, so the kernel seeds its
# random pool at boot); the plain QEMU and virtme-ng boots use it too, so the pairs compare like for like.
TCG_CPU = "qemu64,+rdrand"


def load():
    return [float(x) for x in pathlib.Path("/proc/loadavg").read_text().split()[:3]]


def heavy(argv):
    """The argument list, under the shared lock when there is one."""
    return (["flock", LOCK] if LOCK else []) + argv


def harness(*args):
    return ["dotnet", str(HARNESS_DLL), *args]


def shown(*args):
    """A harness command line as the report shows it: no machine paths."""
    return " ".join(["harness", *args])


def tree_rss_kib(pid):
    """Resident memory of a process and all its descendants (the harness and its QEMUs), in KiB."""
    children = {}
    for status in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = status.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(status.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo.extend(children.get(current, []))
        try:
            for line in pathlib.Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def timed(argv, env=None, log=None):
    """Runs argv; returns (seconds, exit status, peak resident memory of the whole tree in MiB).
    The clock stops when the process exits (a waiting main thread; a sampler thread reads the memory
    every 0.25 s, so the end is not rounded up to a sampling step). Under a lock the clock starts once
    it is held: flock runs the command in its own child, and flock alone holds ~1 MiB."""
    out = open(log, "w") if log else subprocess.DEVNULL
    started = time.monotonic()
    process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    state = {"peak": 0, "work_began": None if LOCK else started}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            rss = tree_rss_kib(process.pid)
            if state["work_began"] is None and rss > 8 * 1024:
                state["work_began"] = time.monotonic()
            state["peak"] = max(state["peak"], rss)
            stop.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status = process.wait()
    ended = time.monotonic()
    stop.set()
    sampler.join()
    if log:
        out.close()
    began = state["work_began"] if state["work_began"] is not None else started
    return ended - began, status, state["peak"] / 1024


def latest_run(results):
    folder = (pathlib.Path(results) / "latest").resolve()
    return folder, json.loads((folder / "run.json").read_text())


def summary(values):
    return {"n": len(values), "min": min(values), "median": statistics.median(values), "max": max(values), "values": values}


def save(part, data):
    RAW.mkdir(exist_ok=True)
    (RAW / f"{part}.json").write_text(json.dumps(data, indent=2) + "\n")


def commit():
    return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()


def part_frame(name):
    """The part's record; the commit is the checkout's when the part started (build the harness from it first)."""
    return {"part": name, "commit": commit(), "started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "load_start": load()}


def close(frame):
    frame["load_end"] = load()
    frame["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    return frame


# --- harness against plain QEMU -------------------------------------------------------------

def qemu_arguments(kernel, initramfs, command_line, console):
    """The list harness/Vm/QemuArguments.cs builds for a 4-vCPU, 512 MiB TCG boot without NUMA."""
    return ["qemu-system-x86_64", "-M", "q35", "-accel", "tcg,thread=multi", "-cpu", TCG_CPU, "-smp", "4", "-m", "512",
            "-display", "none", "-nodefaults", "-monitor", "none", "-no-reboot",
            "-kernel", str(kernel), "-initrd", str(initramfs), "-append", command_line,
            "-serial", f"file:{console}", "-serial", "stdio"]


def kernel_image(run, name):
    kernel = next(k for k in run["kernels"] if k["name"] == name)
    package, version = kernel["identity"].split("=", 1)
    entry = CACHE / "kernels" / "debian" / f"{package}_{version}"
    # What the harness booted: the uncompressed PVH kernel when its cache entry has one.
    return entry / "vmlinux.pvh" if (entry / "vmlinux.pvh").exists() else entry / "vmlinuz"


def command_line(console):
    for line in console.read_text(errors="replace").splitlines():
        if "Command line: " in line:
            return line.split("Command line: ", 1)[1].strip()
    raise SystemExit(f"{console}: no 'Command line:' line")


def overhead(work):
    frame = part_frame("overhead")
    results = work / "overhead"
    harness_seconds, plain_seconds, pairs = [], [], []
    run = None
    for pair in range(1, PAIRS + 1):
        seconds, status, _ = timed(heavy(harness("run", "-k", OVERHEAD_KERNEL, "--results", str(results))), log=work / f"overhead-harness-{pair}.log")
        folder, run = latest_run(results)
        vm = run["kernels"][0]["timings"]["vm_seconds"]
        console = folder / f"{OVERHEAD_KERNEL}.console.log"
        initramfs = CACHE / "guest" / run["guest"]["content_hash"] / "initramfs.cpio.gz"
        argv = qemu_arguments(kernel_image(run, OVERHEAD_KERNEL), initramfs, command_line(console), work / f"plain-{pair}.console.log")
        plain, plain_status, _ = timed(heavy(argv), log=work / f"overhead-plain-{pair}.ktap.log")
        harness_seconds.append(seconds)
        plain_seconds.append(plain)
        pairs.append({"pair": pair, "harness_seconds": seconds, "harness_status": status, "harness_vm_seconds": vm,
                      "plain_seconds": plain, "plain_status": plain_status})
        print(f"overhead pair {pair}: harness {seconds:.1f} s (VM {vm:.1f} s), plain QEMU {plain:.1f} s", flush=True)
    frame.update({
        "kernel": OVERHEAD_KERNEL, "identity": run["kernels"][0]["identity"] if run else None,
        "harness_command": shown("run", "-k", OVERHEAD_KERNEL),
        "plain_command": "qemu-system-x86_64 with the same -kernel, -initrd and -append (the harness run's own command line, seed included) and the harness's other options",
        "pairs": pairs, "harness": summary(harness_seconds), "plain": summary(plain_seconds),
        "ratio_of_medians": statistics.median(harness_seconds) / statistics.median(plain_seconds),
        # The harness's own time, apart from the boot's noise: its wall time less its QEMU's.
        "harness_own": summary([p["harness_seconds"] - p["harness_vm_seconds"] for p in pairs]),
        # Each pair's own ratio: the two boots of a pair ran a few seconds apart, so a drift of the
        # machine's speed over the part moves both.
        "pair_ratios": summary([p["harness_seconds"] / p["plain_seconds"] for p in pairs]),
    })
    save("overhead", close(frame))


# --- boot cuts (point 3): the same kernel with and without a command-line cut --------------------

CUT_VARIANTS = [
    ("as the harness boots it (under TCG: lpj preset, crypto self-tests skipped)", ""),
    ("before the lpj cut: lpj=0, every CPU calibrates its delay loop", "lpj=0"),
    ("before the crypto cut: cryptomgr.notests=0, the crypto API tests its algorithms", "cryptomgr.notests=0"),
    ("not adopted, for scale: mitigations=off", "mitigations=off"),
]
CUT_ROUNDS = 3


def slug(kernel_args):
    return kernel_args.replace("=", "-").replace(" ", "_") or "default"


def cut_matrix(work, kernel_args):
    text = f"""defaults:
  cpus: 4
  memory: 512
  accel: auto
  boot_timeout: 120
  test_timeout: 300
  guest:
    depth: standard
kernels:
  - name: {OVERHEAD_KERNEL}
    source:
      debian: linux-image-amd64
      suite: bookworm
    kernel_args: "{kernel_args}"
"""
    path = work / f"cut-{slug(kernel_args)}.yaml"
    path.write_text(text)
    return path


def cuts(work):
    frame = part_frame("cuts")
    boots = {label: [] for label, _ in CUT_VARIANTS}
    for round_ in range(1, CUT_ROUNDS + 1):
        for label, kernel_args in CUT_VARIANTS:
            results = work / f"cuts-{round_}-{slug(kernel_args)}"
            timed(heavy(harness("run", "--matrix", str(cut_matrix(work, kernel_args)), "--results", str(results))), log=work / f"cuts-{round_}.log")
            _, run = latest_run(results)
            kernel = kernels_of(run)[0]
            boots[label].append(kernel)
            print(f"cuts {round_} {kernel_args or 'default'}: VM {kernel['vm_seconds']:.1f} s, phases {kernel['phases']}", flush=True)
    frame.update({"kernel": OVERHEAD_KERNEL, "rounds": CUT_ROUNDS,
                  "variants": [{"label": label, "kernel_args": args, "boots": boots[label]} for label, args in CUT_VARIANTS]})
    save("cuts", close(frame))


# --- the default matrix ---------------------------------------------------------------------

def cold_cache(work):
    """A new cache folder: apt lists, Debian kernel packages and the guest image come anew; only
    the kernels built from source are copied in (their cold build is minutes each, measured apart)."""
    cache = work / "cold-cache"
    if cache.exists():
        shutil.rmtree(cache)
    (cache / "kernels").mkdir(parents=True)
    shutil.copytree(CACHE / "kernels" / "build", cache / "kernels" / "build", symlinks=True)
    return cache


def capped_scenarios(kernel):
    """The scenarios that ran until the depth's cap (seconds) instead of stopping at their stress target or a FAIL."""
    cap = (kernel.get("guest_info") or {}).get("seconds")
    if cap is None:
        return []
    return [s["scenario"] for s in kernel["scenarios"]
            if s["outcome"] == "PASS" and (s.get("counters") or {}).get("elapsed_ms", 0) >= float(cap) * 1000 * 0.98]


def kernels_of(run):
    rows = []
    for kernel in run["kernels"]:
        timings = kernel["timings"]
        outcomes = [s["outcome"] for s in kernel["scenarios"]]
        rows.append({"name": kernel["name"], "repeat": kernel["repeat"], "release": kernel.get("kernel_release"),
                     "identity": kernel.get("identity"), "met_expectation": kernel["met_expectation"],
                     "boot_seconds": timings.get("boot_seconds"), "vm_seconds": timings.get("vm_seconds"),
                     "phases": timings.get("phases"), "outcomes": {o: outcomes.count(o) for o in sorted(set(outcomes))},
                     "capped": capped_scenarios(kernel)})
    return rows


def matrix(work):
    frame = part_frame("matrix")
    runs = []
    plans = [("warm", "1", []), ("warm", "2", ["--oversubscribe"])]
    if KEEP_COLD and (RAW / "matrix.json").exists():
        # The cold run costs minutes and changes only with the fetching and the guest's build: keep
        # the last one measured, which keeps its own commit and date.
        old = json.loads((RAW / "matrix.json").read_text())
        runs += [{**r, "kept_from": {"commit": r.get("kept_from", {}).get("commit") or old.get("commit"),
                                     "started": r.get("kept_from", {}).get("started") or old["started"]}}
                 for r in old["runs"] if r["cache"] == "cold"]
    else:
        plans.insert(0, ("cold", "1", ["--cache", str(cold_cache(work))]))
    for kind, jobs, extra in plans:
        results = work / f"matrix-{kind}-j{jobs}"
        args = ["run", "-j", jobs, *extra, "--results", str(results)]
        seconds, status, peak = timed(heavy(harness(*args)), log=work / f"matrix-{kind}-j{jobs}.log")
        _, run = latest_run(results)
        runs.append({"cache": kind, "jobs": int(jobs), "command": shown(*[a if not a.startswith(str(work)) else "<temp>" for a in args]),
                     "wall_seconds": seconds, "exit_status": status, "peak_memory_mib": peak,
                     "all_met_expectation": run["all_met_expectation"], "qemu_version": run["vm"]["qemu_version"],
                     "accel": run["vm"]["accel"], "kernels": kernels_of(run)})
        print(f"matrix {kind} -j {jobs}: {seconds:.0f} s, exit {status}, peak {peak:.0f} MiB", flush=True)
    frame["runs"] = runs
    save("matrix", close(frame))


def breakdown(work):
    """One more warm run of the default matrix at -j 1, for its boot phases (the first run after a
    change of the init script also rebuilds the guest image, which its wall time then includes)."""
    frame = part_frame("breakdown")
    results = work / "breakdown"
    seconds, status, peak = timed(heavy(harness("run", "--results", str(results))), log=work / "breakdown.log")
    _, run = latest_run(results)
    frame.update({"command": shown("run"), "wall_seconds": seconds, "exit_status": status, "peak_memory_mib": peak,
                  "guest_from_cache": run["guest"]["from_cache"], "guest_build_seconds": run["guest"]["build_seconds"],
                  "all_met_expectation": run["all_met_expectation"], "kernels": kernels_of(run)})
    save("breakdown", close(frame))


# --- detection on the 5.10 control ----------------------------------------------------------

def detection(work):
    frame = part_frame("detection")
    results = work / "detection"
    args = ["run", "-k", DETECTION_KERNEL, "--repeat", str(DETECTION_RUNS), "--results", str(results)]
    seconds, status, _ = timed(heavy(harness(*args)), log=work / "detection.log")
    _, run = latest_run(results)
    boots = []
    for kernel in run["kernels"]:
        fork = next(s for s in kernel["scenarios"] if s["scenario"] == "fork_cpu_id")
        boots.append({"repeat": kernel["repeat"], "outcome": fork["outcome"], "guest_ms": fork["counters"].get("elapsed_ms"),
                      "stale_children": fork["counters"].get("stale_children"), "met_expectation": kernel["met_expectation"]})
    found = [b["guest_ms"] for b in boots if b["outcome"] == "FAIL" and b["guest_ms"] is not None]
    frame.update({"kernel": DETECTION_KERNEL, "command": shown("run", "-k", DETECTION_KERNEL, "--repeat", str(DETECTION_RUNS)),
                  "wall_seconds": seconds, "exit_status": status, "boots": boots, "found_in": len(found), "runs": len(boots),
                  "guest_ms": summary(found) if found else None})
    save("detection", close(frame))


# --- virtme-ng --------------------------------------------------------------------------------

def apt_options(suite):
    """apt-get's -o settings for the harness's own apt state of a suite (its lists, the host's mirror)."""
    state = CACHE / "apt" / suite
    options = [f"Dir::State={state}", f"Dir::State::Lists={state / 'lists'}", f"Dir::State::status={state / 'status'}",
               f"Dir::Cache={state / 'cache'}", f"Dir::Cache::pkgcache={state / 'cache' / 'pkgcache.bin'}", "Dir::Cache::srcpkgcache=",
               f"Dir::Etc::sourcelist={state / 'sources.list'}", f"Dir::Etc::sourceparts={state / 'sources.list.d'}",
               "Debug::NoLocking=1", "APT::Architecture=amd64", "Acquire::Languages=none",
               # The download lands in a folder of ours that apt's unprivileged _apt user cannot write.
               "APT::Sandbox::User=root"]
    return [word for option in options for word in ("-o", option)]


def kernel_root(work, run):
    """The kernel's whole package unpacked into a folder of its own: virtme-ng finds the modules (9p,
    virtio) beside the image and builds its initramfs from them, and the host's /boot and /lib/modules
    stay untouched."""
    provenance = run["kernels"][0]["provenance"]["debian"]
    root = work / "vng-root"
    if not root.exists():
        deb_folder = work / "vng-deb"
        deb_folder.mkdir(exist_ok=True)
        subprocess.run(["apt-get", *apt_options(provenance["suite"]), "download", f"{provenance['package']}={provenance['version']}"],
                       cwd=deb_folder, check=True, stdout=subprocess.DEVNULL)
        deb = next(deb_folder.glob("*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return next(root.glob("boot/vmlinuz-*")), provenance


def ktap_results(log):
    text = pathlib.Path(log).read_text(errors="replace")
    return [line for line in text.splitlines() if re.match(r"^(not )?ok \d+ ", line)]


def virtme(work):
    frame = part_frame("virtme")
    vng = shutil.which("vng")
    frame["installed"] = vng is not None
    if vng is None:
        frame["why_not"] = "vng is not on PATH: Debian 12 has no virtme-ng package (it arrives with trixie); install trixie's virtme-ng_*.deb (architecture all) with dpkg"
        save("virtme", close(frame))
        return
    frame["version"] = subprocess.run([vng, "--version"], capture_output=True, text=True).stdout.strip()
    results = work / "virtme-harness"
    harness_seconds, vng_seconds, pairs = [], [], []
    image = provenance = guest = None
    for pair in range(1, PAIRS + 1):
        seconds, status, _ = timed(heavy(harness("run", "-k", OVERHEAD_KERNEL, "--results", str(results))), log=work / f"virtme-harness-{pair}.log")
        folder, run = latest_run(results)
        if image is None:
            image, provenance = kernel_root(work, run)
            guest = CACHE / "guest" / f"publish-{run['guest']['content_hash']}" / "guest"
        info = run["kernels"][0]["guest_info"]
        # The guest as the harness's boot ran it: the same depth, seed and threads; virtme-ng runs it
        # from the host's root filesystem, shared read-only over 9p.
        command = f"{guest} --depth {info['depth']} --seed {info['seed']} --threads {info['threads']}"
        log = work / f"virtme-vng-{pair}.log"
        other, other_status, _ = timed(heavy([vng, "--run", str(image), "--disable-kvm", "--cpus", "4", "--memory", "512M", f"--qemu-opts=-cpu {TCG_CPU}", "--exec", command]), log=log)
        results_lines = ktap_results(log)
        harness_seconds.append(seconds)
        vng_seconds.append(other)
        pairs.append({"pair": pair, "harness_seconds": seconds, "harness_status": status, "vng_seconds": other, "vng_status": other_status,
                      "vng_results": len(results_lines), "vng_not_ok": sum(1 for line in results_lines if line.startswith("not ok")),
                      "harness_results": len(run["kernels"][0]["scenarios"])})
        print(f"virtme pair {pair}: harness {seconds:.1f} s, vng {other:.1f} s (exit {other_status}, {len(results_lines)} results)", flush=True)
    frame.update({
        "kernel": OVERHEAD_KERNEL, "identity": f"{provenance['package']}={provenance['version']}",
        "harness_command": shown("run", "-k", OVERHEAD_KERNEL),
        "vng_command": "vng --run <unpacked package>/boot/vmlinuz-* --disable-kvm --cpus 4 --memory 512M --qemu-opts='-cpu qemu64,+rdrand' --exec \"<guest> --depth D --seed S --threads T\"",
        "pairs": pairs, "harness": summary(harness_seconds), "vng": summary(vng_seconds),
        "ratio_of_medians": statistics.median(vng_seconds) / statistics.median(harness_seconds),
    })
    save("virtme", close(frame))


# --- the 10-repeat run ------------------------------------------------------------------------

def repeat(work, folder, note):
    frame = part_frame("repeat")
    run = json.loads((pathlib.Path(folder) / "run.json").read_text())
    outcomes = {}
    attempts = []
    for kernel in run["kernels"]:
        for scenario in kernel["scenarios"]:
            outcomes[scenario["outcome"]] = outcomes.get(scenario["outcome"], 0) + 1
        if kernel["boot_attempts"] > 1:
            attempts.append(f"{kernel['name']} #{kernel['repeat']}: {kernel['boot_attempts']} boots")
    started = datetime.datetime.fromisoformat(run["started"])
    finished = datetime.datetime.fromisoformat(run["finished"])
    frame.update({"command": "harness run --repeat 10 " + " ".join(f"-k {k}" for k in DEBIAN_KERNELS),
                  "boots": len(run["kernels"]), "outcomes": outcomes, "wall_seconds": (finished - started).total_seconds(),
                  "all_met_expectation": run["all_met_expectation"], "extra_boot_attempts": attempts,
                  "harness_version": run["harness_version"], "note": note, "vm_seconds": summary([k["timings"]["vm_seconds"] for k in run["kernels"] if k["timings"]["vm_seconds"]])})
    save("repeat", close(frame))


# --- bisect: the acceptance bisect of the bisect issue ------------------------------------------

BISECT_TEST = "FullyQualifiedName~BisectAcceptanceTests.The_bisect_names_the_commit_that_removed_rseq_migrate"
# The harness's own line per step (harness/Bisect/BisectStep.cs), as the test logs the bisect's output.
STEP_LINE = re.compile(r"\b([0-9a-f]{7,40}): (\w+) in (\d+) s of build and (\d+) s of VM")


def bisect(work):
    """The VM test that runs `harness bisect --retest` good -> bad on KernelHistory's history (every step
    built and booted), then again from the outcome cache; it logs both wall times and the bisect's output."""
    frame = part_frame("bisect")
    log = work / "bisect.log"
    argv = ["dotnet", "test", str(ROOT / "tests" / "Harness.VmTests"), "--filter", BISECT_TEST,
            "--logger", "console;verbosity=detailed", "-nologo"]
    seconds, status, _ = timed(heavy(argv), log=log)
    text = log.read_text(errors="replace")
    first = re.search(r"^\s*bisect: (\d+) s\s*$", text, re.M)
    rerun = re.search(r"^\s*rerun: (\d+) s\s*$", text, re.M)
    # The steps the first bisect built and booted: its output comes before its "bisect: N s" line.
    steps = [{"commit": m.group(1), "verdict": m.group(2), "build_seconds": int(m.group(3)), "vm_seconds": int(m.group(4))}
             for m in STEP_LINE.finditer(text[:first.start()] if first else "")]
    frame.update({"command": f'dotnet test tests/Harness.VmTests --filter "{BISECT_TEST}"',
                  "what": "harness bisect --retest good -> bad on KernelHistory's test history (Debian's linux-source-5.10 as a git tree "
                          "plus 14 commits, one of which deletes the rseq_migrate calls), fork_cpu_id, TCG, 4 vCPUs, every step built "
                          "in place and booted; then the same bisect from the outcome cache. The test asserts the culprit both times",
                  "exit_status": status, "test_seconds": seconds,
                  "bisect_seconds": int(first.group(1)) if first else None, "rerun_seconds": int(rerun.group(1)) if rerun else None,
                  "steps": steps})
    save("bisect", close(frame))
    print(f"bisect: test exit {status}, bisect {frame['bisect_seconds']} s, rerun {frame['rerun_seconds']} s, {len(steps)} steps", flush=True)


# --- the report -------------------------------------------------------------------------------

def machine():
    memory = next(line for line in pathlib.Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    qemu = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    return {"cores": os.cpu_count(), "memory_gib": round(int(memory.split()[1]) / 1024 / 1024, 1), "qemu": qemu,
            "host_kernel": os.uname().release, "kvm": os.path.exists("/dev/kvm"),
            "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "harness_commit": commit()}


def report():
    parts = {p.stem: json.loads(p.read_text()) for p in sorted(RAW.glob("*.json"))}
    # A measured bisect part (bench.py bisect) replaces the figures quoted from the README.
    document = {"machine": machine(), **parts, "bisect": parts.get("bisect", BISECT)}
    (BENCH / "results.json").write_text(json.dumps(document, indent=2) + "\n")
    (BENCH / "RESULTS.md").write_text(markdown(document))
    print(f"wrote {BENCH / 'RESULTS.md'} and {BENCH / 'results.json'}")


BISECT = {"quoted_from": "README.md, section Bisect (commit dd9b411, 2026-11-29)",
          "idle_seconds": 181, "idle_rerun_seconds": 6, "loaded_seconds": 423, "loaded_rerun_seconds": 20,
          "what": "harness bisect good -> bad on KernelHistory's test history, every step built and booted (--retest), build folder warm: 6 commits tested, culprit named; builds 20-30 s, VM 3-4 s a step"}


def s(value, digits=1):
    return "-" if value is None else f"{value:.{digits}f}"


def markdown(d):
    m = d["machine"]
    lines = ["# Benchmark results (issue 12)", "",
             f"Written by `python3 bench/bench.py` ({m['date']}, harness {m['harness_commit']}). The machine: {m['cores']} cores, "
             f"{m['memory_gib']} GiB, {m['qemu']}, host kernel {m['host_kernel']}, KVM {'present' if m['kvm'] else 'absent (TCG)'}. "
             "Other jobs share this machine, so single figures are noisy: the medians and ratios are what count, and every part "
             "names the load average (1, 5, 15 min) at its start and end.", ""]
    missing = [part for part in ["matrix", "breakdown", "overhead", "detection", "cuts", "virtme", "repeat"] if part not in d]
    if missing:
        lines += [f"Not measured in this file (run `python3 bench/bench.py {' '.join(missing)}`): {', '.join(missing)}.", ""]
    def loads(p):
        return (f"Harness at {p['commit']}; " if p.get("commit") else "") + f"load {p['load_start'][0]:.1f}/{p['load_start'][1]:.1f}/{p['load_start'][2]:.1f} at the start ({p['started']}), {p['load_end'][0]:.1f}/{p['load_end'][1]:.1f}/{p['load_end'][2]:.1f} at the end"
    if "overhead" in d:
        o = d["overhead"]
        lines += ["## Harness against plain QEMU", "",
                  f"{o['kernel']} ({o['identity']}), {o['harness']['n']} alternating pairs: `{o['harness_command']}`, then {o['plain_command']}. "
                  f"Wall time from the start of the process to its end (the harness: dotnet's start, the matrix, the kernel and guest from the cache, the boot, the report). {loads(o)}.", "",
                  "| | min | median | max |", "| --- | --- | --- | --- |",
                  f"| harness run | {s(o['harness']['min'])} s | {s(o['harness']['median'])} s | {s(o['harness']['max'])} s |",
                  f"| plain QEMU | {s(o['plain']['min'])} s | {s(o['plain']['median'])} s | {s(o['plain']['max'])} s |", "",
                  f"Ratio of medians: **{o['ratio_of_medians']:.2f}** (target at most 1.10). Pairs: " +
                  "; ".join(f"{p['harness_seconds']:.1f} s / {p['plain_seconds']:.1f} s" for p in o["pairs"]) + ".", ""]
        if "harness_own" in o:
            own = o["harness_own"]
            lines += [f"The harness's own time, its wall time less the seconds its QEMU ran (run.json's `vm_seconds`), which the boot's "
                      f"variation from one boot to the next does not blur: min {s(own['min'], 2)} s, median **{s(own['median'], 2)} s**, max {s(own['max'], 2)} s.", ""]
        if "pair_ratios" in o:
            r = o["pair_ratios"]
            lines += [f"Each pair's own ratio (its two boots ran seconds apart): min {r['min']:.2f}, median {r['median']:.2f}, max {r['max']:.2f}.", ""]
    if "matrix" in d:
        mx = d["matrix"]
        lines += ["## The default matrix", "",
                  "Cold means a new, empty cache folder (`--cache`) into which only the kernels built from source are copied "
                  "(their builds take minutes each and are measured in the README's Cold costs): the apt lists of five suites, "
                  "the Debian kernel packages, the two kernel source packages (fetched and unpacked, though the built images are then reused) "
                  "and the guest image (NativeAOT publish) are all fetched or built anew. Warm is the "
                  "user's cache as it stands. At -j 2 the two VMs of 4 vCPUs exceed the 2 cores, so -j 2 needs `--oversubscribe` "
                  f"here (without it the run says so and runs one at a time). A scenario stopped by the cap ran its depth's seconds without reaching its stress target (10x every minimum at the standard depth): its verdict still stands on the minimums, but it had less stress than the depth asks. Peak memory is the largest resident total of the harness and its QEMUs, sampled every 0.25 s. {loads(mx)}.", "",
                  "The VMs' seconds are the kernels' `vm_seconds` summed (QEMU's start to its exit, each boot): at -j 1 the wall time less "
                  "them is the harness's own time over the whole matrix, apart from how fast the VMs happened to run.", "",
                  "| cache | -j | wall | the VMs' seconds | peak memory | every expectation met | scenarios stopped by the cap | command |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in mx["runs"]:
            kept = f" (kept from harness {r['kept_from']['commit']}, {r['kept_from']['started']})" if r.get("kept_from") else ""
            capped = sum(len(k.get("capped", [])) for k in r["kernels"])
            vms = sum(k.get("vm_seconds") or 0 for k in r["kernels"])
            lines.append(f"| {r['cache']}{kept} | {r['jobs']} | {r['wall_seconds']:.0f} s ({r['wall_seconds'] / 60:.1f} min) | {vms:.0f} s | {r['peak_memory_mib']:.0f} MiB | {'yes' if r['all_met_expectation'] else 'NO'} | "
                         + ("-" if not any("capped" in k for k in r["kernels"]) else str(capped)) + f" | `{r['command']}` |")
        lines += ["", "Target: the default matrix warm under 90 s." + (f" Missing: {mx['note']}." if mx.get("note") else ""), ""]
    warm = d.get("breakdown")
    caveat = ""
    if not warm and "matrix" in d:
        run = next((r for r in d["matrix"]["runs"] if r["cache"] == "warm" and r["jobs"] == 1), None)
        if run:
            warm = {**run, "command": run["command"], "guest_from_cache": True, "load_start": d["matrix"]["load_start"],
                    "load_end": d["matrix"]["load_end"], "started": d["matrix"]["started"], "commit": d["matrix"].get("commit")}
            caveat = ("From the matrix part's warm -j 1 run, at a commit whose phases tied the kernel's clock to the host's at the "
                      "guest's done marker: under TCG on this loaded host the guest's clock lags the host's over a run, and that lag lands "
                      "in 'QEMU to kernel' (too large) and so '/init to first line' (too small). 'Kernel to /init' (the kernel's "
                      "own clock) and VM are sound. The harness now ties the clocks at /init's start (the breakdown part measures that).")
    if warm:
        if True:
            lines += ["## Boot to verdict, per kernel (warm, -j 1)", "",
                      f"`{warm['command']}`: {warm['wall_seconds']:.0f} s wall"
                      + (f" (of which {warm['guest_build_seconds']:.0f} s rebuilding the guest image)" if not warm["guest_from_cache"] else "")
                      + f", every expectation met: {'yes' if warm['all_met_expectation'] else 'NO'}. {loads(warm)}. {caveat}", "",
                      "QEMU to kernel: firmware, loading and decompressing the kernel. Kernel to /init: the kernel's own start, to its "
                      "`Run /init as init process`. /init to first line: the init script and the guest's NativeAOT start. Last line to exit: "
                      "reboot and QEMU's end. The guest's work is the rest of VM (its scenarios, and the selftests of the built kernels).", "",
                      "| kernel | release | QEMU to kernel | kernel to /init | /init to first line | guest's work | last line to exit | VM (boot to verdict) |",
                      "| --- | --- | --- | --- | --- | --- | --- | --- |"]
            for k in warm["kernels"]:
                p = k["phases"] or {}
                work = None
                if p and k["vm_seconds"]:
                    work = k["vm_seconds"] - p["qemu_to_kernel"] - p["kernel_to_init"] - p["init_to_first_line"] - p["last_line_to_exit"]
                lines.append(f"| {k['name']} | {k['release']} | {s(p.get('qemu_to_kernel'), 2)} s | {s(p.get('kernel_to_init'), 2)} s | {s(p.get('init_to_first_line'), 2)} s | "
                             f"{s(work)} s | {s(p.get('last_line_to_exit'), 2)} s | {s(k['vm_seconds'])} s |")
            lines += ["", "Target: one Debian kernel, boot to verdict, under 10 s.", ""]
    if "cuts" in d:
        c = d["cuts"]
        lines += ["## Boot cuts (before and after)", "",
                  f"{c['kernel']}, {c['rounds']} rounds, the variants alternating (`harness run --matrix M` with the kernel's `kernel_args`); each cell is the median of the rounds. {loads(c)}.", "",
                  "| variant | kernel_args | QEMU to kernel | kernel to /init | /init to first line | last line to exit | VM |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for v in c["variants"]:
            def med(key):
                values = [b["phases"][key] for b in v["boots"] if b["phases"]]
                return statistics.median(values) if values else None
            vm = [b["vm_seconds"] for b in v["boots"] if b["vm_seconds"]]
            lines.append(f"| {v['label']} | `{v['kernel_args']}` | {s(med('qemu_to_kernel'), 2)} s | {s(med('kernel_to_init'), 2)} s | {s(med('init_to_first_line'), 2)} s | {s(med('last_line_to_exit'), 2)} s | {s(statistics.median(vm) if vm else None)} s |")
        lines += [""]
    if "detection" in d:
        dt = d["detection"]
        g = dt["guest_ms"]
        lines += ["## Detection on the 5.10 control", "",
                  f"`{dt['command']}`: fork_cpu_id FAILed (a confirmed stale cpu_id) in **{dt['found_in']} of {dt['runs']}** boots. "
                  "Guest time until the confirmed FAIL is the scenario's own `elapsed_ms` (it stops at the confirmation): " +
                  (f"min {g['min']} ms, median {g['median']} ms, max {g['max']} ms" if g else "none") +
                  f". Wall time of the 20 boots: {dt['wall_seconds']:.0f} s. {loads(dt)}. Target: under 1 s of guest time in 20 of 20.", ""]
    b = d["bisect"]
    if "quoted_from" in b:
        lines += ["## Bisect", "", f"Not re-measured: quoted from {b['quoted_from']}. {b['what']}: **{b['idle_seconds']} s** on the idle machine "
                  f"({b['loaded_seconds']} s loaded); the same bisect again from the outcome cache {b['idle_rerun_seconds']} s ({b['loaded_rerun_seconds']} s loaded).", ""]
    else:
        built = [st for st in b["steps"] if st["build_seconds"] > 0]
        lines += ["## Bisect", "", f"`{b['command']}`: {b['what']}. Test exit status {b['exit_status']} "
                  f"({'culprit named both times' if b['exit_status'] == 0 else 'FAILED'}), {b['test_seconds']:.0f} s with the test project's build. "
                  f"The bisect: **{b['bisect_seconds']} s**, {len(b['steps'])} commits tested, {len(built)} built "
                  + (f"(builds {min(st['build_seconds'] for st in built)} to {max(st['build_seconds'] for st in built)} s, "
                     f"VM {min(st['vm_seconds'] for st in b['steps'])} to {max(st['vm_seconds'] for st in b['steps'])} s a step)" if built else "")
                  + f"; again from the outcome cache **{b['rerun_seconds']} s**. Steps: "
                  + "; ".join(f"{st['commit'][:12]} {st['verdict']} (build {st['build_seconds']} s, VM {st['vm_seconds']} s)" for st in b["steps"])
                  + f". {loads(b)}.", ""]
    if "virtme" in d:
        v = d["virtme"]
        lines += ["## virtme-ng", ""]
        if not v["installed"]:
            lines += [v["why_not"], ""]
        elif "pairs" not in v:
            lines += ["Not measured with this version of the benchmark: run `python3 bench/bench.py virtme`.", ""]
        else:
            lines += [f"{v['version']}, from Debian trixie's package (Debian 12 has none; it is architecture all and its dependencies are in Debian 12). "
                      f"{v['kernel']} ({v['identity']}), {v['harness']['n']} alternating pairs: `{v['harness_command']}`, then `{v['vng_command']}`: "
                      "the same kernel image, the same guest program with the harness boot's own depth, seed and threads, TCG, 4 vCPUs, 512 MiB. "
                      "virtme-ng boots the image with the package's own modules (unpacked into a folder of the benchmark's, never into the host's "
                      "/lib/modules) and shares the host's root filesystem with the guest over 9p. "
                      f"Wall time from the start of each process to its end. {loads(v)}.", "",
                      "| | min | median | max |", "| --- | --- | --- | --- |",
                      f"| harness run | {s(v['harness']['min'])} s | {s(v['harness']['median'])} s | {s(v['harness']['max'])} s |",
                      f"| virtme-ng | {s(v['vng']['min'])} s | {s(v['vng']['median'])} s | {s(v['vng']['max'])} s |", "",
                      f"Ratio of medians, virtme-ng to harness: **{v['ratio_of_medians']:.2f}**. Results each virtme-ng boot printed (of the harness's "
                      f"{v['pairs'][0]['harness_results']}): " + ", ".join(f"{p['vng_results']} ({p['vng_not_ok']} not ok)" for p in v["pairs"]) + ".", ""]
    if "repeat" in d:
        r = d["repeat"]
        lines += ["## Ten boots of each Debian kernel", "",
                  f"`{r['command']}` (harness {r['harness_version']}): {r['boots']} boots in {r['wall_seconds'] / 60:.1f} min, outcomes " +
                  ", ".join(f"{n} {o}" for o, n in sorted(r["outcomes"].items())) +
                  f"; every expectation met: {'yes' if r['all_met_expectation'] else 'NO'}. VM per boot: min {r['vm_seconds']['min']:.1f} s, median {r['vm_seconds']['median']:.1f} s, max {r['vm_seconds']['max']:.1f} s. "
                  + (f"Boots that needed another attempt: {'; '.join(r['extra_boot_attempts'])}. " if r["extra_boot_attempts"] else "No boot needed a second attempt. ")
                  + (r["note"] or "") + ".", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", nargs="+", choices=["all", "breakdown", "cuts", "overhead", "matrix", "detection", "bisect", "virtme", "repeat", "report"])
    parser.add_argument("--repeat-run", help="the run folder of `harness run --repeat 10 -k <the Debian kernels>` (part repeat)")
    parser.add_argument("--repeat-note", help="what the run folder does not say (the commit, the load it ran under)")
    parser.add_argument("--keep-cold", action="store_true", help="part matrix: keep the last cold run from bench/raw instead of measuring it again")
    parser.add_argument("--work", help="where runs and logs go (default: a new temporary folder)")
    options = parser.parse_args()
    global KEEP_COLD
    KEEP_COLD = options.keep_cold
    if not HARNESS_DLL.exists():
        sys.exit(f"{HARNESS_DLL} is missing: run 'make build' first")
    work = pathlib.Path(options.work or tempfile.mkdtemp(prefix="harness-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}", flush=True)
    parts = ["matrix", "breakdown", "overhead", "detection", "cuts", "bisect", "virtme"] if "all" in options.parts else options.parts
    for part in parts:
        if part == "repeat":
            if not options.repeat_run:
                sys.exit("bench: the part 'repeat' needs --repeat-run DIR")
            repeat(work, options.repeat_run, options.repeat_note)
        elif part != "report":
            globals()[part](work)
    report()


if __name__ == "__main__":
    main()
