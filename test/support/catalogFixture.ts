/** Catalogue and export files written by hand (every field the schema requires), for the outline's unit tests and the editor's. */
import { buildCatalog, catalogText, type ExportDocument } from '../../src/core/export';

/** An export record with every field the schema requires. */
export function rec(n: number, title: string, extra: Partial<ExportDocument['records'][number]> = {}): ExportDocument['records'][number] {
  const id = `${String(n).padStart(4, '0')}-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    key: `doc/adr/${id}`, id, reference: `ADR-${String(n).padStart(4, '0')}`, number: n, numberText: String(n).padStart(4, '0'),
    title, status: 'accepted', statusText: 'Accepted', date: '2024-01-05', dialect: 'nygard', collection: 'doc/adr',
    path: `doc/adr/${id}.md`, deciders: [], consulted: [], informed: [], tags: [], governs: [], relations: [], crossReferences: [],
    history: null, url: `https://github.com/acme/x/blob/${'c'.repeat(40)}/doc/adr/${id}.md`, markdown: `# ${n}. ${title}\n`,
    ...extra,
  };
}

export function exportDoc(repository: string, records: ExportDocument['records']): ExportDocument {
  return {
    format: 'adr-workbench/export', version: 1, generator: { name: 'adr-workbench', version: '0.1.0' },
    provenance: { repository, commit: 'c'.repeat(40), path: '' },
    collections: [{ path: 'doc/adr', name: 'doc/adr', dialect: 'adr-tools', naming: 'number', padding: 4, records: records.length }],
    records,
  } as ExportDocument;
}

export function threeRepoCatalog(): string {
  const payments = exportDoc('https://github.com/acme/payments', [
    rec(7, 'Card tokens'),
    rec(2, 'Use PostgreSQL', {
      status: 'superseded', statusText: 'Superseded by [7. Card tokens](0007-card-tokens.md)',
      relations: [{ type: 'superseded-by', verb: 'Superseded by', target: 'doc/adr/0007-card-tokens', written: '0007-card-tokens.md', origin: 'declared' }],
    }),
    rec(1, 'Record architecture decisions'),
  ]);
  const identity = exportDoc('https://github.com/acme/identity', [
    rec(3, 'Tokens for sessions', {
      crossReferences: [
        { repository: 'payments', number: 7, written: 'payments:ADR-0007', verb: 'amends' },
        { repository: 'payments', number: 99, written: 'payments:ADR-0099', verb: 'relates to' },
        { repository: 'ledger', number: 1, written: 'ledger:ADR-1', verb: 'mentions' },
      ],
    }),
  ]);
  const billing = exportDoc('https://gitlab.com/acme/billing', [rec(1, 'Invoices', { url: 'javascript:alert(1)', markdown: null })]);
  return catalogText(buildCatalog({
    title: 'Acme decisions',
    sources: [
      { config: { name: 'payments', path: 'payments' }, doc: payments },
      { config: { name: 'identity', export: 'identity.json' }, doc: identity },
      { config: { name: 'billing', path: 'billing' }, doc: billing },
    ],
  }));
}
