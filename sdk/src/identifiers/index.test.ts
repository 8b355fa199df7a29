import { describe, expect, expectTypeOf, it } from 'vitest';
import * as identifiers from './index.ts';

describe('identifiers public surface', () => {
  it('exports exactly the documented runtime API', () => {
    expect(Object.keys(identifiers).sort()).toEqual([
      'USCC_CHARSET',
      'USCC_WARNING_MESSAGES',
      'computeIdCardCheckChar',
      'computeOrgCodeCheckChar',
      'computeRegNoCheckDigit',
      'computeUsccCheckChar',
      'findIdentifiers',
      'isValidIdCard',
      'isValidOrgCode',
      'isValidRegNo',
      'isValidUscc',
      'maskIdCard',
      'maskName',
      'normalizeIdentifier',
      'parseIdCard',
      'parseOrgCode',
      'parseRegNo',
      'parseUscc',
    ]);
  });

  it('narrows parse results on ok', () => {
    const r = identifiers.parseUscc('91110000600037341L');
    if (r.ok) expectTypeOf(r).toEqualTypeOf<identifiers.UsccParseSuccess>();
    else expectTypeOf(r.reason).toEqualTypeOf<identifiers.UsccFailureReason>();
    expectTypeOf<identifiers.IdentifierKind>().toEqualTypeOf<'uscc' | 'org_code' | 'reg_no' | 'id_card'>();
    expect(r.ok).toBe(true);
  });
});
