/**
 * What a single-request call returns: a promise of the validated data that can also give the
 * raw `Response` and the request id (`withResponse()`), the openai-node way.
 */

/**
 * A result with the id of the request that produced it (the `X-Request-Id` the API answered
 * with). The property is not enumerable: it is absent from `JSON.stringify`, `structuredClone`
 * and deep equality, so results still cross the extension's message boundary unchanged.
 *
 * @example
 * ```ts
 * const account = await client.account.retrieve();
 * console.log(account._requestId); // 'req_000042ab'
 * ```
 */
export type WithRequestId<T> = T & {
  /** Id of the request this result came from; quote it to support. Undefined for cached results. */
  readonly _requestId?: string | undefined;
};

/**
 * The data of a call with the response it came from.
 *
 * @example
 * ```ts
 * const { data, response, requestId } = await client.products.retrieve('creditchina_public_report').withResponse();
 * console.log(response.status, response.headers.get('x-ratelimit-remaining'), requestId, data.id);
 * ```
 */
export interface APIResponseOf<T> {
  data: T;
  /** The HTTP response (its body already read). */
  response: Response;
  /** The response's `X-Request-Id`. */
  requestId: string | undefined;
}

/**
 * Marks `data` with the request id as a non-enumerable `_requestId` (see {@link WithRequestId}).
 *
 * @example
 * ```ts
 * const item = attachRequestId({ id: 'x' }, 'req_1');
 * item._requestId; // 'req_1'
 * ```
 */
export function attachRequestId<T>(data: T, requestId: string | undefined): WithRequestId<T> {
  if (typeof data === 'object' && data !== null && Object.isExtensible(data)) {
    Object.defineProperty(data, '_requestId', {
      value: requestId,
      enumerable: false,
      configurable: true,
      writable: false,
    });
  }
  return data as WithRequestId<T>;
}

/**
 * A `Promise` of a call's data (marked with its request id) that also offers the response.
 *
 * @example
 * ```ts
 * const product = await client.products.retrieve('creditchina_public_report');
 * const { data, requestId } = await client.products.retrieve('creditchina_public_report').withResponse();
 * const response = await client.account.retrieve().asResponse();
 * ```
 */
export class APIPromise<T> extends Promise<WithRequestId<T>> {
  readonly #raw: Promise<APIResponseOf<T>>;
  #data: Promise<WithRequestId<T>> | undefined;

  /** @internal Use the resource methods; they build these. */
  constructor(raw: Promise<APIResponseOf<T>>) {
    // The base promise is never used: every reaction goes through `#raw` (as in openai-node).
    super((resolve) => resolve(null as never));
    this.#raw = raw;
  }

  // `then` on a subclass would otherwise construct an APIPromise through the species.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  /** @internal A call whose data is `fn` of another call's, with the same response. */
  static map<A, B>(source: Promise<APIResponseOf<A>>, fn: (data: A) => B): APIPromise<B> {
    return new APIPromise(source.then((r) => ({ ...r, data: fn(r.data) })));
  }

  /**
   * The data together with the `Response` and the request id.
   *
   * @example
   * ```ts
   * const { data, response, requestId } = await client.domains.list().withResponse();
   * ```
   */
  withResponse(): Promise<APIResponseOf<WithRequestId<T>>> {
    return this.#raw.then((r) => ({ ...r, data: attachRequestId(r.data, r.requestId) }));
  }

  /**
   * The `Response` alone (its body already read and validated).
   *
   * @example
   * ```ts
   * const response = await client.account.retrieve().asResponse();
   * response.headers.get('x-ratelimit-remaining');
   * ```
   */
  asResponse(): Promise<Response> {
    return this.#raw.then((r) => r.response);
  }

  #parsed(): Promise<WithRequestId<T>> {
    this.#data ??= this.#raw.then((r) => attachRequestId(r.data, r.requestId));
    return this.#data;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a Promise by design.
  override then<R1 = WithRequestId<T>, R2 = never>(
    onfulfilled?: ((value: WithRequestId<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  override catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null,
  ): Promise<WithRequestId<T> | R> {
    return this.#parsed().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<WithRequestId<T>> {
    return this.#parsed().finally(onfinally);
  }
}
