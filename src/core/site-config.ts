/**
 * Site settings, kept in one file: content/site.yaml (site name, the
 * organisation, the portal's 网站标识码, ICP and 公安 filing numbers for the
 * footer, a contact phone). Validated here, with file:line errors like the
 * rest of the content.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { readText, readYaml, formatContentError, type ContentError } from './load.ts';
import { CONTENT_DIR } from './paths.ts';
import { optional, text } from './schema.ts';


export const siteConfigSchema = z.strictObject({
  /** Shown in the header and in every page title, e.g. 部门决算公开. */
  siteName: text,
  /** 主办单位, shown in the footer. */
  organisation: text,
  /** One line under the site name on the home page. */
  description: optional(z.string().trim()),
  /** 网站标识码 of the government portal (ten letters or digits, e.g. 4201000001). */
  siteCode: optional(z.string().trim().regex(/^[A-Za-z0-9]{10}$/, '网站标识码应为 10 位字母或数字 / a site code has 10 letters or digits')),
  /** ICP 备案号, e.g. 鄂ICP备12345678号. */
  icp: optional(z.string().trim().regex(/ICP/, 'ICP 备案号应含 "ICP"，如 鄂ICP备12345678号 / an ICP number contains "ICP"')),
  /** 公安机关备案号, e.g. 鄂公网安备 42010202000001号. */
  police: optional(z.string().trim().regex(/公网安备/, '公安备案号应含 "公网安备" / a police filing number contains 公网安备')),
  /** Contact phone, exactly as it should be printed. */
  phone: optional(z.string().trim()),
  /**
   * 多站点联合搜索: other sites (e.g. each city's) searched together with this one
   * on its search page. `bundle` is the path of that site's pagefind/ folder on
   * the same portal host, e.g. /zwgk/wuhan/pagefind/.
   */
  portal: z
    .array(
      z.strictObject({
        name: text,
        bundle: z
          .string()
          .trim()
          .regex(/^\/(?!\/).*\/pagefind\/$/, '应为同一门户下另一网站的 pagefind 文件夹路径，以 / 开头、以 /pagefind/ 结尾，如 /zwgk/wuhan/pagefind/ / expected a path on the same host ending in /pagefind/'),
      }),
    )
    .default([]),
});
export type SiteConfig = z.output<typeof siteConfigSchema>;

/** The path of the settings file. */
export function siteConfigFile(contentDir = CONTENT_DIR): string {
  return join(contentDir, 'site.yaml');
}

/** Read and validate the site settings; problems come back as file:line errors, nothing is thrown. */
export function loadSiteConfig(file = siteConfigFile()): { config: SiteConfig | null; errors: ContentError[] } {
  const display = relative(process.cwd(), file) || file;
  const errors: ContentError[] = [];
  if (!existsSync(file)) {
    errors.push({ file: display, line: 1, field: '', message: '缺少网站设置文件 site.yaml / site.yaml is missing' });
    return { config: null, errors };
  }
  const source = readText(file, display, errors);
  const parsed =
    source === null
      ? null
      : readYaml(source, display, siteConfigSchema, errors, (issue) =>
          issue.code === 'unrecognized_keys'
            ? `未知字段 ${issue.keys.join('、')} / unknown field(s): ${issue.keys.join(', ')}`
            : issue.code === 'invalid_type' && issue.input === undefined
              ? '缺少必填字段 / required field is missing'
              : issue.message,
        );
  return { config: parsed ? parsed.data : null, errors };
}

/** The site settings, or an error listing every problem with file:line (for the build). */
export function requireSiteConfig(file = siteConfigFile()): SiteConfig {
  const { config, errors } = loadSiteConfig(file);
  if (!config || errors.length > 0) {
    throw new Error(`网站设置有误 / site settings are invalid:\n${errors.map(formatContentError).join('\n')}`);
  }
  return config;
}
