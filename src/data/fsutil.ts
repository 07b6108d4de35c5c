/** File-system helpers that never leave a half-written file behind. */
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Writes `data` to `file` through a temporary file in the same folder and a rename, so a reader
 * sees either the old file or the new one, never a partial write.
 * The temporary file is removed if the write fails.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
