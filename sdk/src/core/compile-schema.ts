/**
 * Where the SDK runs in a browser or a service worker: schemas are not compiled. An extension's
 * service worker forbids `new Function` (MV3's content security policy), so zod's compiler
 * could not run there, and its 7 KB would only weigh on the bundle. Node gets
 * `compile-schema.node.ts` through the `#compile-schema` import condition in package.json.
 */
import type { z } from 'zod';

/**
 * @internal The schema as it is: nothing here can compile it.
 *
 * @example
 * ```ts
 * compileSchema(BatchRatingsResponse) === BatchRatingsResponse; // true
 * ```
 */
export function compileSchema<S extends z.ZodType>(schema: S): S {
  return schema;
}
