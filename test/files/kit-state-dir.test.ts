// Where the kit keeps what it wrote: the XDG base-directory defaults, asserted as released.
import assert from "node:assert/strict";
import { homedir } from "node:os";
import { test } from "node:test";
import { kitStateDir } from "../../lib/files/index";

test("state folder: T3KIT_STATE_DIR, else $XDG_STATE_HOME/t3kit, else ~/.local/state/t3kit", () => {
  assert.equal(kitStateDir({ T3KIT_STATE_DIR: "/s", XDG_STATE_HOME: "/x" }), "/s");
  assert.equal(kitStateDir({ XDG_STATE_HOME: "/x" }), "/x/t3kit");
  assert.equal(kitStateDir({}), `${homedir()}/.local/state/t3kit`);
});
