/**
 * .npy format versions 2.0 and 3.0 (a 4-byte header length, the header from byte 12) read
 * as numpy writes them, and Fortran-ordered arrays refused rather than read as C order.
 * Debian's python3-numpy writes the files (numpy.lib.format.write_array with version=).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { parseNpy } from "../../lib/probing/index";
import { runPython } from "../oracle/run-python";

test(".npy versions 1, 2 and 3 read alike; a Fortran-ordered array is refused, naming the file", () => {
  const dir = mkdtempSync(join(tmpdir(), "t3kit-npy-versions-"));
  try {
    runPython(`import numpy as np
from numpy.lib import format as f
a = (np.arange(12, dtype=np.float32).reshape(3, 4) - 5.5) / 3
for v in [(1, 0), (2, 0), (3, 0)]:
    with open(${JSON.stringify(dir)} + "/v%d.npy" % v[0], "wb") as out:
        f.write_array(out, a, version=v)
# A version 2 header longer than 65535 bytes (what version 2 exists for): numpy reads it back.
h = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }"
n = 70016 - 12
h = (h + " " * (n - len(h) - 1) + chr(10)).encode("latin1")
import struct
with open(${JSON.stringify(dir)} + "/long.npy", "wb") as out:
    out.write(bytes([0x93]) + b"NUMPY" + bytes([2, 0]) + struct.pack("<I", len(h)) + h + a.tobytes())
assert (np.load(${JSON.stringify(dir)} + "/long.npy", max_header_size=100000) == a).all()
with open(${JSON.stringify(dir)} + "/fortran.npy", "wb") as out:
    f.write_array(out, np.asfortranarray(a), version=(1, 0))
`);
    const want = Array.from({ length: 12 }, (_, i) => Math.fround((i - 5.5) / 3));
    for (const v of [1, 2, 3]) {
      const bytes = readFileSync(join(dir, `v${v}.npy`));
      assert.equal(bytes[6], v, `numpy wrote version ${v}`);
      const t = parseNpy(bytes, `v${v}.npy`);
      assert.deepEqual(t.shape, [3, 4], `v${v}`);
      assert.deepEqual([...t.data], want, `v${v}`);
    }
    const long = parseNpy(readFileSync(join(dir, "long.npy")), "long.npy");
    assert.deepEqual([long.shape, [...long.data]], [[3, 4], want], "a 70 kB version 2 header");
    // Version 2: the 4-byte length at offset 8, the header from offset 12.
    const v2 = readFileSync(join(dir, "v2.npy"));
    assert.equal((12 + v2.readUInt32LE(8)) % 64, 0, "data aligned after a 12-byte preamble");
    const fortran = join(dir, "fortran.npy");
    assert.throws(
      () => parseNpy(readFileSync(fortran), fortran),
      (e: Error) => e.message.includes(fortran) && /fortran/i.test(e.message),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
