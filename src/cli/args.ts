/**
 * A small command-line reader shared by the extract, add-article and accept commands: positional
 * arguments and `--name value` / `--name=value` options from a fixed list; flags without a value
 * are listed separately. Returns what is wrong instead of throwing, so each command prints its
 * usage and exits 2.
 */

/** The parsed command line. */
export interface ParsedArgs {
  positional: string[];
  options: Record<string, string>;
  flags: Set<string>;
}

/**
 * Reads `argv` against the allowed option names (taking a value) and flag names (taking none).
 * @example parseArgs(["a.txt", "--id", "x", "--excluded"], ["id"], ["excluded"]) // => { positional: ["a.txt"], options: { id: "x" }, flags: new Set(["excluded"]) }
 * @example parseArgs(["--id"], ["id"], []) // => { error: "--id needs a value" }
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flagNames: readonly string[] = []): ParsedArgs | { error: string } {
  const out: ParsedArgs = { positional: [], options: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) {
      out.positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = a.slice(2, eq === -1 ? undefined : eq);
    if (flagNames.includes(name) && eq === -1) {
      out.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) return { error: `unknown option --${name}` };
    const value = eq === -1 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined || value === "" || (eq === -1 && value.startsWith("--"))) return { error: `--${name} needs a value` };
    out.options[name] = value;
  }
  return out;
}
