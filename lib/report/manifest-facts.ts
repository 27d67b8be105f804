/**
 * What the front page shows of a manifest: its seeds and the sha256 it records, found by
 * key anywhere in the JSON (the stages' manifests differ in shape).
 */

export interface ManifestFact {
  /** Where in the manifest, e.g. `inputs[0].files[0].sha256`. */
  field: string;
  value: string;
}

export interface ManifestFacts {
  seeds: ManifestFact[];
  sha256: ManifestFact[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

const childField = (parent: string, key: string) =>
  /^[A-Za-z_$][\w$]*$/.test(key)
    ? parent === ""
      ? key
      : `${parent}.${key}`
    : `${parent}[${JSON.stringify(key)}]`;

/** Seeds (keys named `seed`, any case) and sha256 digests (keys containing `sha256`). */
export function manifestFacts(manifest: unknown): ManifestFacts {
  const facts: ManifestFacts = { seeds: [], sha256: [] };
  const visit = (value: unknown, field: string, key: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${field}[${i}]`, key));
      return;
    }
    if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) visit(v, childField(field, k), k);
      return;
    }
    const lower = key.toLowerCase();
    if (lower === "seed" && (typeof value === "number" || typeof value === "string")) {
      facts.seeds.push({ field, value: String(value) });
    } else if (lower.includes("sha256") && typeof value === "string" && SHA256_HEX.test(value)) {
      facts.sha256.push({ field, value: value.toLowerCase() });
    }
  };
  visit(manifest, "", "");
  return facts;
}

/** The distinct seed values, in first-seen order. */
export const distinctSeeds = (facts: ManifestFacts): string[] => [
  ...new Set(facts.seeds.map((s) => s.value)),
];
