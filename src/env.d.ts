/** The build's config, handed over by src/integrations/config.ts (read it through src/config/site.ts). */
declare module 'virtual:red-columns/config' {
  export const config: import('./config/settings.ts').SiteConfig;
}
