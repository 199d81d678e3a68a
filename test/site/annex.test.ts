import { describe, expect, it } from 'vitest';
import { evaluations } from '../../src/core/annex.ts';
import { bureauYear, disclosure } from './fixtures.ts';

describe('performance self-evaluations', () => {
  it('computes B ÷ A and keeps the printed rate only when it disagrees', () => {
    const data = bureauYear('2023', {
      performance: {
        department: { name: '部门整体', budget: '200.00', executed: '150.00', publishedRate: '75%', score: '95' },
        projects: [
          { name: '项目甲', budget: '100.00', executed: '90.00', publishedRate: '100%', indicators: [{ level1: '产出指标', level3: '次数', target: '4次', actual: '4次', score: '5' }] },
          { name: '项目乙', budget: '0', executed: '0' },
        ],
      },
    });
    const [dept, a, b] = evaluations(disclosure('b/2023', data));
    expect(dept!.id).toBe('perf-department');
    expect(dept!.rate).toBe('75.0%');
    expect(dept!.publishedRate).toBeUndefined();
    expect(a!.id).toBe('perf-project-1');
    expect(a!.budget).toBe('100.00');
    expect(a!.rate).toBe('90.0%');
    expect(a!.publishedRate).toBe('100%');
    expect(a!.indicators).toHaveLength(1);
    expect(b!.rate).toBe('—'); // no base
  });
});
