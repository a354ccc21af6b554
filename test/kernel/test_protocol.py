"""The torchlab kernel against a real Jupyter client (jupyter_client) and Debian's jupyter_kernel_test.

Run by test/kernel/protocol.test.ts with /usr/bin/python3 and JUPYTER_PATH pointing at a kernelspec
installed by `torchlab install --prefix`.
"""
import time
import unittest
from queue import Empty

import jupyter_kernel_test
from jupyter_client.session import Session
from shared_kernel import SharedKernel

TIMEOUT = 60


def wait_for_execute_input(kc, msg_id):
    """Once execute_input is out, the kernel has taken the cell: an interrupt from then on is that cell's
    (kernel/session.ts's announceCell), however long the machine takes to start compiling it."""
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            return


def wait_until_loaded(kc):
    """The kernel answers kernel_info while it loads (seconds); jupyter_kernel_test's own requests
    wait 15 s at most, so the suite starts once an execute, which waits for the loading, is answered."""
    msg_id = kc.execute("", silent=True, store_history=False)
    while kc.get_shell_msg(timeout=TIMEOUT)["parent_header"].get("msg_id") != msg_id:
        pass


# One kernel for the three classes (shared_kernel.py). unittest runs the classes in name order:
# jupyter_kernel_test's tests first, on a kernel that ran nothing before (as when they ran alone), and
# the restart test last, on the kernel the others used. Each class starts with its channels drained.
_kernel = SharedKernel(TIMEOUT, wait_until_loaded, shutdown_now=False)


def shared_kernel():
    km, kc = _kernel.get()
    for get_msg in (kc.get_shell_msg, kc.get_iopub_msg):
        while True:
            try:
                get_msg(timeout=0.2)
            except Empty:
                break
    return km, kc


def tearDownModule():
    _kernel.close()


class TorchlabKernelTests(jupyter_kernel_test.KernelTests):
    """Every test jupyter_kernel_test 0.4.5 has, with samples for all of them (none may skip)."""

    kernel_name = "torchlab"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("oops")'

    completion_samples = [{"text": "Math.ma", "matches": {"max"}}]
    complete_code_samples = ["1", "const x = 1;", "function f() { return 1; }"]
    incomplete_code_samples = ["function f() {", "const x = [1,", "if (true) {"]

    code_page_something = ""  # TypeScript has no pager: test_pager is the one test that must skip.

    code_generate_error = 'throw new Error("boom")'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"to" + "rch"', "result": "'torch'"},
        {"code": "[1, 2, 3].map((v) => v * 2)", "result": "[2, 4, 6]"},
    ]
    code_display_data = [
        {"code": 'display({ "text/html": "<b>hi</b>", "text/plain": "hi" }, { raw: true })', "mime": "text/html"},
        {
            "code": 'class Pic { [Symbol.for("Jupyter.display")]() { return { "image/svg+xml": "<svg/>" }; } }\n'
            "display(new Pic())",
            "mime": "image/svg+xml",
        },
    ]
    code_history_pattern = "6*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_clear_output = 'console.log("a"); clear_output()'

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = shared_kernel()

    @classmethod
    def tearDownClass(cls):
        pass  # the next classes use the same kernel; tearDownModule shuts it down


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Runs code; returns (reply content, [(msg_type, content)] of its iopub outputs)."""
    msg_id = kc.execute(code, **kwargs)
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return reply["content"], outputs
        if msg["msg_type"] not in ("status", "execute_input"):
            outputs.append((msg["msg_type"], msg["content"]))


class TorchlabProtocolTests(unittest.TestCase):
    """What jupyter_kernel_test does not cover: signatures, interrupt, stop_on_error, display ids, restart."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = shared_kernel()

    def test_badly_signed_message_runs_nothing(self):
        execute(self.kc, "let signed = 0;")
        forged = Session(key=b"not-the-connection-key", username="mallory")
        forged.send(self.kc.shell_channel.socket, "execute_request",
                    {"code": "signed = 666;", "silent": False, "store_history": True,
                     "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        # A correctly signed message right behind it still works, and shows the forged one did nothing.
        reply, outputs = execute(self.kc, "signed")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs, [("execute_result", {"execution_count": reply["execution_count"],
                                                      "data": {"text/plain": "0"}, "metadata": {}})])
        with self.assertRaises(Empty):
            self.kc.get_shell_msg(timeout=1)

    def test_interrupt_stops_busy_loop_and_keeps_state(self):
        execute(self.kc, "let kept = 41;")
        msg_id = self.kc.execute("while (true) {}")
        # A SIGINT that lands while the cell is still compiling cannot stop the loop that follows,
        # so interrupt again until the reply comes, as a user pressing the button would.
        deadline = time.time() + TIMEOUT
        while True:
            time.sleep(1)
            self.km.interrupt_kernel()
            try:
                reply = self.kc.get_shell_msg(timeout=2)
                break
            except Empty:
                self.assertLess(time.time(), deadline, "the loop was never interrupted")
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        reply, outputs = execute(self.kc, "kept + 1")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "42")

    def test_interrupt_request_stops_an_awaiting_cell(self):
        msg_id = self.kc.execute("await new Promise(() => {})")
        wait_for_execute_input(self.kc, msg_id)
        interrupt_id = self.kc.session.send(self.kc.control_channel.socket, "interrupt_request", {})["header"]["msg_id"]
        control = self.kc.get_control_msg(timeout=TIMEOUT)
        self.assertEqual(control["msg_type"], "interrupt_reply")
        self.assertEqual(control["parent_header"]["msg_id"], interrupt_id)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")

    def test_interrupt_request_stops_a_synchronous_loop(self):
        # Top-level loops yield at each iteration (kernel/rewrite.ts), so the control socket is read
        # and the loop stops at an iteration boundary instead of running on in the background.
        execute(self.kc, "let spins = 0;")
        msg_id = self.kc.execute("while (true) { spins++; }")
        wait_for_execute_input(self.kc, msg_id)
        self.kc.session.send(self.kc.control_channel.socket, "interrupt_request", {})
        self.assertEqual(self.kc.get_control_msg(timeout=TIMEOUT)["msg_type"], "interrupt_reply")
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["ename"], "KeyboardInterrupt")
        _, first = execute(self.kc, "spins")
        time.sleep(0.5)
        _, second = execute(self.kc, "spins")
        self.assertGreater(int(first[-1][1]["data"]["text/plain"]), 0)
        self.assertEqual(first[-1][1]["data"]["text/plain"], second[-1][1]["data"]["text/plain"])

    def test_loop_output_streams_while_it_runs(self):
        code = ("for (let i = 0; i < 3; i++) {\n  console.log(`step ${i}`);\n"
                "  const t = Date.now(); while (Date.now() - t < 400) {}\n}")
        msg_id = self.kc.execute(code)
        first_stream = None
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            # When the kernel sent each (its header's date), not when this process, maybe descheduled
            # on a loaded machine, got round to reading it.
            if msg["msg_type"] == "stream" and first_stream is None:
                first_stream = msg["header"]["date"]
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                done = msg["header"]["date"]
                break
        self.assertIsNotNone(first_stream)
        # The first line leaves while the other two iterations (0.8 s) are still running.
        self.assertGreater((done - first_stream).total_seconds(), 0.5)

    def test_execution_count_and_execute_input(self):
        first, _ = execute(self.kc, "1")
        silent, outputs = execute(self.kc, "2", silent=True)
        second, _ = execute(self.kc, "3")
        self.assertEqual(second["execution_count"], first["execution_count"] + 1)
        self.assertEqual(outputs, [])

    def test_type_error_has_line_and_column(self):
        reply, outputs = execute(self.kc, "const n: number = 1;\nconst s: string = n;")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "CompileError")
        self.assertIn("2:7", reply["evalue"])
        self.assertIn("not assignable to type 'string'", reply["evalue"])
        self.assertEqual([t for t, _ in outputs], ["error"])

    def test_stop_on_error_aborts_only_queued_cells(self):
        execute(self.kc, "let ran = 0;")
        # Busy for a while, so that the next request is surely waiting when it fails (as in ipykernel,
        # stop_on_error aborts what has arrived, with no grace window).
        failing = self.kc.execute('const t0 = Date.now(); while (Date.now() - t0 < 500) {}\nthrow new Error("first")')
        queued = self.kc.execute("ran = 1;")
        replies = {}
        while len(replies) < 2:
            msg = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[msg["parent_header"]["msg_id"]] = msg["content"]
        self.assertEqual(replies[failing]["status"], "error")
        self.assertEqual(replies[queued]["status"], "aborted")
        # Sent after the error was handled: runs normally (tslab would drop it for 200 ms).
        reply, outputs = execute(self.kc, "ran")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "0")

    def test_stop_on_error_false_runs_the_next_cell(self):
        failing = self.kc.execute('throw new Error("x")', stop_on_error=False)
        following = self.kc.execute("5")
        replies = {}
        while len(replies) < 2:
            msg = self.kc.get_shell_msg(timeout=TIMEOUT)
            replies[msg["parent_header"]["msg_id"]] = msg["content"]
        self.assertEqual(replies[failing]["status"], "error")
        self.assertEqual(replies[following]["status"], "ok")

    def test_display_id_update_and_transient(self):
        code = ('const h = display("v1", { display_id: "progress" });\n'
                'h.update("v2");\n'
                'display("plain");')
        reply, outputs = execute(self.kc, code)
        self.assertEqual(reply["status"], "ok")
        types = [t for t, _ in outputs]
        self.assertEqual(types, ["display_data", "update_display_data", "display_data"])
        self.assertEqual(outputs[0][1]["transient"], {"display_id": "progress"})
        self.assertEqual(outputs[1][1]["data"]["text/plain"], "v2")
        self.assertEqual(outputs[2][1]["transient"], {})

    def test_rich_value_as_execute_result(self):
        code = ('class Chart { [Symbol.for("Jupyter.display")]() {\n'
                '  return { "application/vnd.vegalite.v5+json": { mark: "bar" }, "image/svg+xml": "<svg/>" }; } }\n'
                'new Chart()')
        reply, outputs = execute(self.kc, code)
        self.assertEqual(reply["status"], "ok")
        msg_type, content = outputs[-1]
        self.assertEqual(msg_type, "execute_result")
        self.assertEqual(content["data"]["application/vnd.vegalite.v5+json"], {"mark": "bar"})
        self.assertIn("text/plain", content["data"])

    def test_comm_info_reply(self):
        msg_id = self.kc.comm_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["msg_type"], "comm_info_reply")
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"], {"status": "ok", "comms": {}})

    def test_kernel_info_versions(self):
        self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        content = reply["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["language_info"]["version"], "5.0.4")
        self.assertEqual(content["implementation"], "torchlab")
        self.assertIn("Node.js v", content["banner"])
        # What bench/kernel_start.js splits an idle kernel's memory by: the main thread's JavaScript
        # heap is part of the process's resident memory.
        memory = content["torchlab"]["memory"]
        self.assertGreater(memory["heap_mb"], 0)
        self.assertGreater(memory["rss_mb"], memory["heap_mb"])


class TorchlabRestartTests(unittest.TestCase):
    def test_restart_forgets_state_and_reruns_prelude(self):
        km, kc = shared_kernel()
        execute(kc, "const before = 1;")
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        reply, outputs = execute(kc, "typeof before")
        self.assertEqual(reply["status"], "error")  # unknown to the type checker of the new session
        self.assertIn("before", reply["evalue"])
        reply, outputs = execute(kc, "typeof display")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(outputs[-1][1]["data"]["text/plain"], "'function'")


if __name__ == "__main__":
    unittest.main()
