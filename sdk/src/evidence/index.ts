/**
 * `@xinjian/sdk/evidence`: the evidence record (one schema for the extension and the CLI), its
 * RFC 8785 canonical JSON and SHA-256 digest, the one CSV writer with the formula guard, and
 * the sanitizer for invisible controls.
 *
 * @example
 * ```ts
 * import { sealEvidence, formatCsv } from '@xinjian/sdk/evidence';
 * const file = await sealEvidence(record);
 * ```
 */

export { JWKS_PATH, Jwk, Jwks, ResultSignature } from '../resources/keys.ts';
export {
  buildScreeningRecord,
  CHANNEL_PORTALS,
  type ScreeningAnswer,
  type ScreeningMode,
  type ScreeningPersonInput,
  type ScreeningRecordInput,
  type ScreeningSubjectInput,
  verdictLabel,
} from './build.ts';
export { type CsvOptions, type CsvValue, csvCell, formatCsv } from './csv.ts';
export { canonicalDigest, sha256Hex, toHex } from './digest.ts';
export { CanonicalizationError, canonicalBytes, canonicalJson } from './jcs.ts';
export { hasInvisible, sanitizeDeep, stripInvisible } from './sanitize.ts';
export {
  CANONICALIZATION,
  EVIDENCE_SCHEMA,
  EvidenceFact,
  EvidenceFile,
  EvidenceFinding,
  EvidenceGroup,
  EvidenceList,
  EvidencePerson,
  EvidenceRecord,
  EvidenceSource,
  EvidenceSubject,
  HOW_TO_VERIFY,
  SignedResult,
} from './schema.ts';
export { digestMatches, pageLocation, sealEvidence } from './seal.ts';
export {
  ed25519Available,
  fromBase64Url,
  type SignatureCheck,
  type SignatureProblem,
  type SigningKey,
  signingKeyFromSeed,
  signResult,
  toBase64Url,
  verifySignature,
} from './signature.ts';
export {
  type EvidenceProblem,
  type EvidenceProblemCode,
  type EvidenceVerification,
  formatVerification,
  verifyEvidence,
} from './verify.ts';
