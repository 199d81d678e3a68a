/**
 * npm run snapshot:verify -- <bag folder or .zip>
 *
 * Checks a snapshot: bagit.txt, the tag manifest, every payload file's
 * SHA-256, that no file is missing or extra, and Payload-Oxum. Names each
 * problem (Chinese and English) and exits 1 when there is any.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describeProblem, verifyBag } from './snapshot/bagit.ts';

/** Unpack a zipped bag into a temporary folder; returns the bag folder inside it. */
function unpack(file: string): { dir: string; cleanup: () => void } {
  const tmp = mkdtempSync(join(tmpdir(), 'jsgk-verify-'));
  const entries = unzipSync(readFileSync(file));
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const target = resolve(tmp, name);
    if (!target.startsWith(tmp + '/')) throw new Error(`归档中的路径不安全 / unsafe path in the archive: ${name}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  const top = readdirSync(tmp);
  return { dir: top.length === 1 ? join(tmp, top[0]!) : tmp, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

function main(): number {
  const arg = process.argv[2];
  if (!arg) {
    console.error('用法 / usage: npm run snapshot:verify -- <快照文件夹或 .zip / bag folder or .zip>');
    return 2;
  }
  if (!existsSync(arg)) {
    console.error(`找不到快照 / not found: ${arg}`);
    return 1;
  }
  const zipped = arg.endsWith('.zip') ? unpack(arg) : undefined;
  try {
    const { problems, files } = verifyBag(zipped?.dir ?? resolve(arg));
    if (problems.length === 0) {
      console.log(`快照完整：${files} 个文件的 SHA-256 全部一致，没有缺少或多出的文件 / bag is valid: ${files} files verified`);
      return 0;
    }
    for (const p of problems) console.error(describeProblem(p));
    console.error(`快照核验未通过：${problems.length} 个问题 / bag is NOT valid: ${problems.length} problem(s)`);
    return 1;
  } finally {
    zipped?.cleanup();
  }
}

process.exitCode = main();
