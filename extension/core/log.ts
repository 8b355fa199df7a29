/**
 * Extension log lines carry one tag, `[xinjian]`, and the feature name, so a user's console
 * export can be filtered to ours.
 */
export function createLogger(feature: string): {
  debug: (...args: unknown[]) => void;
  warn: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
} {
  const tag = `[xinjian] ${feature}:`;
  return {
    debug: (...args) => {
      if (import.meta.env.MODE !== 'production') console.debug(tag, ...args);
    },
    warn: (...args) => console.warn(tag, ...args),
    error: (...args) => console.error(tag, ...args),
  };
}
