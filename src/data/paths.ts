/**
 * Where things live in the project, resolved from this file so that every entry point (the CLI
 * in dist/, vitest on src/, a notebook importing ../dist) agrees.
 */
import * as path from "node:path";

/** The project root: the folder holding package.json (this file sits in src/data/ or dist/data/). */
export const ROOT = path.resolve(__dirname, "..", "..");
export const DATA_DIR = path.join(ROOT, "data");
export const NOTEBOOKS_DIR = path.join(ROOT, "notebooks");
export const OUT_DIR = path.join(ROOT, "out");
export const VENV_DIR = path.join(ROOT, ".venv");
export const KERNEL_NAME = "selloff-lab";
export const KERNEL_DISPLAY_NAME = "TypeScript (selloff-lab)";
/** The minified plotly.js built once from the plotly.js-dist package by `npm run setup`. */
export const PLOTLY_MIN_JS = path.join(ROOT, "dist", "assets", "plotly.min.js");

/** The venv's python executable (POSIX layout; Windows is not supported by the Python side). */
export function venvPython(): string {
  return path.join(VENV_DIR, "bin", "python");
}

/** The path of `file` relative to the project root (absolute when outside it), for messages. */
export function rel(file: string): string {
  const r = path.relative(ROOT, file);
  return r.startsWith("..") || path.isAbsolute(r) ? path.resolve(file) : r.split(path.sep).join("/");
}
