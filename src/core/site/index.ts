export { buildSite, parseManifest, stripFrontMatter, hashText, MANIFEST_FILE, SITE_TEMPLATE_VERSION } from './build';
export type { SiteManifest, SiteOptions, SiteResult, SiteWriter } from './build';
export { siteFromCatalog, siteFromExport, pageKey } from './model';
export type { SiteModel, SiteRecord, SiteLink } from './model';
export { renderMarkdown, escapeHtml, safeHref, quickText } from './markdown';
