export * from './export';
export { readProvenance, type ProvenanceResult } from './provenance';
