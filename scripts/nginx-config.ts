/**
 * npm run nginx-config — print an nginx `server { … }` block for the built
 * site: security headers (the same Content-Security-Policy the pages carry),
 * cache lifetimes, Pagefind's MIME types, gzip, the sub-path. Built from
 * src/core/security.ts, so it always matches what the pages need.
 *
 *   npm run nginx-config -- --base /zwgk/czzj/ --root /var/www/juesuan --server-name www.example.gov.cn > juesuan.conf
 *
 * --base         the SITE_BASE the site was built with (default: $SITE_BASE or /)
 * --root         the folder on the server holding the contents of dist/ (default: /var/www/juesuan)
 * --server-name  nginx server_name (default: _)
 */
import { parseArgs } from 'node:util';
import { nginxConfig } from '../src/core/security.ts';

try {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: process.env.SITE_BASE ?? '/' },
      root: { type: 'string', default: '/var/www/juesuan' },
      'server-name': { type: 'string', default: '_' },
    },
  });
  if (!values.root.startsWith('/')) throw new Error(`--root 应为绝对路径 / --root must be an absolute path: ${values.root}`);
  if (!/^[\w\-/.]*$/.test(values.base) || values.base.includes('..')) throw new Error(`--base 只能含字母、数字、- _ . / / --base may hold letters, digits, - _ . / only: ${values.base}`);
  process.stdout.write(nginxConfig({ base: values.base, root: values.root, serverName: values['server-name'] }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
