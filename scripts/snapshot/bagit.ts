/**
 * BagIt (RFC 8493) bags: writing one from a list of payload files, and
 * verifying one, naming every missing, extra or altered file.
 *
 * Layout: bagit.txt, bag-info.txt, manifest-sha256.txt,
 * tagmanifest-sha256.txt and the payload under data/. Manifest lines are
 * "<sha256>  <path>" (two spaces), sorted by path, so `sha256sum -c` checks
 * them too.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';
const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt'];

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A path in a manifest: CR, LF and % are percent-encoded (RFC 8493 §2.1.3). */
export function encodePath(path: string): string {
  return path.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}
export function decodePath(path: string): string {
  return path.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function manifestText(entries: readonly { path: string; sha256: string }[]): string {
  return [...entries]
    .sort((a, b) => byPath(a.path, b.path))
    .map((e) => `${e.sha256}  ${encodePath(e.path)}\n`)
    .join('');
}

/** bag-info.txt: "Label: value" lines in the given order; long values stay on one line. */
export function bagInfoText(info: readonly [string, string][]): string {
  return info.map(([k, v]) => `${k}: ${v.replace(/\s*\n\s*/g, ' ')}\n`).join('');
}

/** Every file under dir, as paths relative to it with "/" separators, sorted. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, prefix)).sort(byPath)) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

export interface WrittenBag {
  dir: string;
  files: number;
  bytes: number;
  /** SHA-256 of manifest-sha256.txt: it fixes every payload file. */
  manifestSha256: string;
  payloadOxum: string;
}

/**
 * Write a bag into `dir` (which must not exist yet) from payload files given
 * relative to data/. `info` comes first in bag-info.txt; Payload-Oxum is added.
 */
export function writeBag(dir: string, payload: readonly { path: string; content: Uint8Array | string }[], info: [string, string][]): WrittenBag {
  if (existsSync(dir)) throw new Error(`目标已存在 / already exists: ${dir}`);
  const entries: { path: string; sha256: string }[] = [];
  let bytes = 0;
  for (const file of payload) {
    const path = `data/${file.path}`;
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    const content = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
    bytes += content.byteLength;
    entries.push({ path, sha256: sha256(content) });
  }
  const payloadOxum = `${bytes}.${payload.length}`;
  const manifest = manifestText(entries);
  writeFileSync(join(dir, 'bagit.txt'), BAGIT_TXT);
  writeFileSync(join(dir, 'bag-info.txt'), bagInfoText([...info, ['Payload-Oxum', payloadOxum]]));
  writeFileSync(join(dir, 'manifest-sha256.txt'), manifest);
  const tags = TAG_FILES.map((name) => ({ path: name, sha256: sha256(readFileSync(join(dir, name))) }));
  writeFileSync(join(dir, 'tagmanifest-sha256.txt'), manifestText(tags));
  return { dir, files: payload.length, bytes, manifestSha256: sha256(manifest), payloadOxum };
}

export interface BagProblem {
  kind: 'missing' | 'extra' | 'altered' | 'invalid';
  path: string;
  detail?: string;
}

/** One line per problem, Chinese and English. */
export function describeProblem(p: BagProblem): string {
  switch (p.kind) {
    case 'missing':
      return `缺少文件 / missing file: ${p.path}`;
    case 'extra':
      return `多出文件（不在清单中）/ extra file not in the manifest: ${p.path}`;
    case 'altered':
      return `文件已被改动 / altered file: ${p.path}${p.detail ? `（${p.detail}）` : ''}`;
    case 'invalid':
      return `快照格式不符 / not a valid bag: ${p.path}${p.detail ? `：${p.detail}` : ''}`;
  }
}

function parseManifest(dir: string, name: string, problems: BagProblem[]): Map<string, string> | null {
  const file = join(dir, name);
  if (!existsSync(file)) {
    problems.push({ kind: 'missing', path: name });
    return null;
  }
  const entries = new Map<string, string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '') return;
      const m = /^([0-9a-f]{64})[ \t]+\*?(.+)$/.exec(line);
      if (!m) problems.push({ kind: 'invalid', path: name, detail: `第 ${i + 1} 行格式应为 "<sha256>  <路径>" / line ${i + 1} is not "<sha256>  <path>"` });
      else entries.set(decodePath(m[2]!), m[1]!);
    });
  return entries;
}

function checkEntries(dir: string, entries: Map<string, string>, problems: BagProblem[]): void {
  for (const [path, expected] of entries) {
    const file = join(dir, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      problems.push({ kind: 'missing', path });
      continue;
    }
    const actual = sha256(readFileSync(file));
    if (actual !== expected) problems.push({ kind: 'altered', path, detail: `SHA-256 应为 ${expected}，实为 ${actual} / expected ${expected}, got ${actual}` });
  }
}

/** Verify a bag: structure, tag manifest, every payload checksum, no file missing or extra, Payload-Oxum. */
export function verifyBag(dir: string): { problems: BagProblem[]; files: number } {
  const problems: BagProblem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { problems: [{ kind: 'invalid', path: dir, detail: '不是文件夹 / not a folder' }], files: 0 };
  const bagit = existsSync(join(dir, 'bagit.txt')) ? readFileSync(join(dir, 'bagit.txt'), 'utf8') : null;
  if (bagit === null) problems.push({ kind: 'missing', path: 'bagit.txt' });
  else if (!/^BagIt-Version: 1\.\d+\r?\n/.test(bagit) || !/Tag-File-Character-Encoding: UTF-8/.test(bagit)) {
    problems.push({ kind: 'invalid', path: 'bagit.txt', detail: '应含 BagIt-Version 与 Tag-File-Character-Encoding / must declare BagIt-Version and Tag-File-Character-Encoding' });
  }
  const tags = parseManifest(dir, 'tagmanifest-sha256.txt', problems);
  if (tags) checkEntries(dir, tags, problems);
  const manifest = parseManifest(dir, 'manifest-sha256.txt', problems);
  if (!manifest) return { problems, files: 0 };
  checkEntries(dir, manifest, problems);
  const present = existsSync(join(dir, 'data')) ? listFiles(dir, 'data') : [];
  for (const path of present) if (!manifest.has(path)) problems.push({ kind: 'extra', path });
  for (const path of manifest.keys()) {
    if (!path.startsWith('data/')) problems.push({ kind: 'invalid', path: 'manifest-sha256.txt', detail: `清单中的文件应在 data/ 下 / a payload file must be under data/: ${path}` });
  }
  const oxum = existsSync(join(dir, 'bag-info.txt')) ? /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(readFileSync(join(dir, 'bag-info.txt'), 'utf8')) : null;
  if (oxum) {
    const bytes = present.reduce((n, p) => n + statSync(join(dir, p)).size, 0);
    if (Number(oxum[1]) !== bytes || Number(oxum[2]) !== present.length) {
      problems.push({ kind: 'invalid', path: 'bag-info.txt', detail: `Payload-Oxum 为 ${oxum[1]}.${oxum[2]}，实际为 ${bytes}.${present.length} / Payload-Oxum does not match the payload` });
    }
  }
  return { problems, files: manifest.size };
}
