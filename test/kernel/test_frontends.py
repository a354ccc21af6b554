"""The kernel behind real front ends, through jupyter_client and raw zmq (issues 10 and 15).

Run by test/kernel/frontends.test.ts with /usr/bin/python3 and JUPYTER_PATH pointing at a kernelspec
installed by `torchlab install --prefix`. Timings are printed as MEASURED lines; the only timing
assertions are the generous ones that tell "before the cell" from "after the cell".
"""
import copy
import json
import os
import random
import signal
import sys
import tempfile
import time
import unittest
from queue import Empty

import zmq
from jupyter_client.manager import KernelManager, start_new_kernel
from jupyter_client.session import Session
from shared_kernel import SharedKernel

TIMEOUT = 120
# kernel/converter_worker.ts's testing hook: a cell containing SLOW_COMPILE_MARK spends this long in
# its conversion, so that an interrupt lands inside a compile whatever the machine's load (the
# interrupt ends the wait; only a missed interrupt would make a test wait it out). Other cells compile as usual.
SLOW_COMPILE_MARK = "torchlab-test:slow-compile"
os.environ["TORCHLAB_TEST_COMPILE_DELAY_MS"] = "60000"


def process_tree(pid):
    """pid and its descendants (the kernel runs as the child of a supervisor)."""
    pids = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/children") as children:
            for child in children.read().split():
                pids += process_tree(int(child))
    return pids


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        return int([line.split()[1] for line in status if line.startswith("VmRSS")][0])


def measured(name, value):
    print(f"MEASURED {name}: {value}", file=sys.stderr, flush=True)


def replies_for(kc, msg_ids, timeout=TIMEOUT):
    """Shell replies for the given requests, by msg_id."""
    replies = {}
    deadline = time.time() + timeout
    while len(replies) < len(msg_ids):
        msg = kc.get_shell_msg(timeout=max(1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") in msg_ids:
            replies[msg["parent_header"]["msg_id"]] = msg["content"]
    return replies


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Runs code; returns (reply content, [(msg_type, content)] of its iopub outputs)."""
    msg_id = kc.execute(code, **kwargs)
    reply = replies_for(kc, {msg_id}, timeout)[msg_id]
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply, outputs
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append((msg["msg_type"], msg["content"]))


def value_of(kc, code):
    reply, outputs = execute(kc, code)
    assert reply["status"] == "ok", reply
    return [c for t, c in outputs if t == "execute_result"][-1]["data"]["text/plain"]


def drain_iopub(kc, seconds=0.5):
    while True:
        try:
            kc.get_iopub_msg(timeout=seconds)
        except Empty:
            return


# A cell that computes synchronously: a loop inside a function (top-level loops yield to the event loop).
def spin(ms):
    return f"(() => {{ const t = Date.now(); while (Date.now() - t < {ms}) {{}} }})();"


# One kernel for every KernelTestCase class (shared_kernel.py). Each test names its own variables, and
# setUp/tearDown check the kernel is alive. The first is StartupTests' kernel, which load_tests runs
# first: once its start is measured and checked, it is a live kernel like any other.
# start_new_kernel returns once kernel_info is answered, which the kernel does while it loads.
_kernel = SharedKernel(TIMEOUT, lambda kc: execute(kc, "", silent=True), shutdown_now=True)
shared_kernel = _kernel.get


def tearDownModule():
    _kernel.close()


class KernelTestCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = shared_kernel()

    def setUp(self):
        drain_iopub(self.kc, 0.2)
        self.assertTrue(self.km.is_alive())

    def tearDown(self):
        self.assertTrue(self.km.is_alive(), "the kernel died")


class StartupTests(unittest.TestCase):
    def test_kernel_info_and_heartbeat_answered_while_loading(self):
        km = KernelManager(kernel_name="torchlab")
        launched = time.time()
        km.start_kernel()
        kc = km.client()
        kc.start_channels()
        handed_over = False
        ctx = zmq.Context.instance()
        hb = ctx.socket(zmq.REQ)
        hb.linger = 0
        hb.connect(f"tcp://{km.ip}:{km.hb_port}")
        try:
            hb.send(b"ping")
            self.assertTrue(hb.poll(30_000), "no heartbeat echo")
            self.assertEqual(hb.recv(), b"ping")
            heartbeat = time.time() - launched
            kc.kernel_info()
            reply = kc.get_shell_msg(timeout=TIMEOUT)
            kernel_info = time.time() - launched
            self.assertEqual(reply["msg_type"], "kernel_info_reply")
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertEqual(reply["content"]["language_info"]["version"], "5.0.4")
            # Answered before the compiler, library and prelude have loaded.
            self.assertFalse(reply["content"]["torchlab"]["ready"])
            first = kc.execute("torch.ones(2).sum().item()")
            replies_for(kc, {first})
            ready = time.time() - launched
            started = time.time()
            self.assertEqual(value_of(kc, "const q = torch.ones(3); q.sum().item()"), "3.0")
            first_cell = time.time() - started
            time.sleep(1)
            rss = {pid: rss_kb(pid) for pid in process_tree(km.provisioner.process.pid)}
            kc.kernel_info()
            later = kc.get_shell_msg(timeout=TIMEOUT)["content"]["torchlab"]
            self.assertTrue(later["ready"])
            self.assertIsNotNone(later["backend"])
            measured("heartbeat echoed after launch (s)", f"{heartbeat:.3f}")
            measured("kernel_info answered after launch (s)", f"{kernel_info:.3f}")
            measured("loaded (first execute answered) after launch (s)", f"{ready:.3f}")
            measured("first cell after loaded (s)", f"{first_cell:.3f}")
            measured("idle kernel resident memory, kernel + supervisor (MB)",
                     " + ".join(f"{kb / 1024:.0f}" for kb in sorted(rss.values(), reverse=True)))
            self.assertLess(kernel_info, ready)
            handed_over = True
        finally:
            hb.close()
            if not (handed_over and _kernel.adopt(km, kc)):
                kc.stop_channels()
                km.shutdown_kernel(now=True)


# Cells whose replies must not depend on how the kernel started: a type error's diagnostic, names
# only a checker that read torchlab's, tfjs's and Node's declarations knows, and the prelude's globals.
SAME_START_CELLS = [
    "const n: number = torch.ones(2);",
    "const m: nn.Module = new nn.Linear(2, 3); const y = m(torch.ones(1, 2)); y.shape",
    "import type { Tensor } from 'torchlab/dist/src/tensor/tensor';\nconst t: Tensor = torch.zeros(2); t.dtype",
    "const b: Buffer = Buffer.from('ab'); const w = setTimeout(() => {}, 0); clearTimeout(w); b.length",
    "const bad: string = Buffer.from('ab');",
    "[typeof torch, typeof nn.Conv2d, typeof F.relu, typeof optim.SGD, typeof transforms.ToTensor, "
    "typeof torchvision, typeof display, typeof clear_output, typeof assert].join(' ')",
    "torch.ones(2, 3).sum(1).tolist()",
    "function inner() {\n  torch.ones(2, 3).view(4);\n}\ninner();",
    "new Error('s').stack.split('\\n').some((l) => l.includes('torchlab-cell-'))",
]


def start_kernel(env):
    km = KernelManager(kernel_name="torchlab")
    launched = time.time()
    km.start_kernel(env=env)
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    execute(kc, "", silent=True)
    return km, kc, time.time() - launched


def start_answers(kc):
    """What the SAME_START_CELLS, a completion and a hover answer, without ids and dates."""
    answers = []
    for code in SAME_START_CELLS:
        reply, outputs = execute(kc, code)
        answers.append((reply["status"], reply.get("ename"), reply.get("evalue"), reply.get("traceback"),
                        [c.get("data", {}).get("text/plain") for t, c in outputs if t == "execute_result"]))
    kc.complete("torch.zer", 9)
    answers.append(("complete", kc.get_shell_msg(timeout=TIMEOUT)["content"]["matches"]))
    kc.inspect("torch.ones(2)", 8)
    answers.append(("inspect", kc.get_shell_msg(timeout=TIMEOUT)["content"]["data"].get("text/plain")))
    kc.complete("const q = torch.ones(2); q.resh", 31)
    answers.append(("complete", kc.get_shell_msg(timeout=TIMEOUT)["content"]["matches"]))
    return answers


class SharedKernelKilledTests(KernelTestCase):
    """Kills the shared kernel's process: unittest runs classes in name order, so this class comes after
    every other class that uses the shared kernel (CI time: a kernel of its own cost a start, 5-10 s on
    the 2-core machine). Run earlier, it would only make the next class start a new shared kernel."""

    def tearDown(self):
        pass  # the kernel is dead on purpose

    def test_a_killed_kernel_process_is_reported_under_the_running_cell(self):
        km, kc = self.km, self.kc
        kernel = process_tree(km.provisioner.process.pid)[1]  # the supervisor's child
        msg_id = kc.execute("await new Promise((r) => setTimeout(r, 60000))")
        time.sleep(1)
        os.kill(kernel, signal.SIGKILL)  # as the system's out-of-memory killer would
        while True:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["msg_type"] == "error":
                break
        self.assertEqual(msg["parent_header"].get("msg_id"), msg_id)
        self.assertEqual(msg["content"]["ename"], "DeadKernelError")
        self.assertIn("signal SIGKILL", msg["content"]["evalue"])


class SnapshotStartTests(unittest.TestCase):
    """A kernel started from the snapshot of parsed declarations (kernel/declarations.ts)."""

    def test_a_start_from_the_snapshot_answers_as_a_start_without_it(self):
        cache = tempfile.mkdtemp(prefix="torchlab-cache-")
        env = {**os.environ, "TORCHLAB_CACHE_DIR": cache, "TORCHLAB_KERNEL_SNAPSHOT": "1"}
        km, kc, plain_ready = start_kernel(env)
        try:
            plain_info = kc.kernel_info(reply=True)["content"]["torchlab"]["start"]
            self.assertEqual(plain_info["snapshot"], "none")
            plain = start_answers(kc)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        # The first kernel started building the snapshot once it had loaded.
        blobs = []
        deadline = time.time() + 300
        while time.time() < deadline:
            files = [os.path.join(d, f) for d, _, fs in os.walk(cache) for f in fs]
            blobs = [f for f in files if f.endswith(".blob")]
            if blobs and not any(f.endswith(".lock") for f in files):
                break
            time.sleep(0.5)
        self.assertEqual(len(blobs), 1, os.listdir(cache))
        km, kc, snapshot_ready = start_kernel(env)
        try:
            info = kc.kernel_info(reply=True)["content"]["torchlab"]["start"]
            self.assertRegex(info["snapshot"], r"^[1-9]\d* declaration files from the snapshot, 0 parsed$")
            self.assertEqual(start_answers(kc), plain)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        self.assertEqual(plain[0][1], "CompileError")
        self.assertIn("zeros", plain[9][1])
        self.assertIn("reshape", plain[11][1])
        self.assertTrue(plain[10][1])
        self.assertNotIn("undefined", plain[5][4][0])
        self.assertTrue(any("Cell In[" in line for line in plain[7][3]), plain[7])
        self.assertEqual(plain[8][4], ["True"])
        for name, start, ready in (("without snapshot", plain_info, plain_ready), ("from snapshot", info, snapshot_ready)):
            measured(f"kernel start {name}: loaded after launch (s)", f"{ready:.3f}")
            measured(f"kernel start {name}: phases (ms since process start, wall/CPU)",
                     ", ".join(f"{p['name']} {p['wall_ms']}/{p['cpu_ms']}" for p in start["phases"]))
        measured("kernel start from snapshot: declarations", info["snapshot"])

        # A snapshot Node cannot load (damaged, another build) costs only that start's speed.
        with open(blobs[0], "wb") as damaged:
            damaged.write(b"not a snapshot")
        km, kc, _ = start_kernel(env)
        try:
            self.assertEqual(value_of(kc, "torch.ones(3).sum().item()"), "3.0")
            self.assertEqual(kc.kernel_info(reply=True)["content"]["torchlab"]["start"]["snapshot"], "none")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        if os.path.exists(blobs[0]):
            with open(blobs[0], "rb") as blob:
                self.assertNotEqual(blob.read(14), b"not a snapshot")


# A front end that starts a kernel, runs a cell that keeps failing asynchronously and printing, says
# the kernel's pid, and then waits to be killed.
DYING_CLIENT = """
import sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name="torchlab", startup_timeout=%d)
kc.execute_interactive("", timeout=%d)
kc.execute("setInterval(() => { throw new Error('tick') }, 5); setInterval(() => console.log('x'.repeat(1000)), 5); "
           "await new Promise((r) => setTimeout(r, 600000));")
print(km.provisioner.process.pid, flush=True)
import time
time.sleep(600)
""" % (TIMEOUT, TIMEOUT)


def alive(pids):
    """The pids that still run (not gone, not zombies)."""
    running = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().split(") ")[1][0] != "Z":
                    running.append(pid)
        except FileNotFoundError:
            pass
    return running


class OrphanTests(unittest.TestCase):
    """A kernel whose front end or supervisor was killed ends, instead of running (or spinning) on its own."""

    def wait_gone(self, pids, what):
        deadline = time.time() + 30
        while alive(pids) and time.time() < deadline:
            time.sleep(0.2)
        left = alive(pids)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        self.assertEqual(left, [], f"kernel processes still alive 30 s after {what}")

    def test_the_kernel_ends_when_its_front_end_is_killed_mid_cell_with_its_pipes(self):
        import subprocess
        client = subprocess.Popen([sys.executable, "-c", DYING_CLIENT], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        supervisor = int(client.stdout.readline())
        time.sleep(1)
        pids = process_tree(supervisor)
        client.kill()
        client.stdout.close()
        client.stderr.close()
        client.wait()
        self.wait_gone(pids, "the front end was killed")

    def test_the_kernel_ends_when_its_supervisor_is_killed(self):
        km, kc = start_new_kernel(kernel_name="torchlab", startup_timeout=TIMEOUT)
        try:
            execute(kc, "", silent=True)
            # Each failure is logged to stderr, whose reader (the supervisor) is about to die.
            kc.execute("setInterval(() => { throw new Error('tick') }, 300); await new Promise((r) => setTimeout(r, 600000));")
            time.sleep(1)
            supervisor = km.provisioner.process.pid
            pids = process_tree(supervisor)
            self.assertEqual(len(pids), 2, pids)
            os.kill(supervisor, signal.SIGKILL)
            km.provisioner.process.wait()
            self.wait_gone(pids[1:], "its supervisor was killed")
        finally:
            kc.stop_channels()

    def test_a_kernel_spinning_in_a_synchronous_cell_ends_when_its_supervisor_is_killed(self):
        # A loop inside a function does not yield (only a cell's top-level loops do, kernel/tick.ts):
        # the main thread's own watch for its parent cannot run while the cell blocks it, so the
        # heartbeat's thread ends the process.
        km, kc = start_new_kernel(kernel_name="torchlab", startup_timeout=TIMEOUT)
        try:
            execute(kc, "", silent=True)
            kc.execute("function spin() { while (true) {} }\nspin()")
            time.sleep(1)
            supervisor = km.provisioner.process.pid
            pids = process_tree(supervisor)
            self.assertEqual(len(pids), 2, pids)
            os.kill(supervisor, signal.SIGKILL)
            km.provisioner.process.wait()
            self.wait_gone(pids[1:], "its supervisor was killed during a synchronous cell")
        finally:
            kc.stop_channels()


class OutOfMemoryTests(unittest.TestCase):
    def test_heap_exhaustion_is_reported_to_the_front_end_before_the_kernel_dies(self):
        km = KernelManager(kernel_name="torchlab")
        km.start_kernel(env={**os.environ, "TORCHLAB_HEAP_MB": "600"})
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            execute(kc, "", silent=True)
            msg_id = kc.execute("const hoard: number[][] = [];\nwhile (true) hoard.push(new Array(1e6).fill(1.5));")
            deadline = time.time() + TIMEOUT
            error = None
            while error is None:
                msg = kc.get_iopub_msg(timeout=max(1, deadline - time.time()))
                if msg["msg_type"] == "error":
                    error = msg
            self.assertEqual(error["parent_header"].get("msg_id"), msg_id)
            self.assertEqual(error["content"]["ename"], "MemoryError")
            self.assertIn("heap limit of 600 MB", error["content"]["evalue"])
            for _ in range(100):
                if not km.is_alive():
                    break
                time.sleep(0.1)
            self.assertFalse(km.is_alive())
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)


class NbclientTests(unittest.TestCase):
    def test_a_notebook_run_stops_at_the_failing_cell_whose_traceback_names_its_line(self):
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError

        nb = nbformat.v4.new_notebook()
        nb.cells = [
            nbformat.v4.new_code_cell('const flame = "🔥🔥";\nlet ran = 0;'),
            nbformat.v4.new_code_cell('ran = 1;\nthrow new RangeError("bad value")'),
            nbformat.v4.new_code_cell("ran = 2;"),
        ]
        client = NotebookClient(nb, kernel_name="torchlab", timeout=TIMEOUT, startup_timeout=TIMEOUT)
        with self.assertRaises(CellExecutionError) as caught:
            client.execute()
        text = str(caught.exception)
        self.assertIn("Cell In[2], line 2", text)
        self.assertIn('----> 2 throw new RangeError("bad value")', text)
        self.assertEqual(nb.cells[1].outputs[-1]["ename"], "RangeError")
        self.assertEqual((nb.cells[2].execution_count, nb.cells[2].outputs), (None, []))


class BusyAndAbortTests(KernelTestCase):
    def test_busy_and_execute_input_before_a_synchronous_cell_ends(self):
        sent = time.time()
        msg_id = self.kc.execute(spin(2000) + '\n"done"')
        seen = {}
        while "idle" not in seen:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"] if msg["msg_type"] != "status" else msg["content"]["execution_state"]
            seen.setdefault(kind, time.time() - sent)
        measured("busy after sending a 2 s synchronous cell (s)", f"{seen['busy']:.3f}")
        measured("execute_input after sending it (s)", f"{seen['execute_input']:.3f}")
        # Issue 10 asks for 100 ms on a quiet machine; before the fix both came only with the result (>= 2 s).
        self.assertLess(seen["busy"], 1.0)
        self.assertLess(seen["execute_input"], 1.0)
        self.assertGreaterEqual(seen["execute_result"], 2.0)

    def test_run_all_never_runs_a_cell_after_a_failed_one(self):
        execute(self.kc, "let later = 0;")
        failing = spin(200) + '\nthrow new Error("stop here")'
        for _ in range(50):
            ids = [self.kc.execute(failing), self.kc.execute("later += 1;"), self.kc.execute("later += 10;")]
            replies = replies_for(self.kc, set(ids))
            self.assertEqual(replies[ids[0]]["status"], "error")
            for skipped in ids[1:]:
                # As ipykernel: only a status, no execution count, for a cell that never ran.
                self.assertEqual(replies[skipped], {"status": "aborted"})
        self.assertEqual(value_of(self.kc, "later"), "0")

    def test_aborted_cells_after_an_awaiting_failure(self):
        execute(self.kc, "let after_await = 0;")
        ids = [self.kc.execute('await new Promise((r) => setTimeout(r, 300));\nthrow new Error("x")'),
               self.kc.execute("after_await = 1;")]
        replies = replies_for(self.kc, set(ids))
        self.assertEqual([replies[i]["status"] for i in ids], ["error", "aborted"])
        self.assertEqual(value_of(self.kc, "after_await"), "0")


class PositionAndTracebackTests(KernelTestCase):
    def test_completion_after_astral_characters_counts_code_points(self):
        code = 'const flame = "🔥🔥";\ntorch.ra'
        msg_id = self.kc.complete(code, len(code))  # Python's len counts code points, as the protocol
        reply = replies_for(self.kc, {msg_id})[msg_id]
        self.assertEqual(reply["status"], "ok")
        self.assertIn("rand", reply["matches"])
        self.assertEqual((reply["cursor_start"], reply["cursor_end"]), (len(code) - 2, len(code)))
        completed = code[: reply["cursor_start"]] + "rand" + code[reply["cursor_end"]:]
        self.assertTrue(completed.endswith("\ntorch.rand"), completed)

    def test_inspection_after_astral_characters_describes_the_name_under_the_cursor(self):
        code = 'const fire = "🔥🔥🔥🔥";\nMath.min; Math.max'
        cursor = code.rindex("max") + 1  # inside "max"; in UTF-16 units this would land in "Math"
        msg_id = self.kc.inspect(code, cursor)
        reply = replies_for(self.kc, {msg_id})[msg_id]
        self.assertTrue(reply["found"])
        self.assertIn("max(", reply["data"]["text/plain"])

    def test_complete_request_without_cursor_pos_completes_at_the_end(self):
        msg = self.kc.session.send(self.kc.shell_channel.socket, "complete_request", {"code": "Math.ma"})
        reply = replies_for(self.kc, {msg["header"]["msg_id"]})[msg["header"]["msg_id"]]
        self.assertEqual(reply["status"], "ok")
        self.assertIn("max", reply["matches"])

    def test_traceback_names_the_cell_line_and_shows_it(self):
        reply, outputs = execute(self.kc, 'const before = 1;\nfunction inner() {\n  throw new Error("boom");\n}\ninner();')
        self.assertEqual(reply["status"], "error")
        n = reply["execution_count"]
        text = "\n".join(reply["traceback"])
        self.assertIn(f"Cell In[{n}], line 3, in inner", text)
        self.assertIn('----> 3   throw new Error("boom");', text)
        self.assertIn(f"Cell In[{n}], line 5", text)
        self.assertIn("----> 5 inner();", text)
        self.assertNotIn("evalmachine", text)
        self.assertEqual([t for t, _ in outputs], ["error"])

    def test_library_frames_are_relative_and_cell_frames_mapped(self):
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        reply, _ = execute(self.kc, "const m = torch.ones(2, 3);\nm.view(4)")
        self.assertEqual(reply["ename"], "RuntimeError")
        text = "\n".join(reply["traceback"])
        self.assertTrue(reply["traceback"][0].startswith("RuntimeError: view(): shape '[4]' is invalid"), text)
        self.assertIn("torchlab/src/tensor/tensor.ts:", text)
        self.assertIn(f"Cell In[{reply['execution_count']}], line 2\n", text)
        self.assertNotIn(root, text)

    def test_interrupt_is_a_keyboard_interrupt(self):
        msg_id = self.kc.execute("await new Promise(() => {})")
        # Not a fixed sleep: on a loaded machine the cell may not have been taken 1 s after sending it,
        # and an interrupt before that is spent on no cell. From execute_input on it is the cell's.
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        self.kc.session.send(self.kc.control_channel.socket, "interrupt_request", {})
        reply = replies_for(self.kc, {msg_id})[msg_id]
        self.assertEqual((reply["ename"], reply["evalue"]), ("KeyboardInterrupt", ""))
        self.assertEqual(reply["traceback"][0], "KeyboardInterrupt: ")
        self.assertNotIn("Interrupted asynchronously", "\n".join(reply["traceback"]))


class HostileInputTests(KernelTestCase):
    def stderr_of(self, msg_id, needle, timeout=30):
        deadline = time.time() + timeout
        text = ""
        while needle not in text:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if msg["msg_type"] == "stream" and msg["content"]["name"] == "stderr" and msg["parent_header"].get("msg_id") == msg_id:
                text += msg["content"]["text"]
        return text

    def test_asynchronous_errors_are_reported_and_the_kernel_lives(self):
        cells = [
            ('Promise.reject(new Error("rejected late")); 1', "rejected late"),
            ('setTimeout(() => { throw new Error("thrown in a timer") }, 300); 2', "thrown in a timer"),
            ('(async () => { await null; throw new Error("async throw") })(); 3', "async throw"),
        ]
        for code, needle in cells:
            msg_id = self.kc.execute(code)
            reply = replies_for(self.kc, {msg_id})[msg_id]
            self.assertEqual(reply["status"], "ok")
            text = self.stderr_of(msg_id, needle)
            self.assertIn("Error: " + needle, text)
            self.assertEqual(value_of(self.kc, "40 + 2"), "42")

    def test_process_exit_in_a_cell_is_an_error(self):
        reply, _ = execute(self.kc, "process.exit(3)")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "SystemExit")
        self.assertEqual(value_of(self.kc, "6 * 7"), "42")

    def signed_frames(self, parts):
        raw = [p if isinstance(p, bytes) else json.dumps(p, default=str).encode() for p in parts]
        return [b"<IDS|MSG>", self.kc.session.sign(raw)] + raw

    def test_malformed_but_signed_frames_never_kill_the_kernel(self):
        socket = self.kc.shell_channel.socket
        good = lambda: self.kc.session.msg_header("kernel_info_request")
        for header in [None, [1, 2, 3], "x", 7, {"msg_type": 5}, {"msg_id": "a"}]:
            socket.send_multipart(self.signed_frames([header, {}, {}, {}]))
        for parent, metadata, content in [(None, {}, {}), ([1], {}, {}), ({}, "m", {}), ({}, {}, None), ({}, {}, [1])]:
            socket.send_multipart(self.signed_frames([good(), parent, metadata, content]))
        socket.send_multipart(self.signed_frames([good(), {}, {}, b"{not json"]))
        socket.send_multipart([b"<IDS|MSG>"])
        self.assertEqual(value_of(self.kc, "1 + 1"), "2")
        # Every message the kernel published since has an object as parent_header.
        deadline = time.time() + 2
        while time.time() < deadline:
            try:
                msg = self.kc.get_iopub_msg(timeout=0.5)
            except Empty:
                break
            self.assertIsInstance(msg["parent_header"], dict)

    def test_fuzzed_signed_frames_for_a_bounded_time(self):
        rng = random.Random(15)
        socket = self.kc.shell_channel.socket
        types = ["kernel_info_request", "execute_request", "complete_request", "inspect_request", "is_complete_request",
                 "history_request", "comm_info_request", "comm_open", "comm_msg", "interrupt_request", "nonsense"]
        atoms = [None, True, 0, -1, 1.5, 2 ** 60, "", "x", "🔥", [], {}, [None], {"a": None}]

        def value(depth=0):
            if depth < 2 and rng.random() < 0.3:
                return {rng.choice(["code", "cursor_pos", "silent", "n", "hist_access_type", "pattern"]): value(depth + 1)
                        for _ in range(rng.randint(0, 3))}
            return copy.deepcopy(rng.choice(atoms))

        sent = 0
        deadline = time.time() + 8
        while time.time() < deadline:
            header = self.kc.session.msg_header(rng.choice(types)) if rng.random() < 0.7 else value()
            if isinstance(header, dict) and rng.random() < 0.3:
                header["msg_type"] = value()
            parts = [header, value(), value(), value()]
            frames = self.signed_frames(parts)
            if rng.random() < 0.1:
                frames = frames[: rng.randint(0, len(frames))] + [bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 40)))]
            socket.send_multipart(frames)
            sent += 1
            time.sleep(0.005)
        measured("fuzzed messages sent", sent)
        self.assertTrue(self.km.is_alive())
        # The kernel still answers, in order, after everything queued before.
        reply, outputs = execute(self.kc, "21 * 2", timeout=300)
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "42")

    def test_stack_overflow_while_compiling_does_not_brick_the_kernel(self):
        for code in ["const deep = " + "(" * 1000 + "1" + ")" * 1000 + ";",
                     "const deeper = " + "(" * 5000 + "1" + ")" * 5000 + ";",
                     "const chain = torch.ones(1)" + ".add(1)" * 3000 + ";"]:
            reply, _ = execute(self.kc, code)
            if reply["status"] == "error":
                self.assertEqual(reply["ename"], "RangeError")
                self.assertIn("while compiling", reply["evalue"])
            self.assertEqual(value_of(self.kc, "const fine = 40 + 2; fine"), "42")

    def test_sigint_while_compiling_interrupts_the_cell(self):
        execute(self.kc, "let kept_over_compile = 7;")
        # Compiling 150,000 declarations takes many seconds (linearly): the signal lands inside it.
        code = "\n".join(f"const v{i}: number = {i} + kept_over_compile;" for i in range(150000))
        msg_id = self.kc.execute(code)
        # execute_input leaves just before the compile starts.
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
                break
        time.sleep(1.0)
        self.km.interrupt_kernel()
        reply = replies_for(self.kc, {msg_id})[msg_id]
        self.assertEqual((reply["status"], reply.get("ename")), ("error", "KeyboardInterrupt"))
        self.assertEqual(value_of(self.kc, "kept_over_compile"), "7")


    def interrupted(self, code, ready):
        """Runs code, sends SIGINT once ready(msg) is true of one of its iopub messages, and checks it stopped as a KeyboardInterrupt."""
        msg_id = self.kc.execute(code)
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and ready(msg):
                break
        self.km.interrupt_kernel()
        reply = replies_for(self.kc, {msg_id})[msg_id]
        self.assertEqual((reply["status"], reply.get("ename")), ("error", "KeyboardInterrupt"))

    def assert_traceback_has_cell_frames(self):
        reply, _ = execute(self.kc, 'const before_boom = 1;\nfunction inner_boom() {\n  throw new Error("boom");\n}\ninner_boom();')
        n = reply["execution_count"]
        text = "\n".join(reply["traceback"])
        self.assertIn(f"Cell In[{n}], line 3, in inner_boom", text)
        self.assertIn('----> 3   throw new Error("boom");', text)
        self.assertIn(f"Cell In[{n}], line 5\n", text)
        reply, _ = execute(self.kc, "const m_after = torch.ones(2, 3);\nm_after.view(4)")
        self.assertEqual(reply["ename"], "RuntimeError")
        self.assertIn(f"Cell In[{reply['execution_count']}], line 2\n", "\n".join(reply["traceback"]))

    def test_tracebacks_keep_their_cell_frames_after_interrupts(self):
        # A SIGINT inside a compile runs no `finally` of the compile's frames: the stopped cell's hook on
        # vm.runInThisContext stayed, every later cell ran under that cell's name and lost its cell frames.
        execute(self.kc, "let kept_over_interrupts = 5;")
        # The marked cell's compile waits (SLOW_COMPILE_MARK): execute_input leaves just before it starts.
        self.interrupted(f"// {SLOW_COMPILE_MARK}\nconst compiled_slowly = 1;",
                         lambda msg: msg["msg_type"] == "execute_input" and time.sleep(1.0) is None)
        self.assert_traceback_has_cell_frames()
        # During a synchronous run (its output would leave only once it ends): its compile is short.
        self.interrupted(spin(60000), lambda msg: msg["msg_type"] == "execute_input" and time.sleep(1.5) is None)
        self.assert_traceback_has_cell_frames()
        # Still fully usable: state, completion, inspection, a compile after all that.
        self.assertEqual(value_of(self.kc, "kept_over_interrupts"), "5")
        msg_id = self.kc.complete("kept_over_int", len("kept_over_int"))
        self.assertIn("kept_over_interrupts", replies_for(self.kc, {msg_id})[msg_id]["matches"])
        msg_id = self.kc.inspect("Math.max", len("Math.ma"))
        self.assertIn("max(", replies_for(self.kc, {msg_id})[msg_id]["data"]["text/plain"])
        self.assertEqual(value_of(self.kc, "const after_interrupts: number = 40 + 2; after_interrupts"), "42")


class LargeOutputTests(KernelTestCase):
    def test_a_large_synchronous_print_arrives_whole_in_bounded_messages(self):
        # 24 MiB printed in one synchronous stretch (inside a function: top-level loops yield); the
        # kernel sends it on as it goes, in messages of at most 1 Mi characters.
        code = "(() => { const line = 'y'.repeat(1023) + '\\n'; for (let i = 0; i < 24 * 1024; i++) process.stdout.write(line); })();"
        reply, outputs = execute(self.kc, code, timeout=300)
        self.assertEqual(reply["status"], "ok")
        texts = [c["text"] for t, c in outputs if t == "stream" and c["name"] == "stdout"]
        self.assertEqual(sum(len(t) for t in texts), 24 * 1024 * 1024)
        self.assertLessEqual(max(len(t) for t in texts), 1 << 20)
        self.assertEqual(set("".join(texts)), {"y", "\n"})
        measured("stream messages for 24 MiB printed at once", len(texts))


class BurstTests(KernelTestCase):
    def test_three_hundred_executes_at_once_deliver_every_result(self):
        # The iopub reader does not keep up on purpose: everything waits in queues until the end, 1,200
        # iopub messages (more than ZeroMQ's default high-water mark of 1,000). Each execute costs a
        # compile, 30-80 ms on the 2-core machine: 1,000 of them took 45-80 s, and with the kernel's iopub
        # high-water mark put back at the default they passed too (measured), as 300 do.
        n = 300
        ids = [self.kc.execute(f"{i} * 2") for i in range(n)]
        replies = replies_for(self.kc, set(ids), timeout=600)
        self.assertTrue(all(r["status"] == "ok" for r in replies.values()))
        results = {}
        idle = set()
        while len(idle) < n:
            msg = self.kc.get_iopub_msg(timeout=60)
            parent = msg["parent_header"].get("msg_id")
            if msg["msg_type"] == "execute_result":
                results[parent] = msg["content"]["data"]["text/plain"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle" and parent in replies:
                idle.add(parent)
        self.assertEqual(len(results), n)
        wrong = [i for i, msg_id in enumerate(ids) if results[msg_id] != str(2 * i)]
        self.assertEqual(wrong, [])

    def test_five_thousand_displays_in_one_cell_all_arrive(self):
        msg_id = self.kc.execute("for (let i = 0; i < 5000; i++) display(`d${i}`);")
        replies_for(self.kc, {msg_id}, timeout=300)
        shown = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=60)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "display_data":
                shown.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertEqual(len(shown), 5000)
        wrong = [i for i, text in enumerate(shown) if text.strip("'") != f"d{i}"]
        self.assertEqual(wrong[:10], [])


class HeartbeatAndControlTests(KernelTestCase):
    def test_heartbeat_answers_during_a_long_synchronous_cell(self):
        hb = zmq.Context.instance().socket(zmq.REQ)
        hb.linger = 0
        hb.connect(f"tcp://{self.km.ip}:{self.km.hb_port}")
        try:
            msg_id = self.kc.execute(spin(4000))
            time.sleep(0.5)
            worst = 0.0
            for i in range(6):
                start = time.time()
                hb.send(b"%d" % i)
                self.assertTrue(hb.poll(3000), "no heartbeat echo while the cell computes")
                self.assertEqual(hb.recv(), b"%d" % i)
                worst = max(worst, time.time() - start)
                time.sleep(0.4)
            measured("slowest heartbeat echo during a 4 s synchronous cell (s)", f"{worst:.3f}")
            replies_for(self.kc, {msg_id})
        finally:
            hb.close()

    def test_execute_request_on_control_is_refused(self):
        execute(self.kc, "let stolen = 0;")
        shell = self.kc.execute('await new Promise((r) => setTimeout(r, 1500));\n"from shell"')
        time.sleep(0.5)
        control = self.kc.session.send(self.kc.control_channel.socket, "execute_request",
                                       {"code": "stolen = 1; 'from control'", "silent": False, "store_history": True,
                                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        reply = self.kc.get_control_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], control["header"]["msg_id"])
        self.assertEqual(reply["content"]["status"], "error")
        results = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == shell and msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
            if msg["parent_header"].get("msg_id") == shell and msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
        self.assertEqual(results, ["'from shell'"])
        self.assertEqual(value_of(self.kc, "stolen"), "0")


def load_tests(loader, tests, pattern):
    """StartupTests first (its kernel then serves the KernelTestCase classes); the rest in name order."""
    first = [suite for suite in tests if any(isinstance(test, StartupTests) for test in suite)]
    return unittest.TestSuite(first + [suite for suite in tests if suite not in first])


if __name__ == "__main__":
    unittest.main()
