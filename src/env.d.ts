/** The build's config, handed over by src/integrations/config.ts (read it through src/config.ts). */
declare module 'virtual:red-columns/config' {
  export const config: import('./lib/settings.ts').SiteConfig;
}
