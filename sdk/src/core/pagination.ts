/**
 * Cursor pagination. A list call returns a {@link PagePromise}: await it for the first page,
 * or iterate it with `for await` to walk every item across pages.
 */
import type { APIResponseOf } from './api-promise.ts';
import { XinjianError } from './errors.ts';

/** @internal Fetches the page after `cursor` (`undefined` for the first page), with its response. */
export type PageFetcher<T> = (
  cursor: string | undefined,
) => Promise<APIResponseOf<{ data: T[]; nextCursor: string | null }>>;

/**
 * One page of a list: its items, the cursor of the next page, and a way to get it.
 *
 * @example
 * ```ts
 * let page = await client.products.list({ limit: 20 });
 * while (page.hasNextPage()) page = await page.getNextPage();
 * ```
 */
export class Page<T> implements AsyncIterable<T> {
  readonly data: T[];
  readonly nextCursor: string | null;
  /** Id of the request that fetched this page (its `X-Request-Id`). */
  readonly _requestId: string | undefined;
  readonly #fetch: PageFetcher<T>;

  /** @internal */
  constructor(
    body: { data: T[]; nextCursor: string | null },
    fetch: PageFetcher<T>,
    requestId?: string | undefined,
  ) {
    this.data = body.data;
    this.nextCursor = body.nextCursor;
    this._requestId = requestId;
    this.#fetch = fetch;
  }

  hasNextPage(): boolean {
    return this.nextCursor !== null && this.nextCursor !== '';
  }

  /** Fetches the next page; throws when there is none (check {@link Page.hasNextPage}). */
  async getNextPage(): Promise<Page<T>> {
    if (!this.hasNextPage() || this.nextCursor === null) {
      throw new XinjianError('No next page: check hasNextPage() before calling getNextPage().');
    }
    const r = await this.#fetch(this.nextCursor);
    return new Page(r.data, this.#fetch, r.requestId);
  }

  /** This page and every following one. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    let page: Page<T> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /**
   * Every item of this page and the following ones, in one array.
   *
   * @example
   * ```ts
   * const all = await (await client.products.list({ limit: 10 })).toArray();
   * ```
   */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }

  /** Every item of this page and the following ones. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }
}

/**
 * The first page, one `await` away, that is also an async iterable over every item. The first
 * request starts when it is awaited or iterated.
 *
 * @example
 * ```ts
 * const first = await client.products.list({ domain: 'government_procurement' });
 * for await (const product of client.products.list()) console.log(product.id);
 * ```
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  #first: Promise<APIResponseOf<Page<T>>> | undefined;

  /** @internal */
  constructor(fetch: PageFetcher<T>) {
    this.#fetch = fetch;
  }

  #raw(): Promise<APIResponseOf<Page<T>>> {
    this.#first ??= this.#fetch(undefined).then((r) => ({
      ...r,
      data: new Page(r.data, this.#fetch, r.requestId),
    }));
    return this.#first;
  }

  #page(): Promise<Page<T>> {
    return this.#raw().then((r) => r.data);
  }

  /**
   * The first page with the `Response` it came from and its request id.
   *
   * @example
   * ```ts
   * const { data: page, response, requestId } = await client.products.list().withResponse();
   * ```
   */
  withResponse(): Promise<APIResponseOf<Page<T>>> {
    return this.#raw();
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is awaited like a promise by design.
  then<R1 = Page<T>, R2 = never>(
    onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#page().then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.#page().catch(onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<Page<T>> {
    return this.#page().finally(onfinally);
  }

  /** Every page, starting with the first. */
  async *iterPages(): AsyncGenerator<Page<T>, void, undefined> {
    yield* (await this.#page()).iterPages();
  }

  /**
   * Every item of every page, in one array.
   *
   * @example
   * ```ts
   * const products = await client.products.list({ domain: 'government_procurement' }).toArray();
   * ```
   */
  async toArray(): Promise<T[]> {
    return (await this.#page()).toArray();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    yield* await this.#page();
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise';
  }
}
