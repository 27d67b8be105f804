/**
 * Reads the slots back out of a question written from a template pool: the template
 * "When does the video show the {object}?" becomes a pattern that captures `object`.
 */

const cache = new Map<string, RegExp>();

function patternOf(template: string): RegExp {
  let re = cache.get(template);
  if (!re) {
    const body = template
      .split(/(\{\w+\})/)
      .map((part) => {
        const slot = /^\{(\w+)\}$/.exec(part);
        return slot ? `(?<${slot[1]}>.+?)` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    re = new RegExp(`^${body}$`);
    cache.set(template, re);
  }
  return re;
}

/** The slots of the first template of `pool` that `text` fits, or undefined. */
export function matchTemplate(
  pool: readonly string[],
  text: string,
): Record<string, string> | undefined {
  for (const t of pool) {
    const m = patternOf(t).exec(text);
    if (m) return { ...(m.groups ?? {}) };
  }
  return undefined;
}

/** Fills a template's `{slot}`s. */
export function fillTemplate(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => slots[k] ?? `{${k}}`);
}
