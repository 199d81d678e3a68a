/** npm run check — validate all content (placeholder until the checker lands). */
import { loadContent, formatContentError } from '../src/core/load.ts';
const { content, errors } = loadContent('content');
for (const e of errors) console.error(formatContentError(e));
console.log(`${content.bureaus.length} bureaus, ${content.years.length} bureau-years, ${errors.length} errors`);
process.exit(errors.length > 0 ? 1 : 0);
