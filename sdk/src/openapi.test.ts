import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, serializeOpenApiDocument } from './openapi.ts';

const committedPath = new URL('../openapi.json', import.meta.url);

describe('OpenAPI document', () => {
  it('matches the committed sdk/openapi.json', () => {
    let committed = '';
    try {
      committed = readFileSync(committedPath, 'utf8');
    } catch {
      // Missing file: the comparison below fails with the same instruction.
    }
    const fresh = serializeOpenApiDocument();
    expect(
      committed === fresh,
      'sdk/openapi.json is stale: run `npm run openapi` and commit the result',
    ).toBe(true);
  });

  it('covers every /v1 operation with bearer auth', () => {
    const doc = buildOpenApiDocument();
    const operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/v1/'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual([
      'GET /v1/account',
      'GET /v1/domains',
      'GET /v1/products',
      'GET /v1/products/{id}',
      'GET /v1/reports/{id}',
      'GET /v1/subjects',
      'POST /v1/ratings/batch',
      'POST /v1/reports',
      'POST /v1/subjects/search',
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
      description: 'An API key: `Authorization: Bearer <key>`.',
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    // The signing keys are public: a verifier needs no API key.
    expect((doc.paths['/.well-known/jwks.json'] as { get: { security: unknown } }).get.security).toEqual([]);
  });

  it('references every schema it uses and ships each referenced schema', () => {
    const text = serializeOpenApiDocument();
    const refs = new Set([...text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)].map((m) => m[1]));
    const doc = buildOpenApiDocument();
    expect([...refs].sort()).toEqual(Object.keys(doc.components.schemas).sort());
    expect(text).not.toContain('#/$defs/');
  });

  it('documents the Idempotency-Key header on report orders and problem+json errors', () => {
    const doc = buildOpenApiDocument();
    const order = doc.paths['/v1/reports']?.post as {
      parameters: unknown[];
      responses: Record<string, unknown>;
    };
    expect(order.parameters).toEqual([{ $ref: '#/components/parameters/IdempotencyKey' }]);
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
    });
    expect(Object.keys(order.responses).sort()).toEqual(
      ['200', '202', '400', '401', '402', '403', '404', '409', '422', '429', '5XX'].sort(),
    );
    expect(doc.components.responses.TooManyRequests).toMatchObject({
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
  });

  it('derives query parameters from the zod params schemas', () => {
    const doc = buildOpenApiDocument();
    const list = doc.paths['/v1/products']?.get as { parameters: unknown[] };
    expect(list.parameters).toEqual([
      expect.objectContaining({
        name: 'domain',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/DomainId' },
      }),
      expect.objectContaining({
        name: 'subjectType',
        in: 'query',
        required: false,
        schema: { $ref: '#/components/schemas/SubjectType' },
      }),
      expect.objectContaining({
        name: 'limit',
        in: 'query',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: 100 },
      }),
      expect.objectContaining({ name: 'cursor', in: 'query', required: false, schema: { type: 'string' } }),
    ]);
  });

  it('has an example on every JSON request body and every 2xx answer, each valid for its schema', () => {
    const doc = buildOpenApiDocument();
    const missing: string[] = [];
    let examples = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item) as unknown as [string, OperationLike][]) {
        const where = `${method.toUpperCase()} ${path}`;
        const body = op.requestBody?.content['application/json'];
        if (body && body.example === undefined) missing.push(`${where} request`);
        const answers = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (answers.length === 0) missing.push(`${where} has no 2xx answer`);
        for (const [status, answer] of answers) {
          const media = answer.content?.['application/json'];
          if (media?.example === undefined) missing.push(`${where} ${status}`);
          else examples++;
        }
      }
    }
    expect(missing).toEqual([]);
    expect(examples).toBeGreaterThanOrEqual(Object.keys(doc.paths).length);
    // The examples use the seed data: the demo subject the README starts with.
    expect(JSON.stringify(doc.paths['/v1/ratings/batch'])).toContain('北京市东城区澜丰信息技术有限公司');
  });

  it('states a license and servers beyond the local mock', () => {
    const doc = buildOpenApiDocument();
    expect(doc.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    const urls = doc.servers.map((s) => String(s.url));
    expect(urls.some((u) => u.startsWith('https://'))).toBe(true);
    expect(urls).toContain('http://127.0.0.1:8787');
  });
});

interface OperationLike {
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
}
