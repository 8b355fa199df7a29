import { describe, expect, it } from 'vitest';
import type { PageSubject } from '../model.ts';
import { cleanDeep, cleanPageSubjects, isIdNumberCode, pageKey } from './personal-check.ts';

const ID = '330110199209219966';
const subject = (patch: Partial<PageSubject>): PageSubject => ({
  key: 'k',
  code: null,
  invalid: null,
  name: null,
  role: 'bidder',
  consortium: null,
  ...patch,
});

describe('the personal-data check on content-script subjects', () => {
  it('masks an ID number inside a bidder name and its key, and maps the key back for the tab', () => {
    const name = `张三（${ID}）经营部`;
    const [s] = cleanPageSubjects(1, [subject({ key: `name:${name}`, name })]);
    expect(s?.name).toBe('张三（330***********9966）经营部');
    expect(s?.key).toBe('name:张三（330***********9966）经营部');
    expect(JSON.stringify(s)).not.toContain(ID);
    expect(pageKey(1, s?.key ?? '')).toBe(`name:${name}`);
    expect(pageKey(2, s?.key ?? '')).toBe(s?.key);
  });

  it('never sends an ID number labelled as a company code', () => {
    for (const value of [ID, '３３０１１０１９９２０９２１９９６６', '330110 19920921 9966']) {
      const [s] = cleanPageSubjects(1, [subject({ code: { kind: 'uscc', value } })]);
      expect(s?.code).toBeNull();
      expect(s?.invalid?.raw).toBe('330***********9966');
      expect(s?.invalid?.message.zh).toMatch(/居民身份证号码/);
    }
    const [company] = cleanPageSubjects(1, [
      subject({ code: { kind: 'uscc', value: '91110000600037341L' } }),
    ]);
    expect(company?.code).toEqual({ kind: 'uscc', value: '91110000600037341L' });
    expect(isIdNumberCode('91110000600037341L')).toBe(false);
  });

  it('strips bidi and zero-width controls from names and page facts', () => {
    const [s] = cleanPageSubjects(1, [subject({ name: '某某\u202e司公限有\u202c建设' })]);
    expect(s?.name).toBe('某某司公限有建设');
    expect(cleanDeep({ buyer: { value: `采购人\u200b${ID}` } })).toEqual({
      buyer: { value: '采购人330***********9966' },
    });
  });

  it("keeps a page's 序号 cleaned and short, and drops anything else sent as one", () => {
    const [plain, controls, long, notText] = cleanPageSubjects(1, [
      subject({ rowNo: '3' }),
      subject({ rowNo: '\u202e3-1\u200b' }),
      subject({ rowNo: ID }),
      subject({ rowNo: 7 as unknown as string }),
    ]);
    expect(plain?.rowNo).toBe('3');
    expect(controls?.rowNo).toBe('3-1');
    expect(long && 'rowNo' in long).toBe(false);
    expect(JSON.stringify(long)).not.toContain(ID);
    expect(notText && 'rowNo' in notText).toBe(false);
  });
});
