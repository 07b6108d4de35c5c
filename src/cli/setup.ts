/**
 * `npm run setup`: makes the machine ready to run notebooks, idempotently.
 * 1. a project-local Python venv (.venv) with requirements.txt installed (JupyterLab, nbconvert,
 *    nbclient, plotly's JupyterLab renderer), skipped when its stamp matches. The venv is made by
 *    Python's own `venv` module, its packages installed by uv (from PyPI, a wheel with the binary
 *    inside, pinned to UV_VERSION and kept in node_modules/.cache/) and pip and setuptools from
 *    the wheels Python bundles for `ensurepip`, so it holds what `python -m venv` + pip give, a
 *    few times sooner; without uv (no pip to fetch it with, or SELLOFF_NO_UV=1) pip installs it;
 * 2. the tslab kernel registered inside that venv only (never the user's global Jupyter);
 * 3. dist/assets/plotly.min.js minified once from the plotly.js-dist package;
 * 4. the settings of the project's JupyterLab (no news pop-up, no update checks: src/lab.ts),
 *    in .venv only.
 * A second run changes nothing and takes well under a second.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME, PLOTLY_MIN_JS, ROOT, VENV_DIR, rel, venvPython } from "../data/paths";
import { writeFileAtomic } from "../data/fsutil";
import { LAB_SETTINGS } from "./lab-args";

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT });
  if (r.error) throw new Error(`setup: could not run ${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`setup: ${cmd} ${args.join(" ")} exited with ${r.status}`);
}

/** The uv release setup installs packages with (PyPI's `uv` wheel: the binary, nothing to build). */
export const UV_VERSION = "0.13.8";

/** Where the uv binary is kept: in node_modules/.cache/, which `npm ci` empties and git ignores. */
export function uvDir(): string {
  return path.join(ROOT, "node_modules", ".cache", "selloff-lab", `uv-${UV_VERSION}`);
}

/**
 * The uv binary, installed from PyPI into uvDir() on first use with the machine's pip
 * (`python -m pip install --target`); null when that cannot be done (no pip, no network) or
 * SELLOFF_NO_UV is set, and setup falls back to pip.
 */
export function bootstrapUv(python: string): string | null {
  if (process.env.SELLOFF_NO_UV) return null;
  const dir = uvDir();
  const bin = path.join(dir, "bin", "uv");
  if (fs.existsSync(bin)) return bin;
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const r = spawnSync(python, ["-m", "pip", "install", "--disable-pip-version-check", "-q", "--no-warn-script-location", "--target", tmp, `uv==${UV_VERSION}`], { cwd: ROOT, stdio: ["ignore", "inherit", "pipe"], encoding: "utf8" });
  if (r.error || r.status !== 0 || !fs.existsSync(path.join(tmp, "bin", "uv"))) {
    fs.rmSync(tmp, { recursive: true, force: true });
    const why = r.error?.message ?? (r.stderr || "").trim().split("\n").pop() ?? `exit ${r.status}`;
    console.log(`setup: uv ${UV_VERSION} could not be installed (${why}); installing with pip instead`);
    return null;
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return bin;
}

/**
 * What `python -m venv` installs besides the venv itself: pip and setuptools at the versions of
 * the wheels Python bundles for ensurepip, as uv arguments (`--find-links` to that folder and
 * `name==version`), or [] when this Python has no such folder.
 */
function ensurepipPackages(python: string): string[] {
  const r = spawnSync(python, ["-c", "import ensurepip, os; print(os.path.join(os.path.dirname(ensurepip.__file__), '_bundled'))"], { encoding: "utf8" });
  const dir = r.status === 0 ? r.stdout.trim() : "";
  if (!dir || !fs.existsSync(dir)) return [];
  const pins = fs
    .readdirSync(dir)
    .map((f) => /^(pip|setuptools)-([^-]+)-.*\.whl$/.exec(f))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}==${m[2]}`)
    .sort();
  return pins.length > 0 ? ["--find-links", dir, ...pins] : [];
}

/** Creates .venv and installs requirements.txt unless the stamp says it is already done. */
export function ensureVenv(): boolean {
  const requirements = fs.readFileSync(path.join(ROOT, "requirements.txt"));
  const stampFile = path.join(VENV_DIR, ".selloff-lab-stamp");
  const want = createHash("sha256").update(requirements).digest("hex");
  if (fs.existsSync(venvPython()) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === want) {
    return false;
  }
  const python = process.env.PYTHON || "python3";
  const uv = bootstrapUv(python);
  console.log(`setup: creating ${rel(VENV_DIR)} with ${python} and installing requirements.txt${uv ? ` (uv ${UV_VERSION})` : " (pip)"}`);
  const reqs = path.join(ROOT, "requirements.txt");
  if (uv) {
    // a new venv gets pip and setuptools as `python -m venv` would (ensurepip's wheels), installed
    // by uv with the rest; an existing one keeps the pip it has
    const fresh = !fs.existsSync(venvPython());
    const seed = fresh ? ensurepipPackages(python) : [];
    if (fresh) run(python, ["-m", "venv", ...(seed.length > 0 ? ["--without-pip"] : []), VENV_DIR]);
    // never a Python that uv would download: the venv's own
    const env = { ...process.env, UV_PYTHON_DOWNLOADS: "never", UV_NO_PROGRESS: "1" };
    // --compile-bytecode: the .pyc files pip writes at install time, so the first start is as quick
    const r = spawnSync(uv, ["pip", "install", "--quiet", "--compile-bytecode", "--python", venvPython(), "-r", reqs, ...seed], { cwd: ROOT, stdio: "inherit", env });
    if (r.error || r.status !== 0) throw new Error(`setup: uv pip install -r requirements.txt exited with ${r.status ?? r.error?.message}`);
  } else {
    if (!fs.existsSync(venvPython())) run(python, ["-m", "venv", VENV_DIR]);
    run(venvPython(), ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", reqs]);
  }
  fs.writeFileSync(stampFile, want);
  return true;
}

/** The kernel spec: tslab started by the machine's node, from this project's node_modules. */
export function kernelSpec(): object {
  return {
    argv: ["node", path.join(ROOT, "node_modules", "tslab", "bin", "tslab"), "kernel", "--config-path", "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    env: { TZ: "UTC", NODE_NO_WARNINGS: "1" },
  };
}

/** Writes the kernel spec into .venv/share/jupyter/kernels/<name>/ if it differs. */
export function ensureKernel(): boolean {
  const file = path.join(VENV_DIR, "share", "jupyter", "kernels", KERNEL_NAME, "kernel.json");
  const text = JSON.stringify(kernelSpec(), null, 2) + "\n";
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, text);
  console.log(`setup: registered kernel "${KERNEL_DISPLAY_NAME}" in ${rel(file)}`);
  return true;
}

/**
 * Writes the project's JupyterLab settings defaults (src/lab.ts) into the venv's app settings,
 * as overrides.d/selloff-lab.json (the user's own overrides.json there stays theirs), if they differ.
 */
export function ensureLabSettings(): boolean {
  const file = path.join(VENV_DIR, "share", "jupyter", "lab", "settings", "overrides.d", "selloff-lab.json");
  const text = JSON.stringify(LAB_SETTINGS, null, 2) + "\n";
  if (fs.existsSync(file) && fs.readFileSync(file, "utf8") === text) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, text);
  console.log(`setup: JupyterLab settings (no news pop-up, no update checks) in ${rel(file)}`);
  return true;
}

/** Minifies plotly.js-dist once into dist/assets/plotly.min.js (keyed by plotly's version). */
export function ensurePlotlyMin(): boolean {
  const pkgDir = path.dirname(require.resolve("plotly.js-dist/package.json"));
  const version: string = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8")).version;
  const banner = `/*! plotly.js v${version} | (c) Plotly, Inc. | MIT License | minified by selloff-lab from plotly.js-dist */\n`;
  if (fs.existsSync(PLOTLY_MIN_JS)) {
    const fd = fs.openSync(PLOTLY_MIN_JS, "r");
    const head = Buffer.alloc(banner.length);
    fs.readSync(fd, head, 0, banner.length, 0);
    fs.closeSync(fd);
    if (head.toString("utf8") === banner) return false;
  }
  // esbuild is a build tool only; it is loaded lazily so that the rest of src/ never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof import("esbuild");
  const source = fs.readFileSync(path.join(pkgDir, "plotly.js"), "utf8");
  const { code } = esbuild.transformSync(source, { minify: true, legalComments: "none", charset: "utf8" });
  fs.mkdirSync(path.dirname(PLOTLY_MIN_JS), { recursive: true });
  writeFileAtomic(PLOTLY_MIN_JS, banner + code);
  console.log(`setup: wrote ${rel(PLOTLY_MIN_JS)} (${(code.length / 1e6).toFixed(2)} MB)`);
  return true;
}

export function main(): void {
  const t0 = Date.now();
  const changed = [ensureVenv(), ensureKernel(), ensureLabSettings(), ensurePlotlyMin()].some(Boolean);
  if (changed) console.log(`setup: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
