#!/usr/bin/env node
/**
 * Kernel start (issue 12): how long from launching `torchlab kernel` until kernel_info is answered,
 * until the kernel is fully loaded (an empty execute answered), and the first cell after that; the
 * CPU the kernel's processes used until then, and the kernel's main thread alone until ready (the
 * start's critical path: the figure to compare on a loaded machine, whose wall times mostly measure
 * the load); their resident memory once idle after that cell (the
 * kernel's own, and with its supervisor); and the kernel's own phase report (kernel_info's
 * `torchlab.start`).
 *
 *   npm run build && node bench/kernel_start.js [--starts N] [--root DIR] [--compare DIR] [--no-snapshot] [--json] [--cpu-prof DIR] [--trace-gc]
 *
 * Each round starts a kernel from the startup snapshot of parsed declarations (TORCHLAB_KERNEL_SNAPSHOT=1;
 * built by a first start if missing) and one without it (the default), alternately, so that machine
 * load hits both alike; medians are printed. `--root DIR` measures another checkout's build (e.g.
 * an older commit) instead; `--compare DIR` adds that build's starts, with and without the snapshot, to the alternation;
 * `--no-snapshot` leaves the snapshot's starts out (the default kernels only, old against new);
 * `--cpu-prof DIR` starts each kernel without its supervisor (with the supervisor's V8 flags and
 * environment), under V8's CPU profiler, which writes one profile per thread into DIR when the kernel
 * ends (the supervisor's own start is then not in the times); `--trace-gc` starts each kernel the same
 * way under V8's --trace-gc and counts the main thread's collections until the first cell is
 * answered (scavenges, mark-compacts, and the MB the scavenges found in the young generation).
 * Timings only: nothing here asserts. `npm run bench` runs it with
 * `--starts 2` unless given `--no-kernel-start`.
 */
"use strict";
const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const net = require("net");
const os = require("os");
const path = require("path");

const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const STARTS = Number(arg("--starts", "3"));
const ROOT = path.resolve(arg("--root", path.join(__dirname, "..")));
const COMPARE = process.argv.includes("--compare") ? path.resolve(arg("--compare")) : null;
const JSON_OUT = process.argv.includes("--json");
const NO_SNAPSHOT = process.argv.includes("--no-snapshot");
/** `--cpu-prof DIR`: each kernel runs without its supervisor, under V8's CPU profiler, writing its profile into DIR. */
const CPU_PROF = process.argv.includes("--cpu-prof") ? path.resolve(arg("--cpu-prof")) : null;
/** `--trace-gc`: each kernel runs without its supervisor, under V8's --trace-gc, whose lines are counted. */
const TRACE_GC = process.argv.includes("--trace-gc");
/** Kernels started without their supervisor (profiled or traced). */
const DIRECT = CPU_PROF !== null || TRACE_GC;

/**
 * The main thread's collections in a kernel's --trace-gc output: its isolate is the first to
 * report one (worker threads' isolates report under other addresses).
 */
function gcCounts(log) {
  const lines = log.split("\n").filter((line) => /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: (Scavenge|Mark-Compact)/.test(line));
  if (lines.length === 0) return null;
  const main = lines[0].slice(0, lines[0].indexOf("]") + 1);
  const mine = lines.filter((line) => line.startsWith(main));
  const scavenges = mine.filter((line) => line.includes(": Scavenge"));
  // "Scavenge 52.7 (70.2) -> 47.6 (74.7) MB": the heap before and after; what went is garbage.
  const mb = (line) => /Scavenge ([\d.]+) \([\d.]+\) -> ([\d.]+)/.exec(line);
  const collected = scavenges.reduce((sum, line) => sum + Number(mb(line)[1]) - Number(mb(line)[2]), 0);
  return { scavenges: scavenges.length, mark_compacts: mine.length - scavenges.length, scavenged_garbage_mb: collected };
}
const FIRST_CELL = "const x = torch.ones(2, 3); x.sum()";
/** How long the kernel sits idle after the first cell before its resident memory is read. */
const IDLE_MS = 2000;

const zmq = require(path.join(ROOT, "node_modules", "zeromq"));
const wire = require(path.join(ROOT, "dist", "kernel", "wire.js"));

async function freePorts(count) {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  })));
  const ports = servers.map((s) => s.address().port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}

/** CPU seconds (user + system) of `pid` and its live descendants, from /proc (Linux); null elsewhere. */
function treeCpu(pid) {
  try {
    const tick = 100; // USER_HZ on Linux
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    let total = (Number(stat[11]) + Number(stat[12])) / tick;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) {
        total += treeCpu(Number(child)) ?? 0;
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) of the main thread of process `pid` alone, from /proc (Linux); null elsewhere. */
function mainThreadCpu(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(stat[11]) + Number(stat[12])) / 100;
  } catch {
    return null;
  }
}

/** The kernel process under the supervisor `pid` (its first child), or null. */
function kernelOf(pid) {
  try {
    const child = Number(fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean)[0]);
    return Number.isFinite(child) && child > 0 ? child : null;
  } catch {
    return null;
  }
}

/** Resident memory in MB of `pid` and its descendants (kernel + supervisor), from /proc; null elsewhere. */
function treeRss(pid) {
  try {
    let kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))[1]);
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      for (const child of fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) {
        kb += (treeRss(Number(child)) ?? 0) * 1024;
      }
    }
    return kb / 1024;
  } catch {
    return null;
  }
}

async function startOnce(env, root = ROOT) {
  const [shell_port, iopub_port, stdin_port, control_port, hb_port] = await freePorts(5);
  const info = { transport: "tcp", ip: "127.0.0.1", shell_port, iopub_port, stdin_port, control_port, hb_port,
    key: crypto.randomBytes(16).toString("hex"), signature_scheme: "hmac-sha256", kernel_name: "torchlab" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "torchlab-start-"));
  const file = path.join(dir, "kernel.json");
  fs.writeFileSync(file, JSON.stringify(info));
  const signer = new wire.Signer(info.key, info.signature_scheme);
  const shell = new zmq.Dealer();
  shell.connect(wire.socketAddress(info, shell_port));
  const launched = performance.now();
  // Profiled, the kernel is started as its supervisor starts it (its flags, its environment), minus the supervisor.
  const { kernelNodeArgs } = require(path.join(root, "dist", "kernel", "node_args.js"));
  const heapMb = String(require(path.join(root, "dist", "kernel", "supervisor.js")).heapLimitMb(env));
  const direct = !DIRECT ? [] : [...kernelNodeArgs(Number(heapMb)), ...(CPU_PROF === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF}`, "--cpu-prof-interval=250"]), ...(TRACE_GC ? ["--trace-gc"] : [])];
  const child = spawn(process.execPath, [...direct, path.join(root, "bin", "torchlab.js"), "kernel", "--connection-file", file],
    { cwd: dir, env: !DIRECT ? env : { ...env, TORCHLAB_KERNEL_SUPERVISED: heapMb }, stdio: ["ignore", TRACE_GC ? "pipe" : "ignore", "pipe"] });
  /** The kernel's process: the supervisor's child, or the child itself when profiled. */
  const kernelPid = () => (!DIRECT ? kernelOf(child.pid) : child.pid);
  let log = "";
  child.stderr.on("data", (d) => (log += d));
  let gcLog = "";
  child.stdout?.on("data", (d) => (gcLog += d));
  const replies = new Map();
  let wake = () => {};
  (async () => {
    try {
      for await (const frames of shell) {
        const msg = wire.decode(frames, signer);
        replies.set(msg.parent_header.msg_id, { msg, at: performance.now() });
        wake();
      }
    } catch {
      // closed
    }
  })();
  const send = (msg_type, content) => {
    const header = wire.newHeader(msg_type, "bench", "bench");
    void shell.send(wire.encode({ identities: [], header, parent_header: {}, metadata: {}, content, buffers: [] }, signer));
    return header.msg_id;
  };
  const wait = async (id, ms) => {
    const deadline = performance.now() + ms;
    while (!replies.has(id) && performance.now() < deadline) {
      await new Promise((resolve) => { wake = resolve; setTimeout(resolve, 50); });
    }
    if (!replies.has(id)) throw new Error(`no reply within ${ms} ms; kernel log:\n${log}`);
    return replies.get(id);
  };
  const execute = (code) => send("execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
  try {
    let infoReply = null;
    while (!infoReply) {
      const id = send("kernel_info_request", {});
      infoReply = await wait(id, 250).catch(() => null);
      if (child.exitCode !== null) throw new Error(`the kernel exited:\n${log}`);
    }
    const ready = await wait(execute(""), 120_000);
    // The critical path of a start is the kernel's main thread: its own CPU until ready, which
    // machine load inflates less than wall time does.
    const readyKernel = kernelPid();
    const mainCpu = readyKernel === null ? null : mainThreadCpu(readyKernel);
    const cellSent = performance.now();
    const first = await wait(execute(FIRST_CELL), 60_000);
    if (first.msg.content.status !== "ok") throw new Error(`first cell failed: ${JSON.stringify(first.msg.content)}`);
    const cpu = treeCpu(child.pid);
    const gc = TRACE_GC ? gcCounts(gcLog) : null;
    // Resident memory of the idle kernel: after the first cell, once the start's background work
    // (code caches written, the heap's young generation settled) is over.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const rss = treeRss(child.pid);
    const idleKernel = kernelPid();
    const kernelRss = idleKernel === null ? null : treeRss(idleKernel);
    const report = (await wait(send("kernel_info_request", {}), 10_000)).msg.content.torchlab;
    return {
      kernel_info_s: (infoReply.at - launched) / 1000,
      ready_s: (ready.at - launched) / 1000,
      first_cell_s: (first.at - cellSent) / 1000,
      cpu_s: cpu,
      main_cpu_s: mainCpu,
      rss_mb: rss,
      kernel_rss_mb: kernelRss,
      snapshot: report && report.start ? report.start.snapshot : "-",
      phases: report && report.start ? report.start.phases : [],
      memory: report && report.memory ? report.memory : null,
      gc,
    };
  } finally {
    send("shutdown_request", { restart: false });
    await Promise.race([new Promise((resolve) => child.once("exit", resolve)), new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
    shell.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

async function main() {
  const cacheRoot = process.env.TORCHLAB_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "torchlab");
  // The compared build gets a cache folder of its own, as another install would have its own: older
  // builds evict every other cache of a module at each start, which would leave neither build one.
  const compareCache = COMPARE ? path.join(cacheRoot, `compare-${crypto.createHash("sha1").update(COMPARE).digest("hex").slice(0, 8)}`) : null;
  const variants = [
    { name: "snapshot", env: { ...process.env, TORCHLAB_KERNEL_SNAPSHOT: "1" } },
    { name: "no snapshot (default)", env: { ...process.env, TORCHLAB_KERNEL_SNAPSHOT: "0" } },
    ...(COMPARE
      ? [
          { name: `${path.basename(COMPARE)}, snapshot`, env: { ...process.env, TORCHLAB_KERNEL_SNAPSHOT: "1", TORCHLAB_CACHE_DIR: compareCache }, root: COMPARE },
          { name: `${path.basename(COMPARE)}, no snapshot`, env: { ...process.env, TORCHLAB_KERNEL_SNAPSHOT: "0", TORCHLAB_CACHE_DIR: compareCache }, root: COMPARE },
        ]
      : []),
  ].filter((v) => !NO_SNAPSHOT || v.env.TORCHLAB_KERNEL_SNAPSHOT !== "1");
  // Starts that build each build's snapshot (and what a start leaves in the cache for the next one)
  // if missing; the snapshot build runs detached, so wait for it. Without the snapshot's starts, a first
  // start of each build leaves its caches instead.
  for (const v of variants.filter((v) => NO_SNAPSHOT || v.env.TORCHLAB_KERNEL_SNAPSHOT === "1")) await startOnce(v.env, v.root);
  for (let waited = 0; waited < 120_000; waited += 500) {
    const dirs = [cacheRoot, compareCache].filter(Boolean).map((root) => path.join(root, `v8-${process.version}-${process.arch}`));
    const building = dirs.some((dir) => fs.existsSync(dir) && fs.readdirSync(dir).some((f) => f.endsWith(".lock")));
    if (!building) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const runs = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let i = 0; i < STARTS; i++) {
    for (const v of variants) runs[v.name].push(await startOnce(v.env, v.root));
  }
  if (JSON_OUT) {
    console.log(JSON.stringify(runs));
    return;
  }
  const rows = [["kernel start", "kernel_info s", "ready s", "first cell s", "ready+first s", "CPU s (to first cell)", "main thread CPU s (to ready)", "idle RSS MB (kernel / +supervisor)", "declarations"]];
  for (const [name, rs] of Object.entries(runs)) {
    const cpu = rs.every((r) => r.cpu_s !== null) ? median(rs.map((r) => r.cpu_s)).toFixed(2) : "-";
    rows.push([name, median(rs.map((r) => r.kernel_info_s)).toFixed(2), median(rs.map((r) => r.ready_s)).toFixed(2),
      median(rs.map((r) => r.first_cell_s)).toFixed(3), median(rs.map((r) => r.ready_s + r.first_cell_s)).toFixed(2), cpu,
      rs.every((r) => r.main_cpu_s !== null) ? median(rs.map((r) => r.main_cpu_s)).toFixed(2) : "-",
      rs.every((r) => r.rss_mb !== null && r.kernel_rss_mb !== null) ? `${median(rs.map((r) => r.kernel_rss_mb)).toFixed(0)} / ${median(rs.map((r) => r.rss_mb)).toFixed(0)}` : "-",
      rs[rs.length - 1].snapshot]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((v, c) => (c === 0 || c === r.length - 1 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  "));
    if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
  for (const [name, rs] of Object.entries(runs)) {
    const phases = rs[rs.length - 1].phases.map((p) => `${p.name} ${p.wall_ms}/${p.cpu_ms}${p.idle_ms !== undefined ? `/${p.idle_ms}` : ""}${p.main_cpu_ms !== undefined ? `/main ${p.main_cpu_ms}` : ""}`).join(", ");
    console.log(`# ${name}, kernel's phases (ms since process start, wall/CPU[/main thread idle][/main thread CPU]): ${phases}`);
    const mainCpu = rs.every((r) => r.phases.every((p) => p.main_cpu_ms !== undefined))
      ? rs[0].phases.map((p, i) => `${p.name} ${median(rs.map((r) => r.phases[i].main_cpu_ms - (i === 0 ? 0 : r.phases[i - 1].main_cpu_ms)))}`).join(", ")
      : null;
    if (mainCpu !== null) console.log(`# ${name}, main thread's CPU ms in each phase (medians): ${mainCpu}`);
    if (rs.every((r) => r.gc)) {
      console.log(`# ${name}, main thread's collections to the first cell (medians): ${median(rs.map((r) => r.gc.scavenges))} scavenges (${median(rs.map((r) => r.gc.scavenged_garbage_mb)).toFixed(1)} MB of garbage), ${median(rs.map((r) => r.gc.mark_compacts))} mark-compacts`);
    }
  }
  for (const [name, rs] of Object.entries(runs)) {
    if (!rs.every((r) => r.memory)) continue;
    const rss = median(rs.map((r) => r.memory.rss_mb));
    const heap = median(rs.map((r) => r.memory.heap_mb));
    console.log(`# ${name}, idle kernel's memory (MB, medians): resident ${rss} = main thread's JavaScript heap ${heap} + the rest ${median(rs.map((r) => r.memory.rss_mb - r.memory.heap_mb))} (worker threads, wasm memory, native; a snapshot's blob, which Node keeps in memory)`);
  }
  for (const root of [cacheRoot, compareCache].filter(Boolean)) {
    const dir = path.join(root, `v8-${process.version}-${process.arch}`);
    const blobs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^kernel-[0-9a-f]+\.blob$/.test(f)) : [];
    for (const blob of blobs) console.log(`# snapshot ${path.join(dir, blob)}: ${(fs.statSync(path.join(dir, blob)).size / 2 ** 20).toFixed(1)} MB`);
  }
  console.log(`# median of ${STARTS} alternating starts; load average ${os.loadavg().map((v) => v.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
