/**
 * Temporary folders for unit tests: made under the system's temporary folder
 * and removed when the test file is done (test/temp-cleanup.ts, a setup file
 * of test/vitest.config.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A new empty folder, e.g. tempDir('check-') → /tmp/check-Ab12Cd. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
