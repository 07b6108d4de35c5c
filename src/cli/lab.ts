/**
 * `npm run lab`: JupyterLab from the project's .venv, on notebooks/, with the project's tslab
 * kernel ("TypeScript (selloff-lab)") as the default. Extra arguments go to `jupyter lab`
 * (e.g. `npm run lab -- --port 8899 --no-browser`). As root it adds --allow-root and says so
 * (src/cli/lab-args.ts); the news pop-up and update checks are off by the settings `npm run setup` wrote.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { KERNEL_NAME, NOTEBOOKS_DIR, VENV_DIR } from "../data/paths";
import { labArguments } from "./lab-args";

const jupyter = path.join(VENV_DIR, "bin", "jupyter");
const { args, notices } = labArguments(process.argv.slice(2), process.getuid?.(), NOTEBOOKS_DIR, KERNEL_NAME);
for (const line of notices) console.log(line);
const child = spawn(jupyter, args, { stdio: "inherit", env: { ...process.env, TZ: process.env.TZ ?? "UTC" } });
child.on("error", (e) => {
  console.error(`lab: could not start ${jupyter}: ${e.message} (run \`npm run setup\` first)`);
  process.exit(1);
});
child.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
