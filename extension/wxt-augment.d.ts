// `wxt prepare` would generate a typed `getURL`; the project type-checks without `.wxt/`, so
// declare the plain form here.
export {};

declare module 'wxt/browser' {
  interface WxtRuntime {
    getURL(path: string): string;
  }
}
