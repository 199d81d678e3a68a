/**
 * Text order that is the same on every machine: by Unicode code point.
 * `String.prototype.localeCompare` without a locale follows the build
 * machine's LANG, so two builds of the same content could list findings,
 * bureaus or years in different orders; reproducible output sorts with this.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
