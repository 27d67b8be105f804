/**
 * The stand-in Hub in its own process for the download benchmark, serving one dataset
 * `bench/big` with one LFS file of N MB: `node --import tsx bench/hub-bench-server.ts N
 * [dropAfterBytes]`. Prints its URL on the first line; stops on SIGTERM.
 */
import { randomBytes } from "node:crypto";
import { HubStandIn, commitId } from "../test/hub/hub-stand-in";

async function main() {
  const mb = Number(process.argv[2] ?? 256);
  const drop = process.argv[3] ? Number(process.argv[3]) : undefined;
  const hub = new HubStandIn();
  hub.addRepo({
    type: "dataset",
    id: "bench/big",
    commits: new Map([
      [commitId("bench"), [{ path: "big.json", data: randomBytes(mb * 1_000_000), lfs: true }]],
    ]),
    refs: new Map([["main", commitId("bench")]]),
  });
  if (drop !== undefined) hub.bodyFaults.push({ kind: "drop", afterBytes: drop });
  process.stdout.write(`${await hub.start()}\n`);
  process.on("SIGTERM", () => hub.stop().then(() => process.exit(0)));
}
main();
