/**
 * Issue 16, item 4: the README's commands, first thing on a fresh clone (no dist/, no out/).
 *
 * The clone: every file git would commit from this working tree (`git ls-files --cached
 * --others --exclude-standard`: tracked files and new unignored ones, as they are on disk),
 * copied to a temporary folder. Two installs are stood in for, because each needs the network
 * and ~30 s (both are exercised by .ci/run on a real clean clone):
 * - `npm ci`: node_modules is a symlink to this checkout's (installed from the same lockfile);
 * - setup's `pip install`: .venv is a hard-linked copy of this checkout's (built by setup from the
 *   same requirements.txt; its stamp makes setup skip pip), with its scripts re-pointed at the
 *   copy's python (written as new files, so the original venv is never touched), and without the
 *   kernel spec and JupyterLab settings, which the clone's setup must write itself.
 * Then each command runs there, in the order a new user would: `npm run setup` first (the one
 * that failed with MODULE_NOT_FOUND), each as cheaply as it allows: the README's one-notebook
 * example for `report`, a one-cell notebook for `refresh` and `bench`, one unit test file for
 * `test:unit`, one case of one file for `test:data`, `lab` until it answers. `npm test` itself is
 * not run here: it is the suite that runs this file (type check, build, setup, every test), and
 * .ci/run runs it on a clean clone;
 * test/unit/scripts.test.ts checks that every script, `test` included, would also work as the
 * very first command (each builds dist/ before it uses it).
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, VENV_DIR } from "../../src/data/paths";
import { makeNotebook } from "../support/files";

let scratch = "";
let clone = "";
/** The environment of every command: this one without vitest's and npm's own variables, Jupyter's folders in the scratch. */
let env: NodeJS.ProcessEnv = {};
const timings: string[] = [];

/** Runs `npm <args>` in the clone; returns its exit status and output. */
function npm(args: string[], timeout = 300_000): { status: number | null; out: string } {
  const t0 = Date.now();
  const r = spawnSync("npm", args, { cwd: clone, env, encoding: "utf8", timeout });
  timings.push(`npm ${args.join(" ")}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // colours off, and any escape codes that slip through removed, so that the output reads as text
  return { status: r.status, out: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, "") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "selloff-clone-"));
  clone = path.join(scratch, "selloff-lab");
  const files = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  if (files.status !== 0) throw new Error(`git ls-files failed: ${files.stderr}`);
  for (const f of files.stdout.split("\0").filter(Boolean)) {
    const from = path.join(ROOT, f);
    if (!fs.existsSync(from)) continue; // deleted in the working tree, not yet committed
    fs.mkdirSync(path.dirname(path.join(clone, f)), { recursive: true });
    fs.copyFileSync(from, path.join(clone, f));
  }
  // stands for `npm ci`
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"));
  // stands for setup's pip install: a hard-linked copy of the venv, scripts re-pointed
  const venv = path.join(clone, ".venv");
  const cp = spawnSync("cp", ["-al", VENV_DIR, venv]);
  if (cp.status !== 0) throw new Error(`cp -al ${VENV_DIR} failed: ${cp.stderr}`);
  const oldShebang = `#!${path.join(VENV_DIR, "bin", "python")}`;
  for (const f of fs.readdirSync(path.join(venv, "bin"))) {
    const p = path.join(venv, "bin", f);
    if (fs.lstatSync(p).isSymbolicLink()) continue;
    const text = fs.readFileSync(p, "latin1");
    if (!text.startsWith(oldShebang)) continue;
    fs.unlinkSync(p); // a new file, never the original venv's
    fs.writeFileSync(p, `#!${path.join(venv, "bin", "python")}${text.slice(oldShebang.length)}`, { encoding: "latin1", mode: 0o755 });
  }
  fs.rmSync(path.join(venv, "share", "jupyter", "kernels", "selloff-lab"), { recursive: true, force: true });
  fs.rmSync(path.join(venv, "share", "jupyter", "lab", "settings"), { recursive: true, force: true });
  // a one-cell notebook for refresh and bench (the cheapest run of the real pipeline)
  fs.writeFileSync(path.join(clone, "notebooks", "zz-one-cell.ipynb"), makeNotebook(['console.log("six times seven is", 6 * 7);']));

  env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|npm_|NODE_ENV$|INIT_CWD$)/.test(k)));
  Object.assign(env, {
    TZ: "UTC",
    FORCE_COLOR: "0",
    NO_COLOR: "1",
    JUPYTER_CONFIG_DIR: path.join(scratch, "jupyter-config"),
    JUPYTER_DATA_DIR: path.join(scratch, "jupyter-data"),
    JUPYTER_RUNTIME_DIR: path.join(scratch, "jupyter-runtime"),
    JUPYTERLAB_WORKSPACES_DIR: path.join(scratch, "jupyter-workspaces"),
    JUPYTERLAB_SETTINGS_DIR: path.join(scratch, "jupyter-settings"),
  });
});

afterAll(() => {
  console.log(`fresh clone, time per command:\n  ${timings.join("\n  ")}`);
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the README's commands on a fresh clone (issue 16)", () => {
  it("the clone starts without dist/, out/ or a kernel spec", () => {
    expect(fs.existsSync(path.join(clone, "package.json"))).toBe(true);
    for (const p of ["dist", "out", ".venv/share/jupyter/kernels/selloff-lab"]) expect(fs.existsSync(path.join(clone, p)), p).toBe(false);
  });

  it("npm run setup builds dist/, registers the kernel and writes the JupyterLab settings in the clone", () => {
    const r = npm(["run", "setup"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).not.toMatch(/MODULE_NOT_FOUND/);
    expect(fs.existsSync(path.join(clone, "dist", "index.js"))).toBe(true);
    expect(fs.existsSync(path.join(clone, "dist", "assets", "plotly.min.js"))).toBe(true);
    const spec = JSON.parse(fs.readFileSync(path.join(clone, ".venv", "share", "jupyter", "kernels", "selloff-lab", "kernel.json"), "utf8"));
    expect(spec.argv[1]).toBe(path.join(clone, "node_modules", "tslab", "bin", "tslab"));
    expect(fs.existsSync(path.join(clone, ".venv", "share", "jupyter", "lab", "settings", "overrides.d", "selloff-lab.json"))).toBe(true);
    // this checkout's venv still has its own kernel spec, pointing here
    expect(JSON.parse(fs.readFileSync(path.join(VENV_DIR, "share", "jupyter", "kernels", "selloff-lab", "kernel.json"), "utf8")).argv[1]).toBe(path.join(ROOT, "node_modules", "tslab", "bin", "tslab"));
  });

  it("npm run validate finds every data file valid", () => {
    const r = npm(["run", "validate"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/validate: all data files are valid/);
  });

  it("npm run report (the README's one-notebook example, into another folder) writes the page", () => {
    const out = path.join(scratch, "out-report");
    const r = npm(["run", "report", "--", "--timeout", "60", "--out", out, "notebooks/03-tradingkey-ai-bubble.ipynb"]);
    expect(r.status, r.out).toBe(0);
    expect(fs.existsSync(path.join(out, "notebooks", "03-tradingkey-ai-bubble.html"))).toBe(true);
    expect(fs.existsSync(path.join(out, "index.html"))).toBe(true);
  });

  it("npm run refresh writes the executed notebook back", () => {
    const r = npm(["run", "refresh", "--", "--out", path.join(scratch, "out-refresh"), "notebooks/zz-one-cell.ipynb"]);
    expect(r.status, r.out).toBe(0);
    const nb = JSON.parse(fs.readFileSync(path.join(clone, "notebooks", "zz-one-cell.ipynb"), "utf8"));
    expect(nb.cells[1].outputs[0].text.join("")).toBe("six times seven is 42\n");
  });

  it("npm run bench (one run, no tests, one one-cell notebook) prints its table and writes out/bench.json", () => {
    const r = npm(["run", "bench", "--", "--runs", "1", "--skip-tests", "notebooks/zz-one-cell.ipynb"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/selloff-lab bench: 1 run per timing/);
    const bench = JSON.parse(fs.readFileSync(path.join(clone, "out", "bench.json"), "utf8"));
    expect(bench.rows.map((row: { measure: string }) => row.measure)).toContain("full report (runReport(), temp out dir)");
  });

  it("npm run test:unit runs (one test file)", () => {
    const r = npm(["run", "test:unit", "--", "test/unit/csv.test.ts"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/Test Files +1 passed/);
  });

  it("npm run test:data runs (the mutation test's baseline case of one shard)", () => {
    const r = npm(["run", "test:data", "--", "test/data/mutation-1.test.ts", "-t", "unmutated copy"]);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/Test Files +1 passed/);
    expect(r.out).toMatch(/Tests +1 passed/);
  });

  it("npm run lab answers, says it added --allow-root when run as root, and has the news pop-up and update checks off", async () => {
    const port = await freePort();
    const token = "fresh-clone-token";
    const t0 = Date.now();
    const lab = spawn("npm", ["run", "lab", "--", "--no-browser", `--port=${port}`, "--ip=127.0.0.1", `--IdentityProvider.token=${token}`], {
      cwd: clone,
      env,
      detached: true, // its own process group: npm, node and jupyter are stopped together
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    lab.stdout!.on("data", (d) => (output += d));
    lab.stderr!.on("data", (d) => (output += d));
    try {
      const deadline = Date.now() + 120_000;
      let up = false;
      while (!up && Date.now() < deadline && lab.exitCode === null) {
        up = await fetch(`http://127.0.0.1:${port}/api/status?token=${token}`).then((r) => r.ok, () => false);
        if (!up) await new Promise((r) => setTimeout(r, 500));
      }
      timings.push(`npm run lab (until it answers): ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      expect(up, output).toBe(true);
      if (process.getuid?.() === 0) expect(output).toMatch(/^lab: running as root \(uid 0\), so JupyterLab is started with --allow-root/m);
      expect(output).not.toMatch(/Running as root is not recommended/);
      const res = await fetch(`http://127.0.0.1:${port}/lab/api/settings/@jupyterlab/apputils-extension:notification?token=${token}`);
      const props = ((await res.json()) as { schema: { properties: Record<string, { default: unknown }> } }).schema.properties;
      expect([props.fetchNews.default, props.checkForUpdates.default]).toEqual(["false", false]);
    } finally {
      // the whole group (npm, sh, node, jupyter); it may be gone already
      const stop = (sig: NodeJS.Signals) => {
        try {
          process.kill(-lab.pid!, sig);
        } catch {
          /* no such process group: everything has exited */
        }
      };
      stop("SIGTERM");
      await new Promise((r) => setTimeout(r, 2000));
      stop("SIGKILL");
    }
  });
});
