/**
 * Chinese identifier toolkit: validators and parsers for 统一社会信用代码, 组织机构代码,
 * 居民身份证号码 and 工商注册号, a free-text finder and display masking. Pure functions, no
 * runtime dependencies, safe in pages, content scripts and service workers.
 *
 * @example
 * ```ts
 * import { findIdentifiers, isValidUscc, maskIdCard } from '@xinjian/sdk/identifiers';
 * isValidUscc('91110000600037341L'); // true
 * ```
 */
export type { IdentifierKind, LocalizedText } from '../core/schemas.ts';
export type { FindIdentifiersOptions, IdentifierMatch } from './find.ts';
export { findIdentifiers } from './find.ts';
export type {
  IdCardFailureReason,
  IdCardParseFailure,
  IdCardParseOptions,
  IdCardParseResult,
  IdCardParseSuccess,
} from './idcard.ts';
export { computeIdCardCheckChar, isValidIdCard, parseIdCard } from './idcard.ts';
export { maskIdCard, maskName } from './mask.ts';
export { normalizeIdentifier } from './normalize.ts';
export type {
  OrgCodeFailureReason,
  OrgCodeParseFailure,
  OrgCodeParseResult,
  OrgCodeParseSuccess,
  OrgCodeWarning,
} from './orgcode.ts';
export { computeOrgCodeCheckChar, isValidOrgCode, parseOrgCode } from './orgcode.ts';
export type { RegNoFailureReason, RegNoParseFailure, RegNoParseResult, RegNoParseSuccess } from './regno.ts';
export { computeRegNoCheckDigit, isValidRegNo, parseRegNo } from './regno.ts';
export type {
  CodeLabel,
  UsccFailureReason,
  UsccParseFailure,
  UsccParseResult,
  UsccParseSuccess,
  UsccWarning,
} from './uscc.ts';
export { computeUsccCheckChar, isValidUscc, parseUscc, USCC_CHARSET, USCC_WARNING_MESSAGES } from './uscc.ts';
