/**
 * The OpenAPI 3.1 document of the public API, generated from the zod schemas (the contract) with
 * zod 4's own `z.toJSONSchema`. `sdk/scripts/openapi.ts` writes it to `sdk/openapi.json`; a test
 * fails when the committed file is stale.
 */
import { z } from 'zod';
import { Problem } from './core/schemas.ts';
import { OPERATION_EXAMPLES } from './openapi-examples.ts';
import { Account } from './resources/account.ts';
import { DomainList } from './resources/domains.ts';
import { JWKS_PATH, Jwks } from './resources/keys.ts';
import { Product, ProductListParams, ProductPage } from './resources/products.ts';
import { BatchRatingsRequest, BatchRatingsResponse } from './resources/ratings.ts';
import { Report, ReportOrder } from './resources/reports.ts';
import { SubjectSearchParams, SubjectSearchResult } from './resources/subjects.ts';

/** A JSON value as it appears in the document. */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * An OpenAPI 3.1 document as plain JSON.
 *
 * @example
 * ```ts
 * const doc: OpenApiDocument = buildOpenApiDocument();
 * doc.openapi; // '3.1.0'
 * ```
 */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: JsonObject;
  servers: JsonObject[];
  security: JsonObject[];
  tags: JsonObject[];
  paths: Record<string, JsonObject>;
  components: {
    schemas: Record<string, JsonObject>;
    securitySchemes: Record<string, JsonObject>;
    parameters: Record<string, JsonObject>;
    headers: Record<string, JsonObject>;
    responses: Record<string, JsonObject>;
  };
}

const API_VERSION = '0.1.0';
const SCHEMA_PREFIX = '#/components/schemas/';

// Schemas carry `.meta({ id })` in zod's global registry; that id is their component name.
function registeredId(schema: z.ZodType): string | undefined {
  const meta = z.globalRegistry.get(schema);
  return typeof meta?.id === 'string' ? meta.id : undefined;
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

// `io: 'input'` everywhere: clients parse responses and the server parses requests as zod
// *inputs*, and zod objects strip unknown keys instead of rejecting them.
function allComponentSchemas(): Record<string, JsonObject> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    target: 'draft-2020-12',
    uri: (id) => `${SCHEMA_PREFIX}${id}`,
  });
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = toJson(schema) as JsonObject;
    out[id] = rest;
  }
  return out;
}

function rewriteRefs(value: Json): Json {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === '$defs' || k === '$schema') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', SCHEMA_PREFIX) : rewriteRefs(v);
  }
  return out;
}

/** A reference to a registered schema, or the inline JSON Schema of an unregistered one. */
function schemaOf(schema: z.ZodType): JsonObject {
  const id = registeredId(schema);
  if (id !== undefined) return { $ref: `${SCHEMA_PREFIX}${id}` };
  return rewriteRefs(toJson(z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }))) as JsonObject;
}

function queryParameters(params: z.ZodObject, descriptions: Record<string, string>): JsonObject[] {
  return Object.entries(params.shape).map(([name, field]) => {
    const optional = field instanceof z.ZodOptional;
    const inner = optional ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    const parameter: JsonObject = { name, in: 'query', required: !optional, schema: schemaOf(inner) };
    const description = descriptions[name];
    if (description !== undefined) parameter.description = description;
    return parameter;
  });
}

function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(SCHEMA_PREFIX))
        into.add(v.slice(SCHEMA_PREFIX.length));
      else collectRefs(v, into);
    }
  }
}

// Keep only the schemas the paths reach, so the document does not depend on which other
// modules happened to register schemas in the same process.
function reachable(all: Record<string, JsonObject>, roots: Json): Record<string, JsonObject> {
  const seen = new Set<string>();
  const queue = new Set<string>();
  collectRefs(roots, queue);
  while (queue.size > 0) {
    const [id] = queue;
    if (id === undefined) break;
    queue.delete(id);
    if (seen.has(id)) continue;
    seen.add(id);
    const schema = all[id];
    if (schema === undefined) throw new Error(`OpenAPI: schema ${id} is referenced but not registered`);
    const next = new Set<string>();
    collectRefs(schema, next);
    for (const n of next) if (!seen.has(n)) queue.add(n);
  }
  const out: Record<string, JsonObject> = {};
  for (const id of [...seen].sort()) {
    const schema = all[id];
    if (schema !== undefined) out[id] = schema;
  }
  return out;
}

const ref = (kind: string, name: string): JsonObject => ({ $ref: `#/components/${kind}/${name}` });

const rateLimitHeaders: JsonObject = {
  'X-Request-Id': ref('headers', 'X-Request-Id'),
  'RateLimit-Limit': ref('headers', 'RateLimit-Limit'),
  'RateLimit-Remaining': ref('headers', 'RateLimit-Remaining'),
  'RateLimit-Reset': ref('headers', 'RateLimit-Reset'),
};

function jsonResponse(description: string, schema: z.ZodType, extraHeaders: JsonObject = {}): JsonObject {
  return {
    description,
    headers: { ...rateLimitHeaders, ...extraHeaders },
    content: { 'application/json': { schema: schemaOf(schema) } },
  };
}

/** Problem responses every authenticated operation can return. */
const commonErrors: JsonObject = {
  '401': ref('responses', 'Unauthorized'),
  '429': ref('responses', 'TooManyRequests'),
  '5XX': ref('responses', 'ServerError'),
};

function problemResponse(description: string, extraHeaders: JsonObject = {}): JsonObject {
  return {
    description,
    headers: { 'X-Request-Id': ref('headers', 'X-Request-Id'), ...extraHeaders },
    content: { 'application/problem+json': { schema: schemaOf(Problem) } },
  };
}

function header(description: string, schema: JsonObject): JsonObject {
  return { description, schema };
}

function buildPaths(): Record<string, JsonObject> {
  const idParam = (description: string): JsonObject => ({
    name: 'id',
    in: 'path',
    required: true,
    description,
    schema: { type: 'string' },
  });
  return {
    '/v1/products': {
      get: {
        operationId: 'listProducts',
        tags: ['products'],
        summary: '信用产品目录 / List credit products',
        description:
          'Cursor-paginated; pass `nextCursor` back as `cursor` until it is null. The cursor is opaque.',
        parameters: queryParameters(ProductListParams, {
          domain: 'Only products usable in this 应用目录 domain.',
          subjectType: 'Only enterprise or only individual products.',
          limit: 'Page size, 1–100, default 20.',
          cursor: 'The `nextCursor` of the previous page.',
        }),
        responses: {
          '200': jsonResponse('One page of products.', ProductPage),
          '400': ref('responses', 'BadRequest'),
          ...commonErrors,
        },
      },
    },
    '/v1/products/{id}': {
      get: {
        operationId: 'retrieveProduct',
        tags: ['products'],
        summary: '单个信用产品 / Retrieve a credit product',
        parameters: [idParam('Product id.')],
        responses: {
          '200': jsonResponse('The product.', Product),
          '404': ref('responses', 'NotFound'),
          ...commonErrors,
        },
      },
    },
    '/v1/domains': {
      get: {
        operationId: 'listDomains',
        tags: ['domains'],
        summary: '应用目录 / List the application-catalog domains',
        responses: {
          '200': jsonResponse('Every domain with its policy basis.', DomainList),
          ...commonErrors,
        },
      },
    },
    '/v1/subjects/search': {
      post: {
        operationId: 'searchSubjects',
        tags: ['subjects'],
        summary: '主体检索 / Search subjects by name or code',
        description:
          'A code (USCC, org code with or without hyphen, 15-digit 注册号) matches with confidence 1. ' +
          'Companies sharing a name are each at most 0.5 confident and `ambiguous` is true when the top candidates share a name. ' +
          'The query is a JSON body, so names read off a page never appear in a URL (server logs, proxies, browser history). ' +
          'Changes nothing: it needs no `Idempotency-Key`.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schemaOf(SubjectSearchParams) } },
        },
        responses: {
          '200': jsonResponse('Candidates, best first.', SubjectSearchResult),
          '400': ref('responses', 'BadRequest'),
          ...commonErrors,
        },
      },
    },
    '/v1/subjects': {
      get: {
        operationId: 'searchSubjectsByQuery',
        tags: ['subjects'],
        deprecated: true,
        summary: '主体检索（旧） / Search subjects by query string (deprecated)',
        description:
          'The same search as `POST /v1/subjects/search`, with the query in the URL. Deprecated: page text in a URL ' +
          'ends up in logs and proxies. Use `POST /v1/subjects/search`.',
        parameters: queryParameters(SubjectSearchParams, {
          q: 'A name, or any identifier of the subject.',
          limit: 'Maximum candidates, 1–50, default 10.',
        }),
        responses: {
          '200': jsonResponse('Candidates, best first.', SubjectSearchResult),
          '400': ref('responses', 'BadRequest'),
          ...commonErrors,
        },
      },
    },
    '/v1/ratings/batch': {
      post: {
        operationId: 'batchRatings',
        tags: ['ratings'],
        summary: '批量信用概览 / Rating summaries for up to 100 subjects',
        description:
          'One item per requested id, in request order. A malformed identifier fails its item ' +
          '(`invalid_identifier`, with the expected check character), not the batch. ' +
          'Personal ID numbers are rejected per item: personal data needs a report order with authorization.',
        requestBody: {
          required: true,
          content: { 'application/json': { schema: schemaOf(BatchRatingsRequest) } },
        },
        responses: {
          '200': jsonResponse('One result per id.', BatchRatingsResponse),
          '400': ref('responses', 'BadRequest'),
          ...commonErrors,
        },
      },
    },
    '/v1/reports': {
      post: {
        operationId: 'orderReport',
        tags: ['reports'],
        summary: '订购信用报告 / Order a credit report',
        description:
          'Asynchronous: answers 202 with a pending report; poll `GET /v1/reports/{id}` until it is ready. ' +
          'Debits the product price in credits. Personal products need the subject’s written authorization ' +
          '(征信业管理条例 第18条) and a purpose among the product’s domains. Retrying with the same ' +
          '`Idempotency-Key` and body returns the same report (200, `Idempotent-Replayed: true`).',
        parameters: [ref('parameters', 'IdempotencyKey')],
        requestBody: { required: true, content: { 'application/json': { schema: schemaOf(ReportOrder) } } },
        responses: {
          '200': jsonResponse('Idempotent replay: the report of the first request with this key.', Report, {
            'Idempotent-Replayed': ref('headers', 'Idempotent-Replayed'),
          }),
          '202': jsonResponse('The order was accepted; the report is pending.', Report),
          '400': ref('responses', 'BadRequest'),
          '402': ref('responses', 'PaymentRequired'),
          '403': ref('responses', 'Forbidden'),
          '404': ref('responses', 'NotFound'),
          '409': ref('responses', 'Conflict'),
          '422': ref('responses', 'Unprocessable'),
          ...commonErrors,
        },
      },
    },
    '/v1/reports/{id}': {
      get: {
        operationId: 'retrieveReport',
        tags: ['reports'],
        summary: '查询报告 / Retrieve a report',
        description: 'A key reads only the reports it ordered; others are 404.',
        parameters: [idParam('Report id.')],
        responses: {
          '200': jsonResponse('The report, pending, ready or failed.', Report),
          '404': ref('responses', 'NotFound'),
          ...commonErrors,
        },
      },
    },
    '/v1/account': {
      get: {
        operationId: 'retrieveAccount',
        tags: ['account'],
        summary: '账户 / The calling key’s account',
        responses: { '200': jsonResponse('Credits, rate limit and entitlements.', Account), ...commonErrors },
      },
    },
    [JWKS_PATH]: {
      get: {
        operationId: 'listSigningKeys',
        tags: ['keys'],
        summary: '签名公钥 / The public keys the service signs its answers with',
        description:
          'A JWK Set (RFC 7517) of Ed25519 keys (RFC 8037). Rating summaries and ready reports carry a ' +
          '`signature` whose `kid` names one of these keys; no API key is needed to read them.',
        security: [],
        responses: { '200': jsonResponse('The key set.', Jwks) },
      },
    },
  };
}

// The zod schemas of each operation's request body and success answer, to check its examples.
const OPERATION_SCHEMAS: Record<string, { request?: z.ZodType; response: z.ZodType }> = {
  listProducts: { response: ProductPage },
  retrieveProduct: { response: Product },
  listDomains: { response: DomainList },
  searchSubjects: { request: SubjectSearchParams, response: SubjectSearchResult },
  searchSubjectsByQuery: { response: SubjectSearchResult },
  batchRatings: { request: BatchRatingsRequest, response: BatchRatingsResponse },
  orderReport: { request: ReportOrder, response: Report },
  retrieveReport: { response: Report },
  retrieveAccount: { response: Account },
  listSigningKeys: { response: Jwks },
};

function checkedExample(operationId: string, part: 'request' | 'response'): Json {
  const example = OPERATION_EXAMPLES[operationId]?.[part];
  const schema = OPERATION_SCHEMAS[operationId]?.[part];
  if (example === undefined || schema === undefined) {
    throw new Error(`OpenAPI: ${operationId} has no ${part} example (sdk/src/openapi-examples.ts)`);
  }
  const parsed = schema.safeParse(example);
  if (!parsed.success) {
    throw new Error(
      `OpenAPI: the ${part} example of ${operationId} breaks its schema: ${parsed.error.issues
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return toJson(example);
}

// Every JSON request body and every 2xx JSON answer gets its operation's example.
function withExamples(paths: Record<string, JsonObject>): Record<string, JsonObject> {
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item) as JsonObject[]) {
      const id = String(operation.operationId);
      const body = (operation.requestBody as JsonObject | undefined)?.content as JsonObject | undefined;
      const json = body?.['application/json'] as JsonObject | undefined;
      if (json) json.example = checkedExample(id, 'request');
      for (const [status, response] of Object.entries(operation.responses as JsonObject)) {
        const content = (response as JsonObject).content as JsonObject | undefined;
        const media = content?.['application/json'] as JsonObject | undefined;
        if (/^2\d\d$/.test(status) && media) media.example = checkedExample(id, 'response');
      }
    }
  }
  return paths;
}

function buildComponents(): Omit<OpenApiDocument['components'], 'schemas'> {
  const integer = { type: 'integer', minimum: 0 };
  return {
    securitySchemes: {
      bearerAuth: {
        type: 'http',
        scheme: 'bearer',
        description: 'An API key: `Authorization: Bearer <key>`.',
      },
    },
    parameters: {
      IdempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          'One key per logical order, reused across its retries (at most 255 characters). ' +
          'The same key with a different body is 409 `idempotency_conflict`.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      },
    },
    headers: {
      'X-Request-Id': header('Identifies the request in logs and support tickets.', { type: 'string' }),
      'RateLimit-Limit': header('Requests allowed per window for this key.', integer),
      'RateLimit-Remaining': header('Requests left in the current window.', integer),
      'RateLimit-Reset': header('Seconds until the window resets.', integer),
      'Retry-After': header('Seconds to wait before retrying.', integer),
      'Idempotent-Replayed': header(
        '`true` when the response replays an earlier request with the same key.',
        {
          type: 'string',
          enum: ['true'],
        },
      ),
    },
    responses: {
      BadRequest: problemResponse(
        '`invalid_request`: a parameter, header or body failed validation; see `issues`.',
      ),
      Unauthorized: problemResponse('`unauthorized`: the API key is missing, unknown or revoked.'),
      PaymentRequired: problemResponse(
        '`insufficient_credits`: the account has too few credits for this product.',
      ),
      Forbidden: problemResponse('`not_entitled`: the key may not order this product.'),
      NotFound: problemResponse('`not_found`: no such resource (or route) for this key.'),
      Conflict: problemResponse(
        '`idempotency_conflict`: the Idempotency-Key was used with a different body.',
      ),
      Unprocessable: problemResponse(
        '`authorization_required` or `unprocessable`: the order is well-formed but cannot be accepted ' +
          '(missing authorization, purpose outside the product’s domains, wrong subject type).',
      ),
      TooManyRequests: problemResponse('`rate_limited`: wait `Retry-After` seconds.', {
        'Retry-After': ref('headers', 'Retry-After'),
        'RateLimit-Limit': ref('headers', 'RateLimit-Limit'),
        'RateLimit-Remaining': ref('headers', 'RateLimit-Remaining'),
        'RateLimit-Reset': ref('headers', 'RateLimit-Reset'),
      }),
      ServerError: problemResponse('`internal` or `unavailable`: retry with backoff.', {
        'Retry-After': ref('headers', 'Retry-After'),
      }),
    },
  };
}

/**
 * Builds the OpenAPI 3.1 document of every `/v1` operation from the SDK's zod schemas. Schemas
 * with a `.meta({ id })` become `components.schemas`; only those the paths reach are included.
 *
 * @example
 * ```ts
 * import { buildOpenApiDocument } from './openapi.ts';
 * const doc = buildOpenApiDocument();
 * Object.keys(doc.paths); // ['/v1/products', '/v1/products/{id}', ...]
 * ```
 */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths = withExamples(buildPaths());
  const components = buildComponents();
  const schemas = reachable(allComponentSchemas(), toJson({ paths, components }));
  return {
    openapi: '3.1.0',
    info: {
      title: '信鉴 Xinjian API',
      version: API_VERSION,
      summary: 'Credit products for government procurement, tendering and housing-fund lending.',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        '信用产品查询接口：政府采购、招标投标与住房公积金贷款中的信用核查。Errors are RFC 9457 ' +
        '`application/problem+json` documents with a stable `code`. Every response carries `X-Request-Id` ' +
        'and `RateLimit-*` headers.',
    },
    servers: [
      {
        url: 'https://{host}',
        description: 'A Xinjian API deployment: your provider gives you its host and an API key.',
        variables: {
          host: { default: 'api.xinjian.example', description: 'The API host, without a scheme.' },
        },
      },
      {
        url: 'http://127.0.0.1:8787',
        description: 'Local mock server (`npm run mock`, demo key `xj_demo_…`)',
      },
    ],
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'products', description: '信用产品目录 / Credit-product catalog' },
      { name: 'domains', description: '应用目录 / Application catalog' },
      { name: 'subjects', description: '主体检索 / Subject search' },
      { name: 'ratings', description: '信用概览 / Rating summaries' },
      { name: 'reports', description: '信用报告 / Credit reports' },
      { name: 'account', description: '账户 / Account' },
      { name: 'keys', description: '签名公钥 / Signing keys' },
    ],
    paths,
    components: { schemas, ...components },
  };
}

/**
 * The document as committed in `sdk/openapi.json`: pretty-printed with two spaces and a final
 * newline, so regenerating an unchanged contract gives a byte-identical file.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('sdk/openapi.json', serializeOpenApiDocument());
 * ```
 */
export function serializeOpenApiDocument(doc: OpenApiDocument = buildOpenApiDocument()): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
