export * from './export';
export { readProvenance, type ProvenanceResult } from './provenance';
export { crossReferences, type CrossReference } from './crossRefs';
export {
  buildCatalog, catalogText, parseCatalogConfig, parseExportFile, CATALOG_FORMAT, CATALOG_VERSION,
  type CatalogConfig, type CatalogDocument, type CatalogProblem, type CatalogRecord, type CatalogReference, type CatalogSource,
  type CatalogSourceConfig,
} from './catalog';
export { readCatalogOutline, sourceNameOf, type CatalogOutline, type OutlineLink, type OutlineRecord, type OutlineSource } from './outline';
