import type { FrontPage } from "./write-front-page";

/** The line `t3kit report` prints: where the page is and how many stages ran. */
export function frontPageLine(page: FrontPage): string {
  const ran = page.stages.filter((s) => s.status === "ran").length;
  return `${page.path} (${ran} of ${page.stages.length} stages ran)`;
}
