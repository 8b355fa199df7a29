/**
 * Where the SDK runs in Node: zod's ahead-of-time compiler. A compiled schema takes the same
 * values and gives the same output; an input it rejects goes through the ordinary parser, so
 * errors are unchanged. A schema the compiler cannot model comes back as it was, and so does
 * every schema when code generation is disallowed (`--disallow-code-generation-from-strings`).
 */
import { z } from 'zod';

/**
 * @internal A compiled clone of `schema`, or `schema` itself where it cannot be compiled.
 *
 * @example
 * ```ts
 * const fast = compileSchema(BatchRatingsResponse);
 * fast.parse(body); // the same result as BatchRatingsResponse.parse(body), sooner
 * ```
 */
export function compileSchema<S extends z.ZodType>(schema: S): S {
  try {
    return z.compile(schema);
  } catch {
    return schema;
  }
}
