"""A filesystem that forgets what was not fsync'd: a FUSE layer over a backing directory that
keeps every write in memory until the file is fsync'd, and on a `crash` command drops every
write not yet fsync'd, as a machine losing power would (the broker is SIGKILLed first).

    python lazyfs.py BACKING MOUNTPOINT CONTROL_SOCKET

Model (data only, as a journaling filesystem in ordered mode behaves for most purposes):
- write: the bytes go to the file's dirty pages (4 KiB) in memory; reads see them; the
  file's size is the larger of the synced size and the end of the last write.
- fsync / fdatasync: the file's dirty pages are written to the backing file.
- crash: dirty pages and unsynced size growth are dropped.
- Metadata (create, mkdir, unlink, rename, truncate, fallocate) goes to the backing directory
  at once and survives a crash. A truncate also drops the dirty pages past the new end.
- A write is refused with ENOSPC when the backing filesystem has not that much room left, so
  a full disk (the filler of the disk-full fault, in the backing directory) is seen.

The control socket answers one line per command: `crash` ("dropped P pages of F files"),
`stats` (dirty pages and files), `arm` (hold the next write's caller until `crash`) and
`wait-caught` ("caught" once an armed write came, within 3 s). The kernel is told not to cache attributes or directory
entries (attr_timeout=0, entry_timeout=0) and a file opened again is read anew (no
keep_cache), so a broker restarted after a crash sees only what the backing files hold.
"""

import errno
import os
import socket
import sys
import threading

import mfusepy as fuse

PAGE = 4096


class Lazy(fuse.Operations):
    use_ns = True  # times cross as nanoseconds, not floats

    def __init__(self, root):
        self.root = os.path.realpath(root)
        self.mutex = threading.Lock()
        self.dirty = {}  # path -> {page index: bytearray(PAGE)}
        self.size = {}  # path -> logical size while the file has unsynced growth
        # `arm`: the next write is held (its caller blocked) until `crash`, so a crash always
        # finds at least that write unsynced.
        self.armed = False
        self.caught = threading.Event()
        self.released = threading.Event()

    def _full(self, path):
        return os.path.join(self.root, path.lstrip("/"))

    # ---- the lazy part

    def _backing_page(self, path, index):
        with open(self._full(path), "rb") as f:
            f.seek(index * PAGE)
            data = f.read(PAGE)
        return bytearray(data.ljust(PAGE, b"\0"))

    def _logical_size(self, path):
        if path in self.size:
            return self.size[path]
        return os.lstat(self._full(path)).st_size

    def write(self, path, data, offset, fh):
        with self.mutex:
            st = os.statvfs(self.root)
            if st.f_bavail * st.f_frsize < len(data):
                raise fuse.FuseOSError(errno.ENOSPC)
            pages = self.dirty.setdefault(path, {})
            size = self._logical_size(path)
            pos = 0
            while pos < len(data):
                index, within = divmod(offset + pos, PAGE)
                page = pages.get(index)
                if page is None:
                    page = self._backing_page(path, index)
                    # Bytes past the logical end read as zeros, whatever the backing holds.
                    end = size - index * PAGE
                    if end < PAGE:
                        page[max(end, 0):] = bytes(PAGE - max(end, 0))
                    pages[index] = page
                n = min(PAGE - within, len(data) - pos)
                page[within:within + n] = data[pos:pos + n]
                pos += n
            self.size[path] = max(size, offset + len(data))
            hold = self.armed
            self.armed = False
        if hold:
            self.caught.set()
            self.released.wait(30)
        return len(data)

    def read(self, path, size, offset, fh):
        with self.mutex:
            end = min(offset + size, self._logical_size(path))
            if end <= offset:
                return b""
            with open(self._full(path), "rb") as f:
                f.seek(offset)
                out = bytearray(f.read(end - offset).ljust(end - offset, b"\0"))
            for index, page in self.dirty.get(path, {}).items():
                lo, hi = max(index * PAGE, offset), min((index + 1) * PAGE, end)
                if lo < hi:
                    out[lo - offset:hi - offset] = page[lo - index * PAGE:hi - index * PAGE]
            return bytes(out)

    def _sync(self, path):
        pages = self.dirty.pop(path, {})
        size = self.size.pop(path, None)
        if not pages and size is None:
            return
        full = self._full(path)
        fd = os.open(full, os.O_WRONLY)
        try:
            for index, page in sorted(pages.items()):
                length = min(PAGE, size - index * PAGE) if size is not None else PAGE
                if length > 0:
                    os.pwrite(fd, bytes(page[:length]), index * PAGE)
            if size is not None and os.fstat(fd).st_size < size:
                os.ftruncate(fd, size)
        finally:
            os.close(fd)

    def fsync(self, path, datasync, fh):
        with self.mutex:
            try:
                self._sync(path)
            except OSError as e:
                raise fuse.FuseOSError(e.errno) from None
        return 0

    def arm(self):
        with self.mutex:
            self.caught.clear()
            self.released.clear()
            self.armed = True
        return "armed"

    def wait_caught(self, timeout):
        return "caught" if self.caught.wait(timeout) else "not caught"

    def crash(self):
        with self.mutex:
            pages = sum(len(p) for p in self.dirty.values())
            files = len(set(self.dirty) | set(self.size))
            self.dirty.clear()
            self.size.clear()
            self.armed = False
        self.released.set()
        return f"dropped {pages} pages of {files} files"

    def stats(self):
        with self.mutex:
            return f"dirty {sum(len(p) for p in self.dirty.values())} pages of " \
                   f"{len(self.dirty)} files"

    # ---- metadata, passed through

    def getattr(self, path, fh=None):
        with self.mutex:
            st = os.lstat(self._full(path))
            attrs = {k: getattr(st, k) for k in ("st_mode", "st_nlink", "st_uid", "st_gid",
                                                 "st_size")}
            attrs.update({k: getattr(st, k + "_ns") for k in ("st_atime", "st_mtime",
                                                              "st_ctime")})
            if path in self.size:
                attrs["st_size"] = self.size[path]
            return attrs

    def truncate(self, path, length, fh=None):
        with self.mutex:
            os.truncate(self._full(path), length)
            pages = self.dirty.get(path, {})
            for index in [i for i in pages if i * PAGE >= length]:
                del pages[index]
            within = length % PAGE
            if length // PAGE in pages and within:
                pages[length // PAGE][within:] = bytes(PAGE - within)
            if path in self.size:
                self.size[path] = length
        return 0

    def fallocate(self, path, mode, offset, size, fh):
        if mode != 0:
            raise fuse.FuseOSError(errno.EOPNOTSUPP)
        with self.mutex:
            fd = os.open(self._full(path), os.O_WRONLY)
            try:
                os.posix_fallocate(fd, offset, size)
            finally:
                os.close(fd)
            if path in self.size:
                self.size[path] = max(self.size[path], offset + size)
        return 0

    def create(self, path, mode, fi=None):
        os.close(os.open(self._full(path), os.O_WRONLY | os.O_CREAT, mode))
        return 0

    def open(self, path, flags):
        if flags & os.O_TRUNC:
            self.truncate(path, 0)
        return 0

    def unlink(self, path):
        with self.mutex:
            os.unlink(self._full(path))
            self.dirty.pop(path, None)
            self.size.pop(path, None)
        return 0

    def rename(self, old, new):
        with self.mutex:
            os.rename(self._full(old), self._full(new))
            for table in (self.dirty, self.size):
                for p in [p for p in table if p == old or p.startswith(old + "/")]:
                    table[new + p[len(old):]] = table.pop(p)
        return 0

    def mkdir(self, path, mode):
        os.mkdir(self._full(path), mode)
        return 0

    def rmdir(self, path):
        os.rmdir(self._full(path))
        return 0

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._full(path))

    def statfs(self, path):
        st = os.statvfs(self._full(path))
        return {k: getattr(st, k) for k in ("f_bavail", "f_bfree", "f_blocks", "f_bsize",
                                            "f_favail", "f_ffree", "f_files", "f_flag",
                                            "f_frsize", "f_namemax")}

    def chmod(self, path, mode):
        os.chmod(self._full(path), mode)
        return 0

    def utimens(self, path, times=None):
        os.utime(self._full(path), ns=times)
        return 0

    def access(self, path, amode):
        if not os.access(self._full(path), amode):
            raise fuse.FuseOSError(errno.EACCES)
        return 0

    def flush(self, path, fh):
        return 0

    def release(self, path, fh):
        return 0

    def fsyncdir(self, path, datasync, fh):
        return 0


def serve_control(fs, path):
    if os.path.exists(path):
        os.unlink(path)
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.listen(4)
    while True:
        conn, _ = server.accept()
        with conn:
            command = conn.recv(64).decode().strip()
            if command == "crash":
                answer = fs.crash()
            elif command == "arm":
                answer = fs.arm()
            elif command == "wait-caught":
                answer = fs.wait_caught(3)
            else:
                answer = fs.stats()
            conn.sendall(answer.encode() + b"\n")


def command(control, what, timeout=10):
    """Sends `what` to a running lazyfs's control socket; its one-line answer."""
    with socket.socket(socket.AF_UNIX) as s:
        s.settimeout(timeout)
        s.connect(control)
        s.sendall(what.encode() + b"\n")
        return s.recv(256).decode().strip()


def main(backing, mountpoint, control):
    fs = Lazy(backing)
    threading.Thread(target=serve_control, args=(fs, control), daemon=True).start()
    fuse.FUSE(fs, mountpoint, foreground=True, nothreads=False, allow_other=True,
              attr_timeout=0, entry_timeout=0, negative_timeout=0)


if __name__ == "__main__":
    main(*sys.argv[1:4])
