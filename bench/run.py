#!/usr/bin/env python3
"""Catalog Bridge benchmark: automatic mapping over a large simulated Alation catalog, measured against the floor;
the same over a far-away Alation (every request delayed) and over the OpenMetadata simulator; then the delivery of
quality results to the simulated Alation against its floor, and the verification of mappings after drift.

    python3 bench/run.py                       # every part: M=1,000,000 tables, N=100,000 assets, 3 runs (see --help)
    python3 bench/run.py --only latency        # only the latency part: 200,000 tables, 100 ms a request
    python3 bench/run.py --only openmetadata   # only the OpenMetadata part's full plan against its floor
    python3 bench/run.py --only quality        # only the quality part: 100,000 results for 100,000 mapped assets
    python3 bench/run.py --only verify         # only the verification part: 100,000 mappings checked for drift

Builds the jar and every bench/src/*.java (BenchTool, OpenMetadataBenchTool, QualityFloor), draws the assets (with
their expected outcome) from the simulators' catalogs, starts the simulators and the service (embedded PostgreSQL,
-Xmx512m) on ports 18080-18092, and for each plan runs one warm-up job and --runs measured jobs, each on a fresh
tenant, each followed by the floor client over the same pages. Then times GET .../mappings/alation, and runs wrk
when present. Writes bench/target/results.json and bench/target/results.md (paste the latter into bench/RESULTS.md).
Needs Java 17, Maven and Python 3 (stdlib); wrk is optional (apt-get install wrk). One run at a time per checkout:
every run starts by emptying bench/target/work.
"""
import argparse
import datetime
import json
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "bench", "target")
JAR = os.path.join(ROOT, "target", "catalog-bridge-0.1.0-SNAPSHOT.jar")
# BENCH_PORT_OFFSET moves both ports, so that two checkouts on one machine can each run the benchmark
_OFFSET = int(os.environ.get("BENCH_PORT_OFFSET", "0"))
SIM_PORT, SERVICE_PORT, OM_SIM_PORT = 18090 + _OFFSET, 18080 + _OFFSET, 18091 + _OFFSET
SIM = f"http://127.0.0.1:{SIM_PORT}"
OM_SIM = f"http://127.0.0.1:{OM_SIM_PORT}"
SERVICE = f"http://127.0.0.1:{SERVICE_PORT}"


def bench_classpath():
    return os.pathsep.join([os.path.join(TARGET, "classes"), os.path.join(ROOT, "target", "classes"),
                            open(os.path.join(TARGET, "classpath.txt")).read().strip()])


class Wing:
    """A catalog the mapping benchmark runs against: its name in the service's paths, its simulator, the body of its
    integration, and its floor client's command line."""

    def __init__(self, name, title, sim, integration, floor_args):
        self.name, self.title, self.sim = name, title, sim
        self.integration, self.floor_args = integration, floor_args


def alation_wing(sim):
    return Wing("alation", "Alation", sim,
                lambda: {"url": sim, "user_id": 1, "refresh_api_token": "demo-refresh-token"},
                lambda plan, directory, warmups: ["BenchTool", "floor", sim, plan,
                                                  os.path.join(directory, "targeted-queries.json"), str(warmups), "1"])


ALATION = alation_wing(SIM)
# the latency part's own simulator (a smaller catalog, every request delayed)
LATENCY_SIM_PORT = 18092 + _OFFSET
LATENCY_SIM = f"http://127.0.0.1:{LATENCY_SIM_PORT}"
LATENCY = alation_wing(LATENCY_SIM)
# the bot token is read from the simulator's Principal.DEMO_BOT_TOKEN (OpenMetadataBenchTool token) before the part runs
OM_TOKEN = {}
OPENMETADATA = Wing("openmetadata", "OpenMetadata", OM_SIM,
                    lambda: {"url": OM_SIM, "jwt_token": OM_TOKEN["bot"]},
                    lambda plan, directory, warmups: ["OpenMetadataBenchTool", "floor", OM_SIM, str(warmups), "1"])


def port_free(port):
    import socket
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0
KEY = secrets.token_urlsafe(24)
processes = []


def log(*args):
    print(time.strftime("%H:%M:%S"), *args, flush=True)


def sh(cmd, **kw):
    log("$", " ".join(arg if len(arg) < 200 else arg[:60] + "..." for arg in cmd))
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def http(method, url, body=None, key=True, timeout=600, raw=False):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if key:
        req.add_header("Authorization", f"Bearer {KEY}")
    with urllib.request.urlopen(req, timeout=timeout) as r:
        payload = r.read()
    return payload if raw else json.loads(payload)


def wait_for(url, what, seconds=180, key=False):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            http("GET", url, key=key, timeout=5)
            return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"{what} did not come up; see {TARGET}/work/*.log")


def proc_status(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def proc_wchar(pid):
    with open(f"/proc/{pid}/io") as f:
        for line in f:
            if line.startswith("wchar:"):
                return int(line.split()[1])
    return 0


def heap_used():
    m = http("GET", f"{SERVICE}/actuator/metrics/jvm.memory.used?tag=area:heap", timeout=5)
    return m["measurements"][0]["value"]


class Sampler(threading.Thread):
    """Samples the service's heap (actuator) and RSS (/proc) every 0.25 s while a measurement runs."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.stop_flag, self.heap, self.rss = pid, threading.Event(), 0, 0

    def run(self):
        while not self.stop_flag.is_set():
            try:
                self.rss = max(self.rss, proc_status(self.pid, "VmRSS"))
                self.heap = max(self.heap, heap_used())
            except Exception:
                pass
            self.stop_flag.wait(0.25)

    def stop(self):
        self.stop_flag.set()
        self.join()
        return self.heap, self.rss


def gc_after_max(gc_log, since, until):
    """Largest heap occupancy after a GC between two wall-clock times, from -Xlog:gc:...:time (live data + floating)."""
    best = 0
    pattern = re.compile(r"^\[(\S+)\].*Pause.*?(\d+)M->(\d+)M\(\d+M\)")
    with open(gc_log) as f:
        for line in f:
            m = pattern.search(line)
            if not m:
                continue
            t = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
            if since <= t <= until:
                best = max(best, int(m.group(3)) * 1024 * 1024)
    return best


def log_time(service_log, job_id, phrase):
    with open(service_log, errors="replace") as f:
        for line in f:
            if job_id in line and phrase in line:
                stamp = line.split()[0]
                return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()
    return None


def read_expected(directory):
    expected = {}
    with open(os.path.join(directory, "expected.tsv")) as f:
        for line in f:
            asset_id, outcome, table = line.rstrip("\n").split("\t")
            # the table's id as text: Alation's is a number, OpenMetadata's a UUID
            expected[asset_id] = (outcome, table or None)
    return expected


def register(tenant, directory, wing=ALATION):
    http("PUT", f"{SERVICE}/{tenant}/configuration/integrations/{wing.name}", wing.integration())
    started = time.time()
    for name in sorted(os.listdir(directory)):
        if name.startswith("assets-"):
            with open(os.path.join(directory, name), "rb") as f:
                http("PUT", f"{SERVICE}/{tenant}/assets", f.read())
    return time.time() - started


def run_job(tenant, directory, service_pid, sim_pid, gc_log, service_log, expected, wing=ALATION):
    """One automatic mapping job of the wing's catalog on a fresh tenant; sim_pid is the wing's simulator."""
    register_seconds = register(tenant, directory, wing)
    http("POST", f"{wing.sim}/simulator/reset-stats", key=False)
    # a full GC first, so that the heap figures below are this job's, not garbage left by the runs before
    subprocess.run(["jcmd", str(service_pid), "GC.run"], check=True, capture_output=True)
    heap_at_start = heap_used()
    wchar = proc_wchar(sim_pid)
    sampler = Sampler(service_pid)
    sampler.start()
    posted = time.time()
    job_id = http("POST", f"{SERVICE}/{tenant}/configuration/mappings/{wing.name}/auto?should_overwrite=false")["job_id"]
    while True:
        time.sleep(0.25)
        if log_time(service_log, job_id, "completed") or log_time(service_log, job_id, "failed:"):
            break
    heap, rss = sampler.stop()
    finished = log_time(service_log, job_id, "completed")
    if finished is None:
        raise SystemExit(f"job {job_id} failed; see {service_log}")
    writing = log_time(service_log, job_id, "writing its outcome")
    reading = log_time(service_log, job_id, "reads the catalog")
    stats = http("GET", f"{wing.sim}/simulator/stats", key=False)
    sim_bytes = proc_wchar(sim_pid) - wchar
    # the OpenMetadata simulator counts by endpoint and status only
    by_endpoint = stats.get("by_endpoint") or {e: sum(v.values()) for e, v in stats.get("by_endpoint_and_status", {}).items()}
    report = http("GET", f"{SERVICE}/{tenant}/configuration/mappings/{wing.name}/auto?job_id={job_id}")
    summary, progress = report["summary"], report["progress"]
    # correctness, asset by asset, against what the assets were drawn to be
    disagreements = []
    got = {m["asset_id"]: ("MAPPED", str(m["table_id"])) for m in report["result"]}
    got.update({u["asset_id"]: ("AMBIGUOUS", None) for u in report["ambiguous"]})
    got.update({u["asset_id"]: ("UNMATCHED", None) for u in report["unmatched"]})
    for asset_id, want in expected.items():
        if got.get(asset_id) != want:
            disagreements.append((asset_id, want, got.get(asset_id)))
    truth = {k: sum(1 for v in expected.values() if v[0] == k) for k in ("MAPPED", "AMBIGUOUS", "UNMATCHED")}
    seconds = finished - posted
    result = {
        "tenant": tenant, "job_id": job_id, "plan": progress["plan"], "job_seconds": round(seconds, 3),
        "write_seconds": round(finished - writing, 3) if writing else None,
        "setup_seconds": round(reading - posted, 3) if reading else None,
        "read_seconds": round(writing - reading, 3) if reading and writing else None,
        "register_seconds": round(register_seconds, 2),
        "catalog": wing.name, "requests": stats["total"], f"{wing.name}_requests": stats["total"],
        "by_endpoint": by_endpoint, "bytes_read": sim_bytes,
        "pages_read": progress["pages_read"], "tables_read": progress["tables_read"],
        "tables_per_second": round(progress["tables_read"] / seconds) if seconds else None,
        "heap_at_start": heap_at_start, "peak_heap_sampled": heap, "peak_heap_after_gc": gc_after_max(gc_log, posted, finished), "peak_rss": rss,
        "summary": summary,
        "correct": summary["mapped"] == truth["MAPPED"] and summary["ambiguous"] == truth["AMBIGUOUS"]
        and summary["unmatched"] == truth["UNMATCHED"] and not disagreements,
        "disagreements": len(disagreements), "disagreement_examples": disagreements[:5],
    }
    log(f"job {tenant}: {json.dumps({k: v for k, v in result.items() if k != 'by_endpoint'})}")
    return result


def run_floor(plan, directory, warmups, wing=ALATION):
    """The wing's floor client in a fresh JVM over the pages the plan reads; warm-up passes first, one timed pass."""
    http("POST", f"{wing.sim}/simulator/reset-stats", key=False)
    out = subprocess.run(["java", "-Xmx512m", "-cp", bench_classpath(), *wing.floor_args(plan, directory, warmups)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result = json.loads(out.strip().splitlines()[-1])
    # the simulator's count over every pass (warm-ups too), a pass's share of which must equal the floor's own
    result["simulator_requests_per_pass"] = http("GET", f"{wing.sim}/simulator/stats", key=False)["total"] / (warmups + 1)
    log(f"floor {wing.name} {plan}: {result}")
    return result


def run_plan(result, key, plan, directory, wing, runs, service_pid, sim_pid, gc_log, service_log, floor_warmups=0):
    """One warm-up and `runs` measured jobs of a plan, each followed by the floor, into result[key] and its runs. The
    floor's JVM is fresh each time: its first run has one untimed warm-up pass, the measured ones floor_warmups."""
    expected = read_expected(directory)
    jobs, floors = [], []
    for run in range(runs + 1):
        job = run_job(f"{key}-{run}", directory, service_pid, sim_pid, gc_log, service_log, expected, wing)
        floor = run_floor(plan, directory, max(1, floor_warmups) if run == 0 else floor_warmups, wing)
        if run > 0:  # run 0 warms both JVMs up
            jobs.append(job)
            floors.append(floor)
        else:
            result[f"{key}_warmup"] = {"job": job, "floor": floor}
    result[f"{key}_runs"] = jobs
    result[f"{key}_floor_runs"] = floors
    result[key] = summarise(jobs, floors)
    log(f"{key}: {json.dumps(result[key])}")


def get_mappings(tenant):
    curl = shutil.which("curl")
    if curl:  # a client faster than urllib, so that the time is the service's
        body_file = os.path.join(TARGET, "work", f"mappings-{threading.get_ident()}.json")
        out = subprocess.run([curl, "-sS", "-o", body_file, "-D", "-", "-w", "\n%{time_starttransfer} %{time_total}",
                              "-H", f"Authorization: Bearer {KEY}",
                              f"{SERVICE}/{tenant}/configuration/mappings/alation"],
                             check=True, capture_output=True, text=True).stdout
        first_byte, total = map(float, out.strip().splitlines()[-1].split())
        encoding = "chunked" if "transfer-encoding: chunked" in out.lower() else "-"
        with open(body_file, "rb") as f:
            body = f.read()
        os.remove(body_file)
        return total, first_byte, body, encoding
    started = time.time()
    req = urllib.request.Request(f"{SERVICE}/{tenant}/configuration/mappings/alation",
                                 headers={"Authorization": f"Bearer {KEY}"})
    with urllib.request.urlopen(req, timeout=600) as r:
        first = r.read(1)
        first_byte = time.time() - started
        body = first + r.read()
    return time.time() - started, first_byte, body, r.headers.get("Transfer-Encoding")


def time_get_mappings(tenant, service_pid, gc_log, runs, concurrent=8):
    times = []
    for _ in range(runs):
        sampler = Sampler(service_pid)
        sampler.start()
        since = time.time()
        seconds, first_byte, body, encoding = get_mappings(tenant)
        heap, rss = sampler.stop()
        times.append({"seconds": round(seconds, 3), "first_byte_seconds": round(first_byte, 3), "bytes": len(body),
                      "mappings": len(json.loads(body)), "transfer_encoding": encoding, "peak_heap_sampled": heap,
                      "peak_heap_after_gc": gc_after_max(gc_log, since, time.time()), "peak_rss": rss})
        log(f"GET mappings of {tenant}: {times[-1]}")
    # the same answer to several clients at once: the heap must not grow with them
    sampler = Sampler(service_pid)
    sampler.start()
    since = time.time()
    threads = [threading.Thread(target=get_mappings, args=(tenant,)) for _ in range(concurrent)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    heap, rss = sampler.stop()
    parallel = {"clients": concurrent, "seconds": round(time.time() - since, 3), "peak_heap_sampled": heap,
                "peak_heap_after_gc": gc_after_max(gc_log, since, time.time()), "peak_rss": rss,
                "full_gcs": full_gcs(gc_log, since, time.time())}
    log(f"GET mappings of {tenant}, {concurrent} clients at once: {parallel}")
    return {"sequential": times, "parallel": parallel}


def full_gcs(gc_log, since, until):
    count = 0
    with open(gc_log) as f:
        for line in f:
            if "Pause Full" in line:
                t = datetime.datetime.strptime(line[1:line.index("]")], "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()
                count += since <= t <= until
    return count


def run_wrk(tenant, seconds):
    wrk = shutil.which("wrk")
    if not wrk:
        log("wrk not found (apt-get install wrk): steady-load figures skipped")
        return None
    results = {}
    endpoints = {
        "list mappings (800 mappings)": f"{SERVICE}/{tenant}/configuration/mappings/alation",
        "get integration": f"{SERVICE}/{tenant}/configuration/integrations/alation",
        "list assets (limit=100)": f"{SERVICE}/{tenant}/assets?limit=100",
    }
    for name, url in endpoints.items():
        out = subprocess.run([wrk, "-t2", "-c32", f"-d{seconds}s", "--latency", "-H", f"Authorization: Bearer {KEY}",
                              url], check=True, capture_output=True, text=True).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        p99 = re.search(r"99%\s+([\d.]+\w+)", out).group(1)
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        socket_errors = re.search(r"Socket errors: (.*)", out)
        results[name] = {"url": url.replace(SERVICE, ""), "requests_per_second": rps, "p99": p99,
                         "non_2xx": int(errors.group(1)) if errors else 0,
                         "socket_errors": socket_errors.group(1) if socket_errors else "none"}
        log(f"wrk {name}: {results[name]}")
    return results

# ------------------------------------------------------------------------------------------------ quality delivery

QUALITY_TENANT = "quality"
DELIVERED_TOTAL = "catalog_bridge_quality_deliveries_delivered_total"
FAILED_TOTAL = "catalog_bridge_quality_deliveries_failed_total"
PENDING = "catalog_bridge_quality_deliveries_pending"
OLDEST_PENDING = "catalog_bridge_quality_deliveries_oldest_pending_seconds"
ALATION_TIMER = "catalog_bridge_alation_requests_seconds"
SETTLED_LINE = re.compile(r"(\d+) alation deliveries of tenant (\S+): (\d+) delivered, (\d+) failed, (\d+) to retry")


def prometheus():
    """The service's /actuator/prometheus as (name, labels, value) samples."""
    text = http("GET", f"{SERVICE}/actuator/prometheus", raw=True, timeout=30).decode()
    samples = []
    for line in text.splitlines():
        m = re.match(r"^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)", line)
        if m and not line.startswith("#"):
            samples.append((m.group(1), dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or "")),
                            float(m.group(3))))
    return samples


def metric(samples, name, **labels):
    return sum(v for n, l, v in samples if n == name and all(l.get(k) == w for k, w in labels.items()))


def alation_timers(samples):
    """Calls to Alation as the service timed them: endpoint -> [count, seconds] (every status)."""
    timers = {}
    for n, l, v in samples:
        if n in (ALATION_TIMER + "_count", ALATION_TIMER + "_sum") and l.get("catalog", "alation") == "alation":
            timers.setdefault(l.get("endpoint", "?"), [0, 0.0])[0 if n.endswith("_count") else 1] += v
    return timers


def quality_results(asset_ids, seed, measured_at):
    """One table-level freshness result per asset: about 90% GOOD, 7% WARNING, 3% ALERT (the hours since the load)."""
    rnd = random.Random(seed)
    results, tally = [], {"GOOD": 0, "WARNING": 0, "ALERT": 0}
    for i, asset_id in enumerate(asset_ids):
        x = rnd.random()
        status = "GOOD" if x < 0.90 else "WARNING" if x < 0.97 else "ALERT"
        low, high = {"GOOD": (0, 12), "WARNING": (12, 24), "ALERT": (24, 72)}[status]
        results.append({"asset_id": asset_id, "rule_key": "freshness", "rule_name": "Freshness",
                        "value_type": "NUMERIC", "column": None, "status": status,
                        "value": round(rnd.uniform(low, high), 1),
                        "url": f"https://observability.example.com/monitors/{i}", "measured_at": measured_at})
        tally[status] += 1
    return json.dumps(results).encode(), tally


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def simulator_values():
    """Every data-quality value the simulator holds, read through its listing (1,000 a page): count, by status and
    by last_updated. Made after the round's stats are read, so its requests are not the delivery's."""
    token = http("POST", f"{SIM}/integration/v1/createAPIAccessToken/",
                 {"user_id": 1, "refresh_token": "demo-refresh-token"}, key=False)["api_access_token"]
    page_url = f"{SIM}/integration/v1/data_quality/values/?limit=1000&skip=0"
    count, by_status, by_updated, objects = 0, {}, {}, set()
    while page_url:
        req = urllib.request.Request(page_url, headers={"TOKEN": token, "Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=300) as r:
            page = json.loads(r.read())
            link = r.headers.get("X-Next-Page")
        for v in page:
            count += 1
            by_status[v["status"]] = by_status.get(v["status"], 0) + 1
            stamp = str(instant(v.get("last_updated")))
            by_updated[stamp] = by_updated.get(stamp, 0) + 1
            objects.add((v["field_key"], v["object_key"].lower()))
        page_url = (link if link.startswith("http") else SIM + link) if link and page else None
    return {"values": count, "distinct_objects": len(objects), "by_status": by_status, "by_last_updated": by_updated}


def settled_lines(service_log, tenant, since, until):
    """The worker's settle lines (QualityDeliveryWorker at DEBUG) of the tenant between two times: (time, counts)."""
    lines = []
    with open(service_log, errors="replace") as f:
        for line in f:
            m = SETTLED_LINE.search(line)
            if not m or m.group(2) != tenant:
                continue
            t = datetime.datetime.fromisoformat(line.split()[0].replace("Z", "+00:00")).timestamp()
            if since <= t <= until:
                lines.append((t, int(m.group(3)), int(m.group(4)), int(m.group(5))))
    return lines


def simulator_heap(sim_pid):
    """The simulator's heap used after a full GC (jcmd GC.run, then GC.heap_info), and its RSS."""
    subprocess.run(["jcmd", str(sim_pid), "GC.run"], check=True, capture_output=True)
    info = subprocess.run(["jcmd", str(sim_pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    m = re.search(r"used (\d+)K", info)
    return {"heap_after_full_gc": int(m.group(1)) * 1024 if m else None, "rss": proc_status(sim_pid, "VmRSS")}


def alation_objects(tenant):
    """The distinct Alation objects the tenant's assets are mapped to, as Alation tells keys apart: without regard to
    case (the simulator's AlationKeys.normalized), so that two assets on tables whose names differ only in case (the
    simulated catalog has such twins) share one object, and one data-quality value."""
    mappings = http("GET", f"{SERVICE}/{tenant}/configuration/mappings/alation")
    return len({(m["data_source_id"], m["schema_name"].lower(), m["table_name"].lower()) for m in mappings})


def write_quality_mappings(tenant, path):
    """The tenant's mappings (asset_id, table_id) from the service's listing, for the floor's object keys."""
    mappings = http("GET", f"{SERVICE}/{tenant}/configuration/mappings/alation")
    with open(path, "w") as f:
        for m in mappings:
            f.write(f"{m['asset_id']}\t{m['table_id']}\n")
    return len(mappings)


def run_quality_floor(floor, body, poll_interval, name):
    """The floor of a round (bench/src/QualityFloor.java): the same Data Quality calls posted to the simulator in a
    fresh JVM, one at a time, each job polled every poll_interval as the service does; with the simulator's stats of
    its requests. It rewrites the round's values with the same ones."""
    results_file = os.path.join(floor["directory"], "quality-floor-results.json")
    with open(results_file, "wb") as f:
        f.write(body)
    http("POST", f"{SIM}/simulator/reset-stats", key=False)
    out = subprocess.run(["java", "-Xmx512m", "-cp", bench_classpath(), "QualityFloor", SIM, str(floor["seed"]),
                          str(floor["tables"]), results_file, floor["mappings"], str(round(poll_interval * 1000))],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    os.remove(results_file)
    result = json.loads(out.strip().splitlines()[-1])
    stats = http("GET", f"{SIM}/simulator/stats", key=False)
    result["simulator_requests"], result["simulator_by_endpoint"] = stats["total"], stats["by_endpoint"]
    log(f"quality {name}: floor {json.dumps(result)}")
    return result


def quality_round(name, tenant, asset_ids, seed, measured_at, service_pid, gc_log, service_log, poll_interval,
                  timeout, objects, floor=None, samples=200):
    body, tally = quality_results(asset_ids, seed, measured_at)
    n = len(asset_ids)
    http("POST", f"{SIM}/simulator/reset-stats", key=False)
    subprocess.run(["jcmd", str(service_pid), "GC.run"], check=True, capture_output=True)
    heap_at_start = heap_used()
    before = prometheus()
    delivered0, failed0 = metric(before, DELIVERED_TOTAL, catalog="alation"), metric(before, FAILED_TOTAL, catalog="alation")
    timers0 = alation_timers(before)
    sampler = Sampler(service_pid)
    sampler.start()
    posted = time.time()
    accepted = http("POST", f"{SERVICE}/{tenant}/quality/results", body)
    accepted_at = time.time()
    log(f"quality {name}: {len(body) / 1e6:.1f} MB posted, {accepted} after {accepted_at - posted:.2f} s")
    seen_all, done, peak_pending, peak_oldest, last_report = None, None, 0, 0, 0
    while time.time() < posted + timeout:
        s = prometheus()
        settled = metric(s, DELIVERED_TOTAL, catalog="alation") - delivered0 + metric(s, FAILED_TOTAL, catalog="alation") - failed0
        pending = metric(s, PENDING, catalog="alation")
        peak_pending, peak_oldest = max(peak_pending, pending), max(peak_oldest, metric(s, OLDEST_PENDING, catalog="alation"))
        if settled >= n and seen_all is None:
            seen_all = time.time()
        if seen_all and pending == 0:
            done = time.time()
            break
        if time.time() - last_report > 30:
            log(f"quality {name}: {settled:,.0f} of {n:,} settled, {pending:,.0f} pending")
            last_report = time.time()
        time.sleep(0.5)
    heap, rss = sampler.stop()
    until = done or time.time()
    after = prometheus()
    stats = http("GET", f"{SIM}/simulator/stats", key=False)
    delivered = metric(after, DELIVERED_TOTAL, catalog="alation") - delivered0
    failed = metric(after, FAILED_TOTAL, catalog="alation") - failed0
    timers1 = alation_timers(after)
    timers = {e: [round(c - timers0.get(e, [0, 0])[0]), round(t - timers0.get(e, [0, 0.0])[1], 3)]
              for e, (c, t) in timers1.items() if c - timers0.get(e, [0, 0])[0] > 0}
    lines = settled_lines(service_log, tenant, posted, until + 1)
    last_settle = lines[-1][0] if lines else None
    gaps = [b[0] - a[0] for a, b in zip(lines, lines[1:])]
    # correctness: a sample of assets through the service's own answer, then every value the simulator holds
    rnd = random.Random(seed + 1)
    wrong = []
    want = instant(measured_at)
    for asset_id in rnd.sample(asset_ids, min(samples, n)):
        got = http("GET", f"{SERVICE}/{tenant}/quality/results?asset_id={urllib.parse.quote(asset_id)}")
        alation = got[0]["deliveries"].get("alation", {}) if len(got) == 1 else {}
        if alation.get("state") != "DELIVERED" or instant(got[0]["measured_at"]) != want:
            wrong.append({"asset_id": asset_id, "got": got})
    values = simulator_values()
    by_endpoint = stats["by_endpoint"]
    polls = by_endpoint.get("bulk-job", 0)
    delivery_seconds = (last_settle if last_settle and done else until) - posted
    result = {
        "round": name, "measured_at": measured_at, "results": n, "statuses_posted": tally, "body_bytes": len(body),
        "accepted": accepted.get("accepted"), "accept_seconds": round(accepted_at - posted, 3),
        "complete": done is not None,
        "delivery_seconds": round(delivery_seconds, 2),
        "delivery_seconds_observed": round(until - posted, 2),
        "results_per_second": round(n / delivery_seconds) if done else None,
        "delivered": round(delivered), "failed": round(failed),
        "peak_pending": round(peak_pending), "peak_oldest_pending_seconds": round(peak_oldest, 1),
        "batches": len(lines), "batch_sizes": sorted({l[1] + l[2] + l[3] for l in lines}),
        "retried": sum(l[3] for l in lines),
        "first_batch_after_seconds": round(lines[0][0] - posted, 2) if lines else None,
        "median_seconds_between_batches": round(statistics.median(gaps), 3) if gaps else None,
        "alation_requests": stats["total"], "by_endpoint": by_endpoint,
        "by_endpoint_and_status": stats.get("by_endpoint_and_status"),
        "alation_timers": timers, "alation_request_seconds": round(sum(t for _, t in timers.values()), 2),
        "job_poll_interval_seconds": poll_interval,
        "poll_wait_seconds": round(polls * poll_interval, 1),
        "heap_at_start": heap_at_start, "peak_heap_sampled": heap,
        "peak_heap_after_gc": gc_after_max(gc_log, posted, until), "peak_rss": rss,
        "full_gcs": full_gcs(gc_log, posted, until),
        "sample_checked": min(samples, n), "sample_wrong": len(wrong), "sample_wrong_examples": wrong[:3],
        "simulator": values, "distinct_objects_mapped": objects,
    }
    result["correct"] = (result["complete"] and result["delivered"] == n and result["failed"] == 0 and not wrong
                         and values["values"] == objects and values["distinct_objects"] == objects
                         and values["by_last_updated"] == {str(want): objects})
    if floor is not None:
        # the floor after the checks: it posts the same values again (same statuses, values and measured_at)
        f = run_quality_floor(floor, body, poll_interval, name)
        after_floor = simulator_values()
        # every value again, at the round's measured_at; only a key that two case-twin tables share (n - objects of
        # them) may end with the other twin's status, for the floor posts in asset order, the service in claim order
        statuses = set(values["by_status"]) | set(after_floor["by_status"])
        f["statuses_moved"] = sum(abs(after_floor["by_status"].get(k, 0) - values["by_status"].get(k, 0))
                                  for k in statuses) // 2
        f["values_unchanged"] = ({k: v for k, v in after_floor.items() if k != "by_status"}
                                 == {k: v for k, v in values.items() if k != "by_status"}
                                 and f["statuses_moved"] <= n - objects)
        f["correct"] = (f["values"] == n and f["failures"] == 0 and f["values_unchanged"]
                        and f["simulator_by_endpoint"].get("data-quality", 0) == f["dq_calls"]
                        and f["simulator_by_endpoint"].get("bulk-job", 0) == f["polls"])
        result["floor"] = f
        result["ratio"] = round(delivery_seconds / f["floor_seconds"], 2) if done and f["floor_seconds"] else None
    log(f"quality {name}: {json.dumps({k: v for k, v in result.items() if k not in ('by_endpoint_and_status', 'simulator')})}")
    log(f"quality {name}: simulator holds {json.dumps(values)}")
    return result


def run_quality(a, directory, service_pid, sim_pid, gc_log, service_log):
    """Maps the drawn assets with one automatic job, then delivers two rounds of one result per asset."""
    expected = read_expected(directory)
    mapping = run_job(QUALITY_TENANT, directory, service_pid, sim_pid, gc_log, service_log, expected)
    if mapping["summary"]["mapped"] != len(expected) or not mapping["correct"]:
        raise SystemExit(f"the quality part's assets did not all map: {mapping['summary']}")
    asset_ids = sorted(expected)
    objects = alation_objects(QUALITY_TENANT)
    log(f"quality: {len(asset_ids):,} assets mapped to {objects:,} distinct Alation objects (keys without case)")
    floor = {"directory": directory, "seed": a.seed, "tables": a.tables,
             "mappings": os.path.join(directory, "quality-floor-mappings.tsv")}
    write_quality_mappings(QUALITY_TENANT, floor["mappings"])
    rounds = []
    for i, (name, measured_at) in enumerate([("new results", "2026-12-01T09:00:00Z"),
                                             ("newer results (updates)", "2026-12-01T10:00:00Z")]):
        rounds.append(quality_round(name, QUALITY_TENANT, asset_ids, a.seed + i, measured_at, service_pid, gc_log,
                                    service_log, a.quality_job_poll_interval_seconds, a.quality_timeout, objects,
                                    floor))
    return {"mapping": {k: mapping[k] for k in ("job_seconds", "summary", "correct", "alation_requests",
                                               "peak_heap_after_gc")},
            "rounds": rounds, "simulator_process": simulator_heap(sim_pid)}


def start_simulator(port, seed, tables, log_name, main="io.catalogbridge.alation.simulator.AlationSimulatorMain"):
    """A simulator process of its own (Alation's unless another main class is given), on the port, up."""
    sim = subprocess.Popen(["java", "-Xmx256m", "-cp", JAR, f"-Dloader.main={main}",
                            "org.springframework.boot.loader.launch.PropertiesLauncher", f"--port={port}",
                            f"--seed={seed}", f"--tables={tables}"],
                           stdout=open(os.path.join(TARGET, "work", log_name), "w"), stderr=subprocess.STDOUT)
    processes.append(sim)
    wait_for(f"http://127.0.0.1:{port}/simulator/stats", f"the simulator on port {port}")
    return sim


def run_latency(result, a, directory, service_pid, gc_log, service_log):
    """The full plan against a far-away Alation: a simulator of its own (--latency-tables) whose every request waits
    --latency-ms, the job (2 requests in flight) against the floor (one request at a time, as Alation's SDK), into
    result["latency"]."""
    sim = start_simulator(LATENCY_SIM_PORT, a.seed, a.latency_tables, "latency-simulator.log")
    http("POST", f"{LATENCY_SIM}/simulator/faults", {"latency_ms": a.latency_ms}, key=False)
    log(f"latency part: {a.latency_tables:,} tables, {a.latency_ms} ms a request")
    run_plan(result, "latency", "full", directory, LATENCY, a.runs, service_pid, sim.pid, gc_log, service_log,
             a.floor_warmups)
    sim.terminate()
    sim.wait(60)
    processes.remove(sim)


def latency_markdown(r):
    a, truth = r["args"], r["truth_latency"]
    lines = [f"### Latency-bound: the full plan, {a['latency_ms']} ms a request", "",
             f"A second Alation simulator: {a['latency_tables']:,} tables (seed {a['seed']}), its `latency_ms` fault "
             f"adding {a['latency_ms']} ms to every request; {a['latency_assets']:,} assets drawn as for the full plan. "
             "The job keeps `max-requests-in-flight` (2) requests open; the floor asks for one page at a time, as "
             f"Alation's SDK does (each measured pass after {a.get('floor_warmups', 0)} untimed pass(es) in its JVM). "
             f"Medians of {a['runs']} measured runs after one warm-up run. Target: job / floor at most 0.6.", ""]
    lines += plan_table(LATENCY, [("full-catalog plan", r["latency"], truth, a["latency_assets"])])
    return "\n".join(lines) + "\n"


VERIFY_TENANT = "verify"


def run_verification_job(tenant, repair, service_log, sampler_pid, gc_log):
    """One verification job: its time, the simulator's requests, the report's counts."""
    http("POST", f"{SIM}/simulator/reset-stats", key=False)
    subprocess.run(["jcmd", str(sampler_pid), "GC.run"], check=True, capture_output=True)
    sampler = Sampler(sampler_pid)
    sampler.start()
    posted = time.time()
    job_id = http("POST", f"{SERVICE}/{tenant}/configuration/mappings/alation/verify?repair={str(repair).lower()}")["job_id"]
    while True:
        time.sleep(0.25)
        report = http("GET", f"{SERVICE}/{tenant}/configuration/mappings/alation/auto?job_id={job_id}")
        if report["status"] != "IN_PROGRESS":
            break
    seconds = time.time() - posted
    heap, rss = sampler.stop()
    if report["status"] != "COMPLETED":
        raise SystemExit(f"verification {job_id} ended {report['status']}: {report.get('error_message')}")
    checked = log_time(service_log, job_id, "has checked the mappings")
    stats = http("GET", f"{SIM}/simulator/stats", key=False)
    return {"job_id": job_id, "repair": repair, "seconds": round(seconds, 2),
            "check_and_match_seconds": round(checked - posted, 2) if checked else None,
            "summary": report["summary"], "plan": report["progress"]["plan"],
            "pages_read": report["progress"]["pages_read"], "tables_read": report["progress"]["tables_read"],
            "alation_requests": stats["total"], "by_endpoint": stats["by_endpoint"],
            "peak_heap_after_gc": gc_after_max(gc_log, posted, time.time()), "peak_heap_sampled": heap}


def run_verification(a, directory, service_pid, sim_pid, gc_log, service_log):
    """Maps the drawn assets with one automatic job, lets the simulator's catalog drift (tables renamed, moved to new
    ids, dropped), then verifies the mappings: without repair, with repair, and once more (all OK)."""
    expected = read_expected(directory)
    mapping = run_job(VERIFY_TENANT, directory, service_pid, sim_pid, gc_log, service_log, expected)
    if mapping["summary"]["mapped"] != len(expected) or not mapping["correct"]:
        raise SystemExit(f"the verification part's assets did not all map: {mapping['summary']}")
    mappings = http("GET", f"{SERVICE}/{VERIFY_TENANT}/configuration/mappings/alation")
    drawn = random.Random(a.seed).sample(sorted(m["table_id"] for m in mappings), 3 * a.verify_drift)
    k = a.verify_drift
    renamed, moved, dropped = drawn[:k], drawn[k:2 * k], drawn[2 * k:]
    names = {m["table_id"]: m["table_name"] for m in mappings}
    for table_id in renamed:
        http("POST", f"{SIM}/simulator/tables/{table_id}/rename", {"name": names[table_id] + "_renamed"}, key=False)
    for table_id in moved:
        http("POST", f"{SIM}/simulator/tables/{table_id}/move", {}, key=False)
    for table_id in dropped:
        http("POST", f"{SIM}/simulator/tables/{table_id}/drop", {}, key=False)
    log(f"verify: {len(mappings):,} mappings; drifted {k} renamed, {k} moved, {k} dropped")
    runs = []
    for repair in (False, True, False):
        run = run_verification_job(VERIFY_TENANT, repair, service_log, service_pid, gc_log)
        log(f"verify (repair={repair}): {json.dumps({x: y for x, y in run.items() if x != 'by_endpoint'})}")
        runs.append(run)
    first, second, third = (r["summary"] for r in runs)
    # a dropped table whose case twin is in its schema is found again, as that twin, by the matching rules: MOVED
    correct = (first["renamed"] == k and first["moved"] >= k and first["moved"] + first["gone"] == 2 * k
               and first["ok"] == len(mappings) - 3 * k and second["repaired"] == 2 * k
               and third["ok"] == third["mappings"] == len(mappings) - first["gone"])
    return {"mappings": len(mappings), "drift": k, "mapping_job_seconds": mapping["job_seconds"], "runs": runs,
            "correct": correct}


def verification_markdown(r):
    v = r["verification"]
    lines = [f"### Verification: {v['mappings']:,} mappings", "",
             f"{v['mappings']:,} assets mapped by one automatic job over the {r['args']['tables']:,}-table catalog; then "
             f"{v['drift']} of their tables renamed, {v['drift']} moved to new ids (re-extracted) and {v['drift']} dropped "
             f"in the simulator; then three verifications: without repair, with repair, and again. Every count as "
             f"expected: {'yes' if v['correct'] else '**NO**'}. One run.", "",
             "| | " + " | ".join(f"repair={str(x['repair']).lower()}" for x in v["runs"]) + " |",
             "|---|" + "---|" * len(v["runs"])]
    rows = [("job (POST → COMPLETED)", lambda x: f"{x['seconds']:.1f} s"),
            ("checking by id and matching the missing", lambda x: f"{x['check_and_match_seconds']:.1f} s"
             if x["check_and_match_seconds"] is not None else "?"),
            ("ok / renamed / moved / gone / repaired", lambda x: "{ok:,} / {renamed} / {moved} / {gone} / {repaired}"
             .format(**x["summary"])),
            ("plan (by id, then the missing ones' listings)", lambda x: x["plan"]),
            ("requests to Alation", lambda x: f"{x['alation_requests']:,} ({', '.join(f'{e} {n:,}' for e, n in sorted(x['by_endpoint'].items()))})"),
            ("tables read", lambda x: f"{x['tables_read']:,}"),
            ("peak heap after GC", lambda x: mib(x["peak_heap_after_gc"]) if x["peak_heap_after_gc"] else "?")]
    for label, cell in rows:
        lines.append(f"| {label} | " + " | ".join(cell(x) for x in v["runs"]) + " |")
    return "\n".join(lines) + "\n"


def quality_markdown(r):
    q, a = r["quality"], r["args"]
    rounds = q["rounds"]
    m = q["mapping"]
    interval = f"{a['quality_job_poll_interval']}" if a["quality_job_poll_interval"] else "1s (the default)"
    lines = ["### Quality delivery: 100,000 results" if a["quality_assets"] == 100_000
             else f"### Quality delivery: {a['quality_assets']:,} results", "",
             f"{a['quality_assets']:,} assets drawn to map (full connection) over the {a['tables']:,}-table catalog, "
             f"mapped by one automatic job ({m['summary']['mapped']:,} mapped of {a['quality_assets']:,} in "
             f"{m['job_seconds']:.1f} s, every mapping correct: {'yes' if m['correct'] else '**NO**'}); then one "
             f"table-level NUMERIC result per asset in one `POST /{{tenant}}/quality/results`, twice: new results, "
             f"then newer ones (`measured_at` an hour later, statuses drawn again), so that every result of round 2 "
             f"is an update. Worker defaults (batch-size 1000, poll-interval 1s); "
             f"`catalog-bridge.alation.quality.job-poll-interval` {interval}; the simulator's bulk jobs answer "
             f"\"running\" to their first poll (its default). One run.", "",
             "| | " + " | ".join(x["round"] for x in rounds) + " |", "|---|" + "---|" * len(rounds)]

    def row(label, fn):
        lines.append(f"| {label} | " + " | ".join(fn(x) for x in rounds) + " |")

    def ep(x, name):
        return f"{x['by_endpoint'].get(name, 0):,}"
    row("results posted (GOOD / WARNING / ALERT)", lambda x: f"{x['results']:,} ({x['statuses_posted']['GOOD']:,} / "
        f"{x['statuses_posted']['WARNING']:,} / {x['statuses_posted']['ALERT']:,}), {x['body_bytes'] / 1e6:.1f} MB")
    row("`POST` → 202 (s)", lambda x: f"{x['accept_seconds']:.2f} (`accepted` {x['accepted']:,})")
    row("**`POST` → all delivered (s)**", lambda x: f"**{x['delivery_seconds']:.1f}**" if x["complete"]
        else f"**not done after {x['delivery_seconds_observed']:.0f}**")
    row("results delivered per second", lambda x: f"{x['results_per_second']:,}" if x["results_per_second"] else "-")
    row("delivered / failed (Prometheus counters)", lambda x: f"{x['delivered']:,} / {x['failed']:,}")
    row("batches (worker log), sizes; first batch settled after", lambda x: f"{x['batches']}, "
        f"{', '.join(map(str, x['batch_sizes']))}; {x['first_batch_after_seconds']} s")
    row("median time between two batches settled (s)", lambda x: f"{x['median_seconds_between_batches']}")
    row("peak pending (gauge); peak age of the oldest (s)", lambda x: f"{x['peak_pending']:,}; {x['peak_oldest_pending_seconds']}")
    row("Alation requests, total", lambda x: f"{x['alation_requests']:,}")
    row("… `POST /integration/v1/data_quality/`", lambda x: ep(x, "data-quality"))
    row("… bulk job polls `GET /api/v1/bulk_metadata/job/`", lambda x: ep(x, "bulk-job"))
    row("… table look-ups `GET /integration/v2/table/`", lambda x: ep(x, "table"))
    row("… flags `/integration/flag/`", lambda x: f"{x['by_endpoint'].get('flag', 0) + x['by_endpoint'].get('flag-list', 0) + x['by_endpoint'].get('flag-delete', 0):,}")
    row("… tokens", lambda x: ep(x, "token"))
    row("… every endpoint (simulator's stats)",
        lambda x: ", ".join(f"{e} {c:,}" for e, c in x["by_endpoint"].items()))

    def dq_target(x):
        most = -(-x["results"] * 110 // 100_000)  # issue 13: at most 110 calls for 100,000 results
        dq = x["by_endpoint"].get("data-quality", 0)
        return (f"{dq:,} + {x['by_endpoint'].get('bulk-job', 0):,} polls "
                f"(≤ {most:,} calls: {'yes' if dq <= most else '**no**'})")
    row("service's DQ calls + their job polls (target ≤ 110 calls per 100,000 results)", dq_target)
    if all("floor" in x for x in rounds):
        row("**floor: the same DQ calls one at a time, each job polled as the service polls (s)**",
            lambda x: f"**{x['floor']['floor_seconds']:.1f}**")
        row("**ratio delivery / floor** (target ≤ 1.5)", lambda x: f"**{x['ratio']}**" if x["ratio"] else "-")
        row("floor's DQ calls + job polls (simulator's stats); bytes posted",
            lambda x: f"{x['floor']['simulator_by_endpoint'].get('data-quality', 0):,} + "
            f"{x['floor']['simulator_by_endpoint'].get('bulk-job', 0):,} polls; {x['floor']['bytes_sent'] / 1e6:.1f} MB")
        row("floor: every value taken and still held at the round's `measured_at` (case-twin keys whose status"
            " changed with the order of writes, at most the twins)",
            lambda x: ("yes" if x["floor"]["correct"] else "**NO**")
            + (f" ({x['floor']['statuses_moved']})" if "statuses_moved" in x["floor"] else ""))
    row("time in Alation calls (service's timer, s)", lambda x: f"{x['alation_request_seconds']:.1f}")
    row("time waiting between job polls (polls × job-poll-interval, s)", lambda x: f"{x['poll_wait_seconds']:.1f}")
    row("heap at the round's start, after a full GC", lambda x: mib(x["heap_at_start"]))
    row("peak heap used (sampled every 0.25 s)", lambda x: mib(x["peak_heap_sampled"]))
    row("**peak heap after GC (GC log)**", lambda x: f"**{mib(x['peak_heap_after_gc'])}**")
    row("full GCs; peak process RSS", lambda x: f"{x['full_gcs']}; {mib(x['peak_rss'])}")
    row(f"sample of {rounds[0]['sample_checked']} assets: `GET .../quality/results` DELIVERED at its `measured_at`",
        lambda x: "all" if not x["sample_wrong"] else f"**{x['sample_wrong']} wrong**")
    row("values the simulator holds (by status); distinct objects mapped (keys without case)",
        lambda x: f"{x['simulator']['values']:,} ({', '.join(f'{k} {v:,}' for k, v in sorted(x['simulator']['by_status'].items()))}); "
        f"{x['distinct_objects_mapped']:,}")
    row("every value the simulator holds at the round's `measured_at`",
        lambda x: "yes" if list(x["simulator"]["by_last_updated"].values()) == [x["simulator"]["values"]] else "**no**")
    row("all correct", lambda x: "yes" if x["correct"] else "**NO**")
    sp = q["simulator_process"]
    lines += ["", f"The simulator (`-Xmx256m`) holds {rounds[-1]['simulator']['values']:,} values in "
              f"{mib(sp['heap_after_full_gc'])} of heap after a full GC at the end (RSS {mib(sp['rss'])})."]
    return "\n".join(lines) + "\n"


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(jobs, floors):
    keys = ["heap_at_start", "job_seconds", "setup_seconds", "read_seconds", "write_seconds", "requests", "bytes_read", "tables_read", "tables_per_second",
            "peak_heap_sampled", "peak_heap_after_gc", "peak_rss"]
    s = {k: median([j[k] for j in jobs]) for k in keys}
    s["floor_seconds"] = median([f["floor_seconds"] for f in floors])
    s["floor_requests"] = median([f["requests"] for f in floors])
    s["floor_bytes"] = median([f["bytes"] for f in floors])
    s["floor_tables"] = median([f["tables"] for f in floors])
    s["ratio"] = round(s["job_seconds"] / s["floor_seconds"], 2)
    s["ratios_per_run"] = [round(j["job_seconds"] / f["floor_seconds"], 2) for j, f in zip(jobs, floors)]
    s["write_share"] = round(s["write_seconds"] / s["job_seconds"], 3) if s["write_seconds"] else None
    s["all_correct"] = all(j["correct"] for j in jobs)
    s["summaries"] = [j["summary"] for j in jobs]
    s["job_seconds_per_run"] = [j["job_seconds"] for j in jobs]
    s["floor_seconds_per_run"] = [f["floor_seconds"] for f in floors]
    s["plan"] = sorted({j["plan"] for j in jobs})
    return s


def machine():
    mem = 0
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) * 1024
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return {"cores": os.cpu_count(), "memory_gib": round(mem / 2**30, 1), "jdk": " / ".join(java[:2]),
            "os": platform.platform(), "cpu": cpu_model()}


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def duration_seconds(text):
    """A Spring duration as given here (500ms, 1s, 2m) in seconds."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)", text.strip())
    if not m:
        raise SystemExit(f"not a duration: {text} (e.g. 200ms, 1s)")
    return float(m.group(1)) * {"ms": 0.001, "s": 1, "m": 60}[m.group(2)]


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "?"


def mib(n):
    return f"{n / 2**20:.0f} MiB" if n else "-"


def markdown(r):
    lines = [f"## {r['date']}", "",
             f"Machine: {r['machine']['cores']} cores ({r['machine']['cpu']}), {r['machine']['memory_gib']} GiB, "
             f"{r['machine']['jdk']}; {r['machine']['os']}. Load (`uptime`) at the start: {r['uptime_start']}; "
             f"at the end: {r['uptime_end']}.", "",
             f"Command: `{r['command']}`", ""]
    text = "\n".join(lines) + "\n"
    if "full" in r:
        text += mapping_markdown(r)
    parts = [("latency", latency_markdown), ("openmetadata", openmetadata_markdown), ("quality", quality_markdown),
             ("verification", verification_markdown)]
    parts_before = "full" in r
    for key, part in parts:
        if key in r:
            text += ("\n" if parts_before else "") + part(r)
            parts_before = True
    return text


def plan_table(wing, columns):
    """The markdown table of a wing's mapping jobs against their floor: one column per plan, each (heading, summary,
    truth, assets drawn)."""
    lines = ["| | " + " | ".join(c[0] for c in columns) + " |", "|---" * (len(columns) + 1) + "|"]

    def row(name, f, fmt=str):
        lines.append(f"| {name} | " + " | ".join(fmt(c[1][f]) if c[1] and c[1].get(f) is not None else "-"
                                                 for c in columns) + " |")
    lines.append("| assets (mapped / ambiguous / unmatched, by construction) | " + " | ".join(
        f"{c[3]:,} ({c[2]['mapped']:,} / {c[2]['ambiguous']:,} / {c[2]['unmatched']:,})" for c in columns) + " |")
    row("plan chosen by the job", "plan", lambda v: ", ".join(v))
    row("job wall time (s)", "job_seconds", lambda v: f"{v:.2f}")
    row("floor time (s)", "floor_seconds", lambda v: f"{v:.2f}")
    row("**job / floor**", "ratio", lambda v: f"**{v:.2f}**")
    row("job / floor per run", "ratios_per_run", lambda v: ", ".join(map(str, v)))
    row(f"{wing.title} requests (job)", "requests", lambda v: f"{v:,.0f}")
    row(f"{wing.title} requests (floor)", "floor_requests", lambda v: f"{v:,.0f}")
    row("bytes read (job, as the simulator wrote them)", "bytes_read", lambda v: f"{v / 1e6:,.1f} MB")
    row("bytes read (floor, bodies)", "floor_bytes", lambda v: f"{v / 1e6:,.1f} MB")
    row("tables read (job)", "tables_read", lambda v: f"{v:,.0f}")
    row("tables read by the floor", "floor_tables", lambda v: f"{v:,.0f}")
    row("tables per second", "tables_per_second", lambda v: f"{v:,.0f}")
    row("setup: POST to plan chosen (assets loaded, data sources listed, matcher built) (s)", "setup_seconds",
        lambda v: f"{v:.2f}")
    row("reading and matching the catalog (s)", "read_seconds", lambda v: f"{v:.2f}")
    row("writes (outcome + mappings) time (s)", "write_seconds", lambda v: f"{v:.2f}")
    row("writes share of job time", "write_share", lambda v: f"{v:.1%}")
    row("heap used at the job's start, after a full GC (`jcmd GC.run`)", "heap_at_start", mib)
    row("peak heap used (sampled every 0.25 s)", "peak_heap_sampled", mib)
    row("peak heap after GC (GC log)", "peak_heap_after_gc", mib)
    row("peak process RSS (sampled)", "peak_rss", mib)
    row("counts equal the truth, and every asset's outcome too", "all_correct", lambda v: "yes" if v else "**NO**")
    return lines


def mapping_markdown(r):
    a = r["args"]
    full, tg = r["full"], r.get("targeted")
    lines = [f"Catalog: {a['tables']:,} tables (seed {a['seed']}); service `-Xmx512m`, embedded PostgreSQL. "
             f"Medians of {a['runs']} measured runs after one warm-up run per plan, each run on a fresh tenant.", ""]
    lines += plan_table(ALATION, [("full-catalog plan", full, r["truth_full"], a["assets"]),
                                  ("targeted plan", tg, r["truth_targeted"], a["targeted_assets"])])
    if tg:
        lines += ["", f"Targeted plan time / full-catalog plan time: **{tg['job_seconds'] / full['job_seconds']:.1%}**."]
    g = r.get("get_mappings")
    if g:
        seq, par = g["sequential"], g["parallel"]
        lines += ["", f"`GET /{{tenant}}/configuration/mappings/alation` with {seq[0]['mappings']:,} mappings "
                  f"({seq[0]['bytes'] / 1e6:.1f} MB, Transfer-Encoding: {seq[0]['transfer_encoding']}): median "
                  f"{median([x['seconds'] for x in seq]):.2f} s over {len(seq)} calls, first byte after "
                  f"{median([x['first_byte_seconds'] for x in seq]):.3f} s; peak heap after GC during the calls "
                  f"{mib(max(x['peak_heap_after_gc'] for x in seq))}. {par['clients']} clients at once: "
                  f"{par['seconds']:.2f} s, peak heap sampled {mib(par['peak_heap_sampled'])}, after GC "
                  f"{mib(par['peak_heap_after_gc'])}, {par['full_gcs']} full GCs, peak RSS {mib(par['peak_rss'])}."]
    w = r.get("wrk")
    if w and w != "skipped":
        lines += ["", f"Steady load: wrk, 2 threads, 32 connections, {a['wrk_seconds']} s per endpoint:", "",
                  "| endpoint | requests/s | p99 latency | non-2xx | socket errors |", "|---|---|---|---|---|"]
        for name, v in w.items():
            lines.append(f"| {name} `{v['url']}` | {v['requests_per_second']:,.0f} | {v['p99']} | {v['non_2xx']} | "
                         f"{v['socket_errors']} |")
    elif w == "skipped":
        lines += ["", "Steady load: skipped (--skip-wrk)."]
    else:
        lines += ["", "Steady load: skipped (wrk not installed)."]
    return "\n".join(lines) + "\n"


def openmetadata_markdown(r):
    a, om, truth = r["args"], r["openmetadata"], r["truth_openmetadata"]
    lines = ["### OpenMetadata: the full-catalog plan", "",
             f"The OpenMetadata simulator (`-Xmx256m`): {a['tables']:,} tables (seed {a['seed']}), "
             f"{truth['services']} database services, one table in 50 soft-deleted (hidden by `include=non-deleted`). "
             f"{a['assets']:,} assets drawn by `OpenMetadataBenchTool` (80% by full connection, 10% ambiguous: no "
             f"connection, a spelling and name several services hold, 10% a made-up name). The floor: a fresh JVM, "
             f"JDK HttpClient + Jackson streaming, the services listing and every `/api/v1/tables?limit=1000"
             f"&include=non-deleted` page by `paging.after`, one request at a time, each measured pass after "
             f"{a.get('floor_warmups', 0)} untimed pass(es) in its JVM. Medians of {a['runs']} measured "
             f"runs after one warm-up run, each on a fresh tenant.", ""]
    lines += plan_table(OPENMETADATA, [("full-catalog plan", om, truth, a["assets"])])
    return "\n".join(lines) + "\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tables", type=int, default=1_000_000)
    p.add_argument("--assets", type=int, default=100_000)
    p.add_argument("--targeted-assets", type=int, default=1_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--wrk-seconds", type=int, default=30)
    p.add_argument("--skip-build", action="store_true")
    p.add_argument("--floor-warmups", type=int, default=0,
                   help="untimed passes of the floor client before each measured one, in its fresh JVM (default 0:"
                        " only the warm-up run's floor warms up)")
    p.add_argument("--skip-targeted", action="store_true")
    p.add_argument("--skip-wrk", action="store_true")
    p.add_argument("--service-jvm-arg", action="append", default=[], help="an extra JVM option of the service")
    p.add_argument("--only", choices=["mapping", "latency", "openmetadata", "quality", "verify"],
                   help="run one part only (default: mapping, latency, openmetadata, quality, verify, in this order)")
    p.add_argument("--latency-tables", type=int, default=200_000, help="tables of the latency part's simulator")
    p.add_argument("--latency-assets", type=int, default=20_000, help="assets of the latency part")
    p.add_argument("--latency-ms", type=int, default=100, help="latency of every request in the latency part")
    p.add_argument("--verify-assets", type=int, default=100_000, help="assets (mappings) of the verification part")
    p.add_argument("--verify-drift", type=int, default=50,
                   help="tables of the verification part renamed, as many moved, as many dropped")
    p.add_argument("--quality-assets", type=int, default=100_000, help="assets (and results a round) of the quality part")
    p.add_argument("--quality-job-poll-interval", help="the service's catalog-bridge.alation.quality.job-poll-interval "
                   "(a Spring duration, e.g. 200ms; default: the service's, 1s)")
    p.add_argument("--quality-timeout", type=int, default=1800, help="seconds a round's delivery may take")
    p.add_argument("--simulator-latency-ms", type=int, default=0,
                   help="latency the simulator adds to every request (its latency_ms fault), for the jobs and the"
                        " floor alike: a catalog far away")
    a = p.parse_args()
    a.quality_job_poll_interval_seconds = duration_seconds(a.quality_job_poll_interval or "1s")
    mapping_part, quality_part = a.only in (None, "mapping"), a.only in (None, "quality")
    verify_part = a.only in (None, "verify")
    latency_part = a.only in (None, "latency")
    om_part = a.only in (None, "openmetadata")
    work = os.path.join(TARGET, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    if not a.skip_build:
        sh(["mvn", "-B", "-q", "-DskipTests", "package"])
        sh(["mvn", "-B", "-q", "dependency:build-classpath", f"-Dmdep.outputFile={TARGET}/classpath.txt"])
        classpath = os.pathsep.join([os.path.join(ROOT, "target", "classes"),
                                     open(os.path.join(TARGET, "classpath.txt")).read().strip()])
        sources = sorted(os.path.join("bench", "src", f) for f in os.listdir(os.path.join(ROOT, "bench", "src"))
                         if f.endswith(".java"))
        sh(["javac", "-d", os.path.join(TARGET, "classes"), "-cp", classpath, *sources])
    classpath = bench_classpath()
    full_dir, tg_dir, quality_dir, verify_dir, latency_dir, om_dir = (
        os.path.join(work, d) for d in ("full", "targeted", "quality", "verify", "latency", "openmetadata"))
    if mapping_part:
        sh(["java", "-Xmx3g", "-cp", classpath, "BenchTool", "draw", str(a.seed), str(a.tables), str(a.assets), "full",
            full_dir])
        sh(["java", "-Xmx3g", "-cp", classpath, "BenchTool", "draw", str(a.seed), str(a.tables),
            str(a.targeted_assets), "targeted", tg_dir])
    if latency_part:
        sh(["java", "-Xmx3g", "-cp", classpath, "BenchTool", "draw", str(a.seed), str(a.latency_tables),
            str(a.latency_assets), "full", latency_dir])
    if om_part:
        sh(["java", "-Xmx3g", "-cp", classpath, "OpenMetadataBenchTool", "draw", str(a.seed), str(a.tables),
            str(a.assets), om_dir])
        OM_TOKEN["bot"] = subprocess.run(["java", "-cp", classpath, "OpenMetadataBenchTool", "token"], check=True,
                                         capture_output=True, text=True).stdout.strip()
    if quality_part:
        sh(["java", "-Xmx3g", "-cp", classpath, "BenchTool", "draw", str(a.seed), str(a.tables),
            str(a.quality_assets), "mapped", quality_dir])
    if verify_part:
        sh(["java", "-Xmx3g", "-cp", classpath, "BenchTool", "draw", str(a.seed), str(a.tables),
            str(a.verify_assets), "mapped", verify_dir])

    # another benchmark's simulator or service on these ports would answer for ours (and take our faults)
    for port in (SIM_PORT, SERVICE_PORT, OM_SIM_PORT, LATENCY_SIM_PORT):
        if not port_free(port):
            raise SystemExit(f"port {port} is in use (another benchmark?); set BENCH_PORT_OFFSET to move every port")
    sim = start_simulator(SIM_PORT, a.seed, a.tables, "simulator.log")
    om_sim = None
    if om_part:
        om_sim = start_simulator(OM_SIM_PORT, a.seed, a.tables, "openmetadata-simulator.log",
                                 "io.catalogbridge.openmetadata.simulator.OpenMetadataSimulatorMain")
    service_dir = os.path.join(work, "service")
    os.makedirs(service_dir)
    service_log = os.path.join(work, "service.log")
    gc_log = os.path.join(work, "gc.log")
    service = subprocess.Popen(
        ["java", "-Xmx512m", f"-Xlog:gc:file={gc_log}:time", *a.service_jvm_arg, "-jar", JAR, f"--server.port={SERVICE_PORT}",
         f"--catalog-bridge.embedded-database.data-directory={service_dir}/postgres",
         f"--catalog-bridge.encryption.key-file={service_dir}/encryption.key",
         "--catalog-bridge.alation.allow-http=true", "--catalog-bridge.openmetadata.allow-http=true",
         f"--catalog-bridge.security.admin-key={KEY}",
         # one line per settled quality batch, with its counts (the quality part reads them)
         "--logging.level.io.catalogbridge.quality.QualityDeliveryWorker=DEBUG",
         *([f"--catalog-bridge.alation.quality.job-poll-interval={a.quality_job_poll_interval}"]
           if a.quality_job_poll_interval else [])],
        stdout=open(service_log, "w"), stderr=subprocess.STDOUT)
    processes.append(service)
    wait_for(f"{SERVICE}/actuator/health", "the service")
    log("simulator and service are up")
    if a.simulator_latency_ms:
        # before the first job: the jobs and the floor meet the same latency (reset-stats leaves the faults alone)
        for sim_url in (SIM,) + ((OM_SIM,) if om_sim else ()):
            http("POST", f"{sim_url}/simulator/faults", {"latency_ms": a.simulator_latency_ms}, key=False)
        log(f"simulator latency: {a.simulator_latency_ms} ms a request")

    result = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "machine": machine(), "command": "python3 bench/run.py " + " ".join(sys.argv[1:]),
              "args": vars(a), "uptime_start": uptime()}
    if mapping_part:
        result["truth_full"] = json.load(open(os.path.join(full_dir, "truth.json")))
        result["truth_targeted"] = json.load(open(os.path.join(tg_dir, "truth.json")))
    plans = [("full", full_dir)] + ([] if a.skip_targeted else [("targeted", tg_dir)]) if mapping_part else []
    for plan, directory in plans:
        run_plan(result, plan, plan, directory, ALATION, a.runs, service.pid, sim.pid, gc_log, service_log,
                 a.floor_warmups)
    if mapping_part:
        result["get_mappings"] = time_get_mappings(f"full-{a.runs}", service.pid, gc_log, 3)
        result["wrk"] = "skipped" if a.skip_wrk else run_wrk(f"targeted-{a.runs}" if not a.skip_targeted else f"full-{a.runs}", a.wrk_seconds)
    if latency_part:
        result["truth_latency"] = json.load(open(os.path.join(latency_dir, "truth.json")))
        run_latency(result, a, latency_dir, service.pid, gc_log, service_log)
    if om_part:
        result["truth_openmetadata"] = json.load(open(os.path.join(om_dir, "truth.json")))
        run_plan(result, "openmetadata", "full", om_dir, OPENMETADATA, a.runs, service.pid, om_sim.pid, gc_log,
                 service_log, a.floor_warmups)
    if quality_part:
        result["quality"] = run_quality(a, quality_dir, service.pid, sim.pid, gc_log, service_log)
    if verify_part:
        result["verification"] = run_verification(a, verify_dir, service.pid, sim.pid, gc_log, service_log)
    result["uptime_end"] = uptime()
    with open(os.path.join(TARGET, "results.json"), "w") as f:
        json.dump(result, f, indent=2, default=str)
    with open(os.path.join(TARGET, "results.md"), "w") as f:
        f.write(markdown(result))
    print(markdown(result))


if __name__ == "__main__":
    try:
        main()
    finally:
        for proc in reversed(processes):
            proc.terminate()
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
