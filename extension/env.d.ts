/// <reference types="vite/client" />

// Set by WXT's build (see wxt.config.ts and WXT's globals plugin).
interface ImportMetaEnv {
  readonly BROWSER: string;
  readonly CHROME: boolean;
  readonly FIREFOX: boolean;
  readonly MANIFEST_VERSION: 2 | 3;
  readonly ENTRYPOINT: string;
}

/** Local endpoint, key and sites for `development` and `e2e` builds; `null` in production. */
declare const __XINJIAN_LOCAL_DEFAULTS__: { apiBaseUrl: string; apiKey: string; sites: string[] } | null;
