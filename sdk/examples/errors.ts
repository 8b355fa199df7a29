/**
 * Handle errors: classes by status, guards that survive a message boundary, text for people.
 * Run it against the mock server (`npm run mock` in the repository, or `npx xinjian-mock`):
 *   XINJIAN_BASE_URL=http://127.0.0.1:8787 XINJIAN_API_KEY=xj_demo_2b7e151628aed2a6abf71588 \
 *   node errors.ts
 */
import {
  AuthenticationError,
  createClient,
  describeError,
  isAPIError,
  isRateLimitError,
  NotFoundError,
  reviveError,
  serializeError,
} from '@xinjian/sdk';

// XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment (the mock: see the header).
const client = createClient();

// Errors are chosen by status and say what failed: status, code, method, path, request id.
try {
  await client.products.retrieve('no_such_product');
} catch (e) {
  if (e instanceof NotFoundError) console.log(`${e.name}: ${e.message}`);
  else throw e;
}

// A revoked key: 401, never retried.
try {
  await client.withOptions({ apiKey: 'xj_test_revoked' }).account.retrieve();
} catch (e) {
  if (e instanceof AuthenticationError) console.log(`${e.status} ${e.code}: ${describeError(e).zh}`);
  else throw e;
}

// 429: retried automatically (Retry-After honoured up to 60 s); with maxRetries: 0 you see it.
const limited = client.withOptions({ apiKey: 'xj_test_rate_limited', maxRetries: 0 });
try {
  for (let i = 0; i < 4; i++) await limited.account.retrieve();
} catch (e) {
  if (isRateLimitError(e)) console.log(`rate limited, retry after ${e.retryAfterMs} ms`);
  else throw e;
}

// Crossing a message boundary (chrome.runtime messages, postMessage) drops prototypes:
// send serializeError(e); the guards accept the plain copy, reviveError restores the class.
try {
  await client.products.retrieve('no_such_product');
} catch (e) {
  const plain = structuredClone(serializeError(e));
  console.log(
    `guard on the copy: ${isAPIError(plain)}; revived: ${reviveError(plain) instanceof NotFoundError}`,
  );
}
