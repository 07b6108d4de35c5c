/**
 * How `npm run lab` (src/cli/lab.ts) starts JupyterLab from the project's .venv, as pure
 * functions: its command line, and the settings the project's own JupyterLab starts with
 * (`npm run setup` writes them into .venv; the user's other JupyterLabs are not touched).
 */

/**
 * Settings defaults of the project's JupyterLab: no "get notified about official Jupyter news?"
 * pop-up on the first screen, and no news or update requests to the internet (the workspace
 * works offline). A user can still turn either on in Settings, Notifications.
 */
export const LAB_SETTINGS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
};

/**
 * The arguments of `jupyter lab` for `npm run lab`, and the lines to tell the user about them:
 * the notebooks folder, the project's kernel as default, then the user's own arguments; as root
 * (uid 0, usual in containers) `--allow-root` too, which JupyterLab otherwise demands before it
 * starts, said in one line.
 * @example labArguments(["--port=8899"], 1000, "/p/notebooks", "selloff-lab").args // => ["lab", "--notebook-dir=/p/notebooks", "--MappingKernelManager.default_kernel_name=selloff-lab", "--port=8899"]
 * @example labArguments([], 0, "/p/notebooks", "selloff-lab").args.at(-1) // => "--allow-root"
 * @example labArguments(["--allow-root"], 0, "/p/notebooks", "selloff-lab").notices // => []
 */
export function labArguments(extra: readonly string[], uid: number | undefined, notebookDir: string, kernel: string): { args: string[]; notices: string[] } {
  const args = ["lab", `--notebook-dir=${notebookDir}`, `--MappingKernelManager.default_kernel_name=${kernel}`, ...extra];
  const notices: string[] = [];
  if (uid === 0 && !extra.includes("--allow-root")) {
    args.push("--allow-root");
    notices.push("lab: running as root (uid 0), so JupyterLab is started with --allow-root (it refuses to start as root otherwise)");
  }
  return { args, notices };
}
