#!/usr/bin/python3
"""A slow network file system, for tests: a FUSE pass-through of one folder that sleeps before
every write, fsync, rename, create, link and unlink, as a busy NFS or SMB share answers them.

Usage (root, /dev/fuse, Debian's python3-fusepy; stays in the foreground until unmounted):
    slowfs.py BACKING_DIR MOUNTPOINT [--delay-ms MS] [--stats FILE]

Everything else (reads, stat, readdir) passes straight through. Several threads serve requests
at once (FUSE's default), so writes from several writer threads overlap as they would on a share.
With --stats, the number of delayed operations of each kind is written to FILE (JSON) when the
file system is unmounted, so a test can check that the delays happened.

Based on fusepy's loopback example (ISC licence).
"""
import argparse
import errno
import json
import os
import threading
import time

try:
    import fusepy as fuse  # Debian's python3-fusepy names the module so
except ImportError:  # pip's fusepy
    import fuse


class SlowPassThrough(fuse.Operations):
    """Pass-through of `root`; the operations in DELAYED sleep `delay_s` first."""

    DELAYED = ("write", "fsync", "rename", "create", "link", "unlink")

    def __init__(self, root, delay_s):
        self.root = os.path.realpath(root)
        self.delay_s = delay_s
        self.counts = {name: 0 for name in self.DELAYED}
        self.lock = threading.Lock()

    def _slow(self, name):
        with self.lock:
            self.counts[name] += 1
        time.sleep(self.delay_s)

    def _full(self, path):
        return os.path.join(self.root, path.lstrip("/"))

    def __call__(self, op, path, *args):
        # OSError carries the errno the kernel should see (ENOSPC, EROFS, ...): pass it on as is.
        try:
            return super().__call__(op, self._full(path) if path is not None else path, *args)
        except OSError as e:
            raise fuse.FuseOSError(e.errno or errno.EIO)

    def access(self, path, mode):
        if not os.access(path, mode):
            raise fuse.FuseOSError(errno.EACCES)

    chmod = os.chmod
    chown = os.chown

    def create(self, path, mode, fi=None):
        self._slow("create")
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

    def flush(self, path, fh):
        return 0  # nothing buffered here; the kernel calls fsync when the program asks for it

    def fsync(self, path, datasync, fh):
        self._slow("fsync")
        if datasync:
            os.fdatasync(fh)
        else:
            os.fsync(fh)
        return 0

    def getattr(self, path, fh=None):
        st = os.lstat(path)
        return {key: getattr(st, key) for key in (
            "st_atime", "st_ctime", "st_gid", "st_mode", "st_mtime", "st_nlink", "st_size", "st_uid")}

    getxattr = None
    listxattr = None

    def link(self, target, source):
        # fusepy passes the new name as target (already under root) and the existing one as given
        self._slow("link")
        return os.link(self._full(source), target)

    mkdir = os.mkdir
    mknod = os.mknod

    def open(self, path, flags):
        return os.open(path, flags)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(path)

    def readlink(self, path):
        return os.readlink(path)

    def release(self, path, fh):
        return os.close(fh)

    def rename(self, old, new):
        self._slow("rename")
        return os.rename(old, self._full(new))

    rmdir = os.rmdir

    def statfs(self, path):
        stv = os.statvfs(path)
        return {key: getattr(stv, key) for key in (
            "f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail", "f_ffree", "f_files", "f_flag",
            "f_frsize", "f_namemax")}

    def symlink(self, target, source):
        return os.symlink(source, target)

    def truncate(self, path, length, fh=None):
        with open(path, "r+") as f:
            f.truncate(length)

    def unlink(self, path):
        self._slow("unlink")
        return os.unlink(path)

    utimens = os.utime

    def write(self, path, data, offset, fh):
        self._slow("write")
        return os.pwrite(fh, data, offset)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backing")
    parser.add_argument("mountpoint")
    parser.add_argument("--delay-ms", type=float, default=20.0)
    parser.add_argument("--stats", help="write the counts of delayed operations here (JSON) on unmount")
    args = parser.parse_args()
    ops = SlowPassThrough(args.backing, args.delay_ms / 1000.0)
    try:
        fuse.FUSE(ops, args.mountpoint, foreground=True, nothreads=False)
    finally:
        if args.stats:
            with open(args.stats, "w") as f:
                json.dump(ops.counts, f)


if __name__ == "__main__":
    main()
