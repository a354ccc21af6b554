"""One torchlab kernel shared by the classes of a test module (test_frontends.py, test_protocol.py).

CI time: a kernel start costs 5-10 s of the 2-core machine, and most test classes only need a live
kernel, not a fresh one. A class after one that left the kernel dead gets a new one.
"""
from jupyter_client.manager import start_new_kernel


class SharedKernel:
    def __init__(self, startup_timeout, until_loaded, shutdown_now):
        """until_loaded(kc) waits for the kernel's loading: it answers kernel_info while it loads."""
        self.startup_timeout = startup_timeout
        self.until_loaded = until_loaded
        self.shutdown_now = shutdown_now
        self.kernel = None

    def get(self):
        """(km, kc) of the live shared kernel, started if there is none."""
        if self.kernel is None or not self.kernel[0].is_alive():
            self.close()
            km, kc = start_new_kernel(kernel_name="torchlab", startup_timeout=self.startup_timeout)
            self.until_loaded(kc)
            self.kernel = (km, kc)
        return self.kernel

    def adopt(self, km, kc):
        """Makes a loaded kernel a test started the shared one, unless there is one; says whether it did."""
        if self.kernel is not None:
            return False
        self.kernel = (km, kc)
        return True

    def close(self):
        if self.kernel is not None:
            km, kc = self.kernel
            self.kernel = None
            kc.stop_channels()
            km.shutdown_kernel(now=self.shutdown_now)
