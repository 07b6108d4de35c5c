/**
 * Issue 16, item 4: every command the README lists works first thing on a fresh clone, where
 * dist/ is not built yet. The e2e test (test/integration/fresh-clone.test.ts) runs them in a
 * clean copy, one after the other; this checks the property of each script on its own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/data/paths";

const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The `npm run X` and `npm test` commands the README names, as script names. */
function readmeCommands(): string[] {
  const names = new Set<string>();
  for (const m of readme.matchAll(/\bnpm run (?:-s )?([\w:-]+)/g)) names.add(m[1]);
  if (/\bnpm test\b/.test(readme)) names.add("test");
  return [...names].sort();
}

describe("package.json scripts on a fresh clone", () => {
  it("every npm command the README names is a script", () => {
    // read by hand from README.md: the commands table and the text around it
    expect(readmeCommands()).toEqual(expect.arrayContaining(["accept", "add-article", "bench", "build", "extract", "lab", "refresh", "report", "setup", "test", "test:data", "test:unit", "typecheck", "validate"]));
    for (const name of readmeCommands()) expect(scripts[name], `npm run ${name}`).toBeDefined();
  });

  // the scripts that run something from dist/ (every one but build, typecheck, test:unit and test:data)
  const distScripts = Object.entries(scripts).filter(([, command]) => /\bdist\//.test(command));

  it("the scripts that run dist/ are the ones expected", () => {
    expect(distScripts.map(([name]) => name).sort()).toEqual(["accept", "add-article", "bench", "extract", "lab", "refresh", "report", "setup", "test", "validate"]);
  });

  it.each(distScripts)("%s builds dist/ before it runs anything from it", (_name, command) => {
    const steps = command.split("&&").map((s) => s.trim());
    const firstDist = steps.findIndex((s) => /\bdist\//.test(s));
    // "npm run -s build" keeps npm's banner off standard output (extract prints CSV there)
    const build = steps.findIndex((s) => /^npm run (-s )?build$/.test(s));
    expect(build, command).toBeGreaterThanOrEqual(0);
    expect(build, command).toBeLessThan(firstDist);
  });
});
