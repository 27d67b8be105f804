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
  // An explicit stack, not recursion: a deeply nested manifest must not overflow the stack.
  const stack: Array<{ value: unknown; field: string; key: string }> = [
    { value: manifest, field: "", key: "" },
  ];
  while (stack.length > 0) {
    const { value, field, key } = stack.pop()!;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({ value: value[i], field: `${field}[${i}]`, key });
      }
    } else if (typeof value === "object" && value !== null) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i];
        stack.push({ value: v, field: childField(field, k), key: k });
      }
    } else {
      const lower = key.toLowerCase();
      if (lower === "seed" && (typeof value === "number" || typeof value === "string")) {
        facts.seeds.push({ field, value: String(value) });
      } else if (lower.includes("sha256") && typeof value === "string" && SHA256_HEX.test(value)) {
        facts.sha256.push({ field, value: value.toLowerCase() });
      }
    }
  }
  return facts;
}

/** The distinct seed values, in first-seen order. */
export const distinctSeeds = (facts: ManifestFacts): string[] => [
  ...new Set(facts.seeds.map((s) => s.value)),
];
