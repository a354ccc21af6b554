"""A class on a real JupyterHub: ten students, each with a torchlab kernel (issue 14).

Run by test/hub/hub.test.ts with /usr/bin/python3, Debian's jupyterhub 3.0 (DummyAuthenticator,
SimpleLocalProcessSpawner, configurable-http-proxy, the classic notebook server), and two variables:
TORCHLAB_JUPYTER_PATH, where `torchlab install --prefix` put the kernelspec (handed to every single-user
server as JUPYTER_PATH, as a course puts a system-wide kernelspec where every user's Jupyter looks), and
TORCHLAB_HUB_MARKER, an environment variable value that every process of this hub inherits, so that
leftovers can be found (and are a failure) whoever started them.

The students do what a browser does: the Hub's REST API logs each in with a password and returns a token,
starts their server, and the single-user server's REST API and websocket start a kernel and run cells.
Figures are printed as MEASURED lines; the only assertions are on behaviour.
"""
import asyncio
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

STUDENTS = 10
PASSWORD = "course-password"
MARKER_ENV = "TORCHLAB_HUB_MARKER"
TIMEOUT = 300
# Debian's configurable-http-proxy finds its modules (commander, http-proxy) where Debian's nodejs looks;
# another Node.js (NodeSource's, as torchlab needs Node 18+) finds them only through NODE_PATH. The
# single-user servers do not inherit it (it is not in Spawner.env_keep), so kernels never see it.
DEBIAN_NODE_PATH = os.pathsep.join(p for p in (os.environ.get("NODE_PATH"), "/usr/share/nodejs") if p)

# Pairs of students train with the same seed: their kernels, running at the same time, must print the
# same losses, and different seeds different ones, which a kernel mixing up state or output would break.
TRAINING_CELL = """
torch.manual_seed({seed});
const x = torch.randn(32, 1, 8, 8);
const y = torch.randint(0, 3, [32]);
const net = new nn.Sequential(new nn.Conv2d(1, 4, 3), new nn.ReLU(), new nn.Flatten(), new nn.Linear(4 * 6 * 6, 3));
const optimizer = new optim.SGD(net.parameters(), {{lr: 0.1, momentum: 0.9}});

function train(steps: number): number[] {{
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {{
    optimizer.zero_grad();
    const loss = F.cross_entropy(net(x), y);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
    console.log(`step ${{step}} loss ${{loss.item().toFixed(6)}}`);
  }}
  return losses;
}}
train(20).length
"""


# A working kernel, for sizing: the course tutorial's Net at batch 64 (its activations and gradients stay
# in the backend's memory, which a process keeps once grown).
TUTORIAL_NET_CELL = """
const tutorialNet = new nn.Sequential(
  new nn.Conv2d(1, 32, 5, 1, 1), new nn.MaxPool2d(2), new nn.ReLU(), new nn.BatchNorm2d(32),
  new nn.Conv2d(32, 64, 3, 1, 1), new nn.ReLU(), new nn.BatchNorm2d(64), new nn.Flatten(), new nn.Linear(64 * 13 * 13, 10));
const tutorialOptimizer = new optim.SGD(tutorialNet.parameters(), {lr: 0.01, momentum: 0.9});
const images = torch.randn(64, 1, 28, 28);
const labels = torch.randint(0, 10, [64]);
let lastLoss = 0;
for (let step = 0; step < 3; step++) {
  tutorialOptimizer.zero_grad();
  const loss = F.cross_entropy(tutorialNet(images), labels);
  loss.backward();
  tutorialOptimizer.step();
  lastLoss = loss.item();
}
Number.isFinite(lastLoss)
"""


# The single-user servers' kernel manager: jupyter_client's own with its port cache off. The cache (one
# per server, on by default for tcp and not configurable) keeps a kernel's ports for its restarts, so a
# kernel whose port another process took before the kernel bound it (another server's kernel: ten
# servers pick ports at once, each from its own cache) failed "Address already in use" at every restart,
# six times in 20 s, until the restarter gave up and the server dropped the kernel: its websocket then
# closed and reopening it got HTTP 404 (1 of 8 runs under load). Uncached, a restart during the start
# takes new random ports, as the restarter's log line already claims. A course's hub wants the same.
KERNEL_MANAGER = "torchlab_hub_kernels.UncachedPortsKernelManager"
KERNEL_MANAGER_SOURCE = """
from jupyter_client.ioloop import IOLoopKernelManager
from traitlets import Bool


class UncachedPortsKernelManager(IOLoopKernelManager):
    cache_ports = Bool(False)
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measured(name, value):
    print(f"MEASURED {name}: {value}", file=sys.stderr, flush=True)


# --- processes, from /proc -------------------------------------------------------------------------


def read_proc(pid, name):
    try:
        with open(f"/proc/{pid}/{name}", "rb") as f:
            return f.read()
    except OSError:  # ended meanwhile, or not ours to read
        return b""


def all_pids():
    return [int(p) for p in os.listdir("/proc") if p.isdigit()]


def marked_pids(marker):
    """Every live process carrying the marker in its environment (zombies have an empty environ)."""
    needle = f"{MARKER_ENV}={marker}".encode()
    return [pid for pid in all_pids() if needle in read_proc(pid, "environ").split(b"\0")]


def describe(pid):
    command = read_proc(pid, "cmdline").replace(b"\0", b" ").decode(errors="replace")
    return f"{pid} {command[:160]}"


def children(pid):
    result = []
    for task in os.listdir(f"/proc/{pid}/task") if os.path.isdir(f"/proc/{pid}/task") else []:
        result += [int(c) for c in read_proc(pid, f"task/{task}/children").split()]
    return result


def process_tree(pid):
    pids = [pid]
    for child in children(pid):
        pids += process_tree(child)
    return pids


def alive(pid):
    """Running, or at least not ended: a zombie has ended (orphans here may wait for a reaper that never comes)."""
    status = read_proc(pid, "status")
    return bool(status) and b"State:\tZ" not in status


def status_field(pid, field):
    for line in read_proc(pid, "status").decode().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def memory_kb(pids):
    """(RSS, PSS) in kB summed over pids. PSS divides shared pages (node's code) among their sharers,
    so the PSS of all kernels adds up to what they take from the machine; RSS counts them in each."""
    rss = sum(status_field(pid, "VmRSS") for pid in pids)
    pss = 0
    for pid in pids:
        match = re.search(rb"^Pss:\s+(\d+)", read_proc(pid, "smaps_rollup"), re.M)
        pss += int(match.group(1)) if match else 0
    return rss, pss


def cpu_seconds(pids):
    """User and system CPU time the processes have used so far."""
    ticks = 0
    for pid in pids:
        # Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
        fields = read_proc(pid, "stat").rsplit(b")", 1)[-1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def kernel_root(kernel_id):
    """The pid `jupyter_client` launched for a kernel (torchlab's supervisor): the process whose command
    line names the kernel's connection file and whose parent's does not (the kernel itself, its child,
    names it too)."""
    needle = f"kernel-{kernel_id}.json".encode()
    named = {pid for pid in all_pids() if needle in read_proc(pid, "cmdline")}
    roots = [pid for pid in named if status_field(pid, "PPid") not in named]
    if len(roots) != 1:
        raise AssertionError(f"expected one process tree for kernel {kernel_id}, found {sorted(named)}")
    return roots[0]


def mb(kb):
    return f"{kb / 1024:.0f} MB"


# --- the hub ---------------------------------------------------------------------------------------


class Hub:
    """A JupyterHub on 127.0.0.1 whose state (database, cookie secret, students' homes) lives in `root`."""

    def __init__(self, root, marker, jupyter_path):
        self.root = root
        self.marker = marker
        self.url = f"http://127.0.0.1:{free_port()}"
        self.admin_token = uuid.uuid4().hex
        environment = {
            "JUPYTER_PATH": jupyter_path,
            MARKER_ENV: marker,
            "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",
            # Where the servers import KERNEL_MANAGER from.
            "PYTHONPATH": root,
        }
        with open(os.path.join(root, KERNEL_MANAGER.split(".")[0] + ".py"), "w") as f:
            f.write(KERNEL_MANAGER_SOURCE)
        config = f"""
c = get_config()
c.JupyterHub.bind_url = {self.url!r}
c.JupyterHub.hub_bind_url = {f"http://127.0.0.1:{free_port()}"!r}
c.ConfigurableHTTPProxy.api_url = {f"http://127.0.0.1:{free_port()}"!r}
c.JupyterHub.db_url = {"sqlite:///" + os.path.join(root, "jupyterhub.sqlite")!r}
c.JupyterHub.cookie_secret_file = {os.path.join(root, "jupyterhub_cookie_secret")!r}
c.JupyterHub.pid_file = {os.path.join(root, "jupyterhub.pid")!r}
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.DummyAuthenticator.password = {PASSWORD!r}
c.JupyterHub.spawner_class = "jupyterhub.spawner.SimpleLocalProcessSpawner"
c.SimpleLocalProcessSpawner.home_dir_template = {os.path.join(root, "home", "{username}")!r}
c.Spawner.cmd = [{sys.executable!r}, "-m", "jupyterhub.singleuser"]
# The classic notebook server refuses to run as root unless told (CI runs as root).
c.Spawner.args = {(["--allow-root"] if os.geteuid() == 0 else []) + [f"--MappingKernelManager.kernel_manager_class={KERNEL_MANAGER}"]!r}
c.Spawner.environment = {environment!r}
# Ten notebook servers starting at once on two busy cores take longer than the 30 s default.
c.Spawner.http_timeout = {TIMEOUT}
c.Spawner.start_timeout = {TIMEOUT}
c.JupyterHub.services = [{{"name": "course-admin", "api_token": {self.admin_token!r}}}]
c.JupyterHub.load_roles = [{{"name": "course-admin", "scopes": ["admin:users", "admin:servers"], "services": ["course-admin"]}}]
"""
        self.config_file = os.path.join(root, "jupyterhub_config.py")
        with open(self.config_file, "w") as f:
            f.write(config)
        self.log_file = os.path.join(root, "jupyterhub.log")
        self.process = None
        self.http = None

    async def start(self):
        """Starts the Hub and returns once its API answers (on the running event loop, which the HTTP client binds to)."""
        self.http = AsyncHTTPClient(force_instance=True, max_clients=4 * STUDENTS)
        env = {**os.environ, MARKER_ENV: self.marker, "NODE_PATH": DEBIAN_NODE_PATH}
        with open(self.log_file, "wb") as log:
            # A session of its own: signals sent to the test's process group stay with the test.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "jupyterhub", "-f", self.config_file],
                cwd=self.root,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        await self.wait_up()

    def log_tail(self, chars=6000):
        try:
            with open(self.log_file, errors="replace") as f:
                return f.read()[-chars:]
        except OSError:
            return ""

    async def request(self, path, token, method="GET", body=None, expect=(200, 201, 202, 204)):
        request = HTTPRequest(
            self.url + path,
            method=method,
            headers={"Authorization": f"token {token}"} if token else {},
            body=None if body is None else json.dumps(body),
            allow_nonstandard_methods=True,
            request_timeout=TIMEOUT,
        )
        try:
            response = await self.http.fetch(request, raise_error=False)
        except OSError as error:  # connection refused while starting
            raise ConnectionError(f"{method} {path}: {error}") from error
        if response.code not in expect:
            raise AssertionError(f"{method} {path} -> {response.code} {response.body[:500]!r}\n--- hub log ---\n{self.log_tail()}")
        return json.loads(response.body) if response.body else None

    async def wait_up(self):
        deadline = time.monotonic() + TIMEOUT
        while True:
            if self.process.poll() is not None:
                raise AssertionError(f"jupyterhub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                await self.request("/hub/api/", None)
                return
            except (ConnectionError, AssertionError, HTTPClientError):
                if time.monotonic() > deadline:
                    raise
            await asyncio.sleep(0.5)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.http:
            self.http.close()
            self.http = None


# --- a student in a browser ------------------------------------------------------------------------


class Kernel:
    """A kernel's channels over the single-user server's websocket, as JupyterLab uses them."""

    def __init__(self, url, token, hub):
        self.url = url
        self.token = token
        self.hub = hub
        self.ws = None
        self.session = uuid.uuid4().hex
        self.reconnects = 0
        self.opened = time.monotonic()

    async def connect(self):
        request = HTTPRequest(f"{self.url}?session_id={self.session}", headers={"Authorization": f"token {self.token}"}, request_timeout=TIMEOUT)
        self.ws = await websocket_connect(request)
        self.opened = time.monotonic()

    async def reconnect(self, why):
        """Reopens a websocket the server closed, as JupyterLab's KernelConnection does (up to 7 tries,
        with backoff). Notebook 6.4 closes a kernel's websocket right after opening it when the kernel
        is no longer there ("Error opening stream: HTTP 404" in its log; the one failure in 8 runs
        under load, a kernel whose restarts all failed to bind their ports: see the config above) and
        after 90 s without a pong. A reconnect under the same session id waits forever on the aborted
        handler in notebook 6.4, so each try is a new session (nothing is lost: only kernel_info is
        resent, and no cell was running)."""
        self.reconnects += 1
        if self.reconnects > 7:
            raise AssertionError(f"the kernel's websocket closed {self.reconnects} times ({why})\n--- hub log ---\n{self.hub.log_tail()}")
        measured("kernel websocket closed by the server and reopened", f"{why} (try {self.reconnects}, {self.url.rsplit('/api/', 1)[0]}, {time.monotonic() - self.opened:.1f} s after it opened)")
        await asyncio.sleep(min(2 ** (self.reconnects - 1), 10))
        self.session = uuid.uuid4().hex
        try:
            await self.connect()
        except HTTPClientError as error:
            # 404: the notebook server no longer has the kernel (its restarter gave up on a kernel that
            # kept dying); the hub's log holds the servers' and kernels' own logs, which say why.
            raise AssertionError(f"reopening the kernel's websocket ({self.url}) after it closed ({why}) failed: {error}\n--- hub log ---\n{self.hub.log_tail(20000)}") from error

    def send(self, channel, msg_type, content):
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": "student", "date": "", "version": "5.3"}
        self.ws.write_message(json.dumps({"channel": channel, "header": header, "parent_header": {}, "metadata": {}, "content": content, "buffers": []}))
        return msg_id

    async def receive(self):
        """The next message; None when the websocket closed (and has been reopened)."""
        message = await asyncio.wait_for(self.ws.read_message(), TIMEOUT)
        if message is None:
            await self.reconnect(f"close code {self.ws.close_code} {self.ws.close_reason}")
            return None
        if isinstance(message, bytes):
            raise AssertionError("unexpected binary websocket message (no cell here sends buffers)")
        return json.loads(message)

    async def call(self, msg_type, content, channel="shell"):
        """Sends a request; returns (reply, [iopub messages with it as parent]) once the reply and the idle status are in."""
        msg_id = self.send(channel, msg_type, content)
        reply, outputs, idle = None, [], False
        while reply is None or not idle:
            message = await self.receive()
            if message is None:
                # A request that changes nothing is sent again; an execution is not (its reply and
                # outputs come from the server's replay buffer).
                if msg_type == "kernel_info_request":
                    msg_id = self.send(channel, msg_type, content)
                continue
            if message["parent_header"].get("msg_id") != msg_id:
                continue
            if message["channel"] == channel and message["msg_type"].endswith("_reply"):
                reply = message
            elif message["channel"] == "iopub":
                if message["msg_type"] == "status":
                    idle = message["content"]["execution_state"] == "idle"
                else:
                    outputs.append(message)
        return reply, outputs

    async def execute(self, code):
        """Runs a cell as a notebook does; returns (reply content, iopub outputs, [text/plain of its results])."""
        reply, outputs = await self.call("execute_request", {"code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        return reply["content"], outputs, results


class Student:
    def __init__(self, hub, index):
        self.hub = hub
        self.index = index
        self.name = f"student{index:02d}"
        self.token = None
        self.kernel_id = None
        self.server_url = None
        self.kernel = None
        self.figures = {}
        self.losses = []

    async def log_in(self):
        # The Authenticator checks the password; what comes back is the student's own token.
        model = await self.hub.request(f"/hub/api/users/{self.name}/tokens", None, "POST", {"auth": {"username": self.name, "password": PASSWORD}, "note": "test login"})
        self.token = model["token"]

    async def start_server(self):
        await self.hub.request(f"/hub/api/users/{self.name}/server", self.token, "POST", {})
        deadline = time.monotonic() + TIMEOUT
        while True:
            user = await self.hub.request(f"/hub/api/users/{self.name}", self.token)
            server = user.get("servers", {}).get("")
            if server and server.get("ready"):
                self.server_url = server["url"]
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}'s server did not become ready: {user}\n{self.hub.log_tail()}")
            await asyncio.sleep(0.5)

    async def start_kernel(self):
        """Starts a torchlab kernel; records the seconds until its kernel_info reply and until it ran a first cell."""
        started = time.monotonic()
        model = await self.hub.request(f"{self.server_url}api/kernels", self.token, "POST", {"name": "torchlab"})
        self.kernel_id = model["id"]
        url = self.hub.url.replace("http", "ws", 1) + f"{self.server_url}api/kernels/{self.kernel_id}/channels"
        self.kernel = Kernel(url, self.token, self.hub)
        await self.kernel.connect()
        reply, _ = await self.kernel.call("kernel_info_request", {})
        assert reply["content"]["implementation"] == "torchlab", reply["content"]
        self.figures["kernel_info_s"] = time.monotonic() - started
        # The kernel answers kernel_info while it loads; a cell runs once the compiler and torchlab are in.
        reply, outputs, results = await self.kernel.execute("torch.ones(2).sum().item()")
        assert reply["status"] == "ok" and results == ["2.0"], (reply, outputs)
        self.figures["ready_s"] = time.monotonic() - started
        # Wall time depends on what else runs; the CPU time a start costs is what sizes a machine.
        self.figures["start_cpu_s"] = cpu_seconds(process_tree(kernel_root(self.kernel_id)))

    def seed(self):
        return self.index % (STUDENTS // 2)

    async def train(self):
        tree = process_tree(kernel_root(self.kernel_id))
        started, cpu = time.monotonic(), cpu_seconds(tree)
        reply, outputs, results = await self.kernel.execute(TRAINING_CELL.format(seed=self.seed()))
        self.figures["cell_s"] = time.monotonic() - started
        self.figures["cell_cpu_s"] = cpu_seconds(tree) - cpu
        errors = [m["content"] for m in outputs if m["msg_type"] == "error"]
        assert reply["status"] == "ok" and not errors, (self.name, reply, errors)
        stdout = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")
        self.losses = [float(v) for v in re.findall(r"^step \d+ loss (\S+)$", stdout, re.M)]
        assert len(self.losses) == 20 and results == ["20"], (self.name, stdout, results)

    async def train_tutorial_net(self):
        reply, outputs, results = await self.kernel.execute(TUTORIAL_NET_CELL)
        assert reply["status"] == "ok" and results == ["True"], (self.name, reply, outputs)

    def memory(self):
        """(RSS, PSS) of the kernel's process tree (supervisor and kernel), the supervisor's RSS, and the
        single-user server's (RSS, PSS)."""
        root = kernel_root(self.kernel_id)
        tree = [p for p in process_tree(root) if alive(p)]
        assert len(tree) == 2, f"{self.name}: expected torchlab's supervisor and its kernel, got {[describe(p) for p in tree]}"
        return memory_kb(tree), status_field(root, "VmRSS"), memory_kb([status_field(root, "PPid")])


def summary(values, unit=""):
    return f"median {statistics.median(values):.1f}{unit}, min {min(values):.1f}{unit}, max {max(values):.1f}{unit}"


class TestHub(unittest.TestCase):
    def test_a_class_of_ten(self):
        marker = os.environ[MARKER_ENV]
        jupyter_path = os.environ["TORCHLAB_JUPYTER_PATH"]
        began = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="torchlab-hub-") as root:
            hub = Hub(root, marker, jupyter_path)
            try:
                asyncio.run(self.run_class(hub))
                hub.stop()
                left = [describe(pid) for pid in self.wait_gone(marker, 30)]
                self.assertEqual(left, [], "processes left after the Hub and its servers stopped")
            finally:
                hub.stop()
                for pid in self.wait_gone(marker, 0):
                    os.kill(pid, signal.SIGKILL)
        measured("hub test wall time", f"{time.monotonic() - began:.0f} s")

    @staticmethod
    def wait_gone(marker, seconds):
        deadline = time.monotonic() + seconds
        while True:
            left = [pid for pid in marked_pids(marker) if pid != os.getpid()]
            if not left or time.monotonic() >= deadline:
                return left
            time.sleep(0.5)

    async def stop_servers(self, hub):
        # 400: the Hub has already seen the killed server end.
        await asyncio.gather(*(hub.request(f"/hub/api/users/student{i:02d}/server", hub.admin_token, "DELETE", expect=(202, 204, 400)) for i in range(STUDENTS)))
        deadline = time.monotonic() + TIMEOUT
        for i in range(STUDENTS):
            while (await hub.request(f"/hub/api/users/student{i:02d}", hub.admin_token)).get("servers"):
                self.assertLess(time.monotonic(), deadline, f"student{i:02d}'s server did not stop")
                await asyncio.sleep(0.5)

    async def run_class(self, hub):
        await hub.start()
        students = [Student(hub, i) for i in range(STUDENTS)]
        # The roster, as a course admin uploads it; then each student logs in and starts a server.
        await hub.request("/hub/api/users", hub.admin_token, "POST", {"usernames": [s.name for s in students]})
        await asyncio.gather(*(s.log_in() for s in students))
        began = time.monotonic()
        await asyncio.gather(*(s.start_server() for s in students))
        measured(f"{STUDENTS} single-user servers started (at once)", f"{time.monotonic() - began:.1f} s")

        # One kernel on a quiet hub, then the other nine at once, as a class arriving together.
        await students[0].start_kernel()
        began = time.monotonic()
        await asyncio.gather(*(s.start_kernel() for s in students[1:]))
        measured(f"{STUDENTS - 1} kernels started at once, all ready after", f"{time.monotonic() - began:.1f} s")
        for s in students:
            measured(f"{s.name} kernel start", f"kernel_info reply {s.figures['kernel_info_s']:.1f} s, first cell done {s.figures['ready_s']:.1f} s")
        measured("kernel start alone (request -> kernel_info reply / first cell done)", f"{students[0].figures['kernel_info_s']:.1f} s / {students[0].figures['ready_s']:.1f} s")
        measured(f"kernel start, {STUDENTS - 1} at once (first cell done)", summary([s.figures["ready_s"] for s in students[1:]], " s"))
        measured("kernel start CPU time (supervisor and kernel, until the first cell is done)", summary([s.figures["start_cpu_s"] for s in students], " s"))

        await asyncio.sleep(2)  # let start-up garbage settle, as an idle kernel would
        idle = [s.memory() for s in students]
        await asyncio.gather(*(s.train() for s in students))
        trained = [s.memory() for s in students]

        for s in students:
            self.assertLess(s.losses[-1], s.losses[0] * 0.8, f"{s.name}'s loss did not fall: {s.losses}")
            twin = students[(s.index + STUDENTS // 2) % STUDENTS]
            for mine, theirs in zip(s.losses, twin.losses):
                self.assertAlmostEqual(mine, theirs, delta=1e-5 * max(1, abs(mine)), msg=f"{s.name} and {twin.name} trained with one seed: {s.losses} vs {twin.losses}")
        self.assertNotEqual(students[0].losses, students[1].losses, "different seeds gave the same losses")

        measured(f"training cell (20 SGD steps, {STUDENTS} kernels at once) wall time", summary([s.figures["cell_s"] for s in students], " s"))
        measured("training cell CPU time per kernel", summary([s.figures["cell_cpu_s"] for s in students], " s"))
        for s, before, after in zip(students, idle, trained):
            measured(f"{s.name} kernel RSS/PSS", f"idle {mb(before[0][0])}/{mb(before[0][1])}, after the cell {mb(after[0][0])}/{mb(after[0][1])} (supervisor RSS {mb(after[1])})")
        for label, figures in (("idle", idle), ("after the cell", trained)):
            rss = [f[0][0] for f in figures]
            pss = [f[0][1] for f in figures]
            measured(f"kernel RSS per kernel, {label}", f"median {mb(statistics.median(rss))}, max {mb(max(rss))}; PSS median {mb(statistics.median(pss))}")
            measured(f"kernels total for {STUDENTS}, {label}", f"RSS {mb(sum(rss))}, PSS {mb(sum(pss))}")
        measured("supervisor process RSS (part of the kernel's figures)", f"median {mb(statistics.median(f[1] for f in trained))}")
        await students[0].train_tutorial_net()
        (rss, pss), _, _ = students[0].memory()
        measured(f"{students[0].name} kernel after also training the tutorial's Net (batch 64, 3 steps)", f"RSS {mb(rss)}, PSS {mb(pss)}")
        servers = [f[2] for f in trained]
        measured("single-user notebook server per student", f"RSS median {mb(statistics.median(r for r, _ in servers))}, PSS median {mb(statistics.median(p for _, p in servers))}")
        proxy = [pid for pid in marked_pids(hub.marker) if b"configurable-http-proxy" in read_proc(pid, "cmdline")]
        rss, pss = memory_kb([hub.process.pid] + proxy)
        measured("hub + proxy", f"RSS {mb(rss)}, PSS {mb(pss)}")
        for s in students:
            s.kernel.ws.close()
        # A single-user server killed outright (a spawner's last resort, the out-of-memory killer) must
        # not leave its kernel holding memory: torchlab's supervisor notices that its parent is gone.
        gone = students[-1]
        kernel_tree = process_tree(kernel_root(gone.kernel_id))
        os.kill(status_field(kernel_tree[0], "PPid"), signal.SIGKILL)
        deadline = time.monotonic() + 30
        while any(alive(pid) for pid in kernel_tree):
            self.assertLess(time.monotonic(), deadline, f"{gone.name}'s kernel outlived its killed notebook server: {[describe(p) for p in kernel_tree]}")
            await asyncio.sleep(0.5)
        measured("kernel ended after its notebook server was killed", f"{time.monotonic() - deadline + 30:.1f} s")
        # Stopping every server through the Hub, as an admin does at the end of a session, must take
        # the kernels with it (torchlab's supervisor and its kernel child included).
        await self.stop_servers(hub)


if __name__ == "__main__":
    unittest.main()
