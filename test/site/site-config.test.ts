import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig, siteConfigFile } from '../../src/core/site-config.ts';
import { tempDir } from '../temp.ts';

function write(text: string): string {
  const file = join(tempDir('site-config-'), 'site.yaml');
  writeFileSync(file, text);
  return file;
}

describe('content/site.yaml', () => {
  it('the project\'s own settings are valid', () => {
    const { config, errors } = loadSiteConfig(siteConfigFile());
    expect(errors).toEqual([]);
    expect(config!.siteName).toBeTruthy();
  });

  it('reads every field, keeping a numeric site code as text', () => {
    const { config, errors } = loadSiteConfig(
      write('siteName: 部门决算公开\norganisation: 某市财政局\nsiteCode: 4201000001\nicp: 鄂ICP备12345678号\npolice: 鄂公网安备 42010202000001号\nphone: 027-12345678\n'),
    );
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ siteCode: '4201000001', icp: '鄂ICP备12345678号', phone: '027-12345678' });
  });

  it('reports problems with file and line', () => {
    const { config, errors } = loadSiteConfig(write('siteName: 部门决算公开\norganisation: 某市财政局\nsiteCode: 12\nicp: 备案号\nextra: 1\n'));
    expect(config).toBeNull();
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField['siteCode']!.line).toBe(3);
    expect(byField['siteCode']!.message).toContain('10 位');
    expect(byField['icp']!.line).toBe(4);
    expect(errors.some((e) => e.message.includes('extra'))).toBe(true);
    expect(errors.every((e) => e.file.endsWith('site.yaml'))).toBe(true);
  });

  it('reports a missing required field and malformed YAML', () => {
    expect(loadSiteConfig(write('siteName: 部门决算公开\n')).errors[0]!.message).toContain('缺少必填字段');
    expect(loadSiteConfig(write('siteName: [\n')).errors[0]!.message).toContain('YAML');
  });
});
