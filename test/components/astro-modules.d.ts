// tsc (unlike Astro's language server) does not know .astro files: type them as components
// so the Container API tests type-check.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
