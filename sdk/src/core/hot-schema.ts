/**
 * Tiered validation for a response the SDK validates by the thousand (the ratings batch): the
 * ordinary zod parser until the process has validated enough items for compiling to pay back,
 * then zod's compiled clone of the same schema, where the platform can compile one (see
 * `compile-schema.ts`). Both accept the same values, give the same output and raise the same
 * issues, so which tier validated a response is invisible to callers.
 */
import type { z } from 'zod';
import { compileSchema } from '#compile-schema';

/** @internal A schema that moves to its compiled tier after `threshold` validated items. */
export interface HotSchema<S extends z.ZodType> {
  /** The schema to validate the next response with. */
  readonly current: S;
  /** Counts the items of a response that passed validation. */
  validated(items: number): void;
  /** Whether `current` is the compiled tier (false where nothing compiles, e.g. in browsers). */
  readonly compiled: boolean;
}

/**
 * @internal
 *
 * @example
 * ```ts
 * const batch = hotSchema(BatchRatingsResponse, 5_000);
 * const body = batch.current.parse(json);
 * batch.validated(body.data.length);
 * ```
 */
export function hotSchema<S extends z.ZodType>(schema: S, threshold: number): HotSchema<S> {
  let current = schema;
  let seen = 0;
  let tried = false;
  return {
    get current() {
      return current;
    },
    get compiled() {
      return current !== schema;
    },
    validated(items) {
      if (tried) return;
      seen += items;
      if (seen < threshold) return;
      tried = true;
      current = compileSchema(schema);
    },
  };
}
