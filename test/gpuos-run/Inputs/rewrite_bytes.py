"""rewrite_bytes.py IN OUT OLD NEW: copies IN to OUT replacing the bytes OLD
by NEW (same length keeps a .npy header's size), to build malformed files."""
import sys

src, dst, old, new = sys.argv[1:5]
data = open(src, "rb").read()
if old.encode() not in data:
    raise SystemExit("%r not found in %s" % (old, src))
open(dst, "wb").write(data.replace(old.encode(), new.encode()))
