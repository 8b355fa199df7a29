/**
 * Quick start: create a client, check the account, look up ratings.
 * Run it against the mock server (`npm run mock` in the repository, or `npx xinjian-mock`):
 *   XINJIAN_BASE_URL=http://127.0.0.1:8787 XINJIAN_API_KEY=xj_demo_2b7e151628aed2a6abf71588 \
 *   node quickstart.ts
 */
import { createClient } from '@xinjian/sdk';

// XINJIAN_BASE_URL and XINJIAN_API_KEY from the environment (the mock: see the header).
const client = createClient();

const account = await client.account.retrieve();
console.log(`账户 account: ${account.name}, credits ${account.credits.remaining}`);

// Any number of codes: normalised, deduplicated, cached, sent in batches of up to 100.
const items = await client.ratings.lookup([
  '91110000561976492Q', // a clean supplier
  '91220100MA871Q8132', // on the 失信被执行人 list
  '91220100ma871q8132', // the same code again: shares the result above
  '91110000600037341N', // wrong check character
]);
for (const item of items) {
  switch (item.status) {
    case 'found': {
      const active = item.summary.lists.filter((l) => l.active && l.kind === 'black').map((l) => l.list);
      console.log(
        `${item.id} found: ${item.summary.subject.name}; black lists: ${active.join(', ') || 'none'}`,
      );
      break;
    }
    case 'invalid_identifier':
      console.log(`${item.id} invalid_identifier: expected check character ${item.expectedCheckChar}`);
      break;
    case 'error':
      console.log(`${item.id} error (unavailable, not clean): ${item.error.message}`);
      break;
    default:
      console.log(`${item.id} ${item.status}`);
  }
}

// Single lookups in the same tick are coalesced into one batch request.
const [a, b] = await Promise.all([
  client.ratings.get('91110000561976492Q'),
  client.ratings.get('91220100MA871Q8132'),
]);
console.log(`get: ${a.status}, ${b.status}`);

// Lists are async iterables across pages.
let products = 0;
for await (const product of client.products.list({ domain: 'government_procurement', limit: 2 })) {
  products += 1;
  if (products === 1) console.log(`first product: ${product.name.zh} / ${product.name.en}`);
}
console.log(`products for government procurement: ${products}`);
