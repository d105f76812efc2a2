/**
 * The six "wild" ADR collections in `../shared/corpora-wild` (or $ADRW_CORPORA_WILD) and what a
 * careful human reader says about every record in them. Every expectation below was written by
 * reading each file in full, not by running the parser.
 *
 * Reading rules (applied the same way in every collection):
 * - number: the number in the file name (`0007-x.md`, `ADR-0007-x.md`, `0007_x.md` → 7). A title
 *   number that disagrees with the file name (dsp-api `ADR-0008-…` titled `# ADR-0006 …`) loses:
 *   the file name is the record's identity. A 14-digit `YYYYMMDDHHMMSS-` name is a creation
 *   timestamp, not a sequence number: number null (the collection is date-named, like log4brains).
 * - title: as a person would display it: no `N.` / `N)` / `ADR-0001` / `ADR-009:` prefix, no Doxygen
 *   `{#adr_0031}` anchor, Markdown inline formatting removed (backticks, as the existing corpus
 *   expectations do), typography kept as written (’ « »). Front matter `title:` wins over the H1
 *   (they agree everywhere here). A record whose only H1 is a later body section
 *   (scielo `0007`, `# Consequências`) has no title: the reader falls back on the file name slug.
 * - status: the lifecycle word the status says, normalised: Portuguese `Aceito` / `Proposto` and
 *   French `accepté` / `proposé` are accepted / proposed. When a status section says accepted (or
 *   proposed) and then, on a later line or later in the same sentence, that the WHOLE record was
 *   superseded (`Accepted, then superseded …`, a bare `Superseded by …` line), the record is
 *   superseded. "Superseded IN PART" / "superseded for <some aspect> by …" (a later record replaced
 *   only a portion) does NOT change the status: the record is still in force for the rest, so it
 *   keeps its first status word; the relation is still recorded (superseded-by). No status at all
 *   (no section, no key, no line) ⇒ unknown.
 * - date: ISO `YYYY-MM-DD` of the `Date:` / `Data:` line or front matter `date`; a malformed date
 *   (`2025-11- 05`) or none ⇒ null. Later lines (`Atualização:`, `Last updated:`) are not the date.
 *   A date-named record (`20240516132303-…`) with no date of its own is dated by its file name, as
 *   the core already does for log4brains names.
 * - relations: only supersede relations the record itself writes (`superseded-by`, `supersedes`),
 *   in its status section, a relation line or its front matter; not the reverse side, not plain
 *   "see ADR 12" links, not an index file's notes. A target is the linked file name when the record
 *   links a file, else the record number it names (as a string). Other relation kinds (looms'
 *   `Implements` / `Extends` links) are listed separately in `otherRelations`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CollectionSource, RecordDialect, Status } from '../../src/core/model';

export const CORPORA_WILD = resolve(process.env.ADRW_CORPORA_WILD ?? join(process.cwd(), '..', 'shared', 'corpora-wild'));

export function corporaWildAvailable(): boolean {
  return existsSync(CORPORA_WILD);
}

/** A supersede relation as a reader sees it: `target` is a file name (`0016-x.md`) or a number (`'9'`). */
export interface WildRelation {
  readonly type: 'supersedes' | 'superseded-by';
  readonly target: string;
}

/** Any other relation a record writes (looms front-matter `links`), by verb as written, lower-cased. */
export interface WildOtherRelation {
  readonly verb: string;
  readonly target: string;
}

export interface WildRecord {
  /** File name inside its folder. */
  readonly file: string;
  readonly number: number | null;
  readonly title: string;
  readonly status: Status;
  readonly date: string | null;
  /** Supersede relations the record writes; none when absent. */
  readonly relations?: readonly WildRelation[];
  readonly otherRelations?: readonly WildOtherRelation[];
  /** When this record is written in another dialect than its collection's. */
  readonly dialect?: RecordDialect;
  /** Front matter / bullet deciders, when the record lists them (checked only when given). */
  readonly deciders?: readonly string[];
  /** Front matter tags (checked only when given). */
  readonly tags?: readonly string[];
}

export interface WildFolder {
  /** Folder relative to the corpus root. */
  readonly folder: string;
  /** How discovery should find it; several allowed when either reading is fair. */
  readonly sources: readonly CollectionSource[];
  /** The dialect a reader says the records are written in. */
  readonly dialect: RecordDialect;
  /** Markdown files in the folder that are NOT records. */
  readonly notRecords: readonly string[];
  /**
   * The file name a careful tool creates next for the title "Use Example Thing": the collection's
   * own pattern, number = highest existing + 1. A RegExp where the name depends on the clock
   * (timestamp names); `nextAfter` then says which existing name it must sort after.
   */
  readonly next: string | RegExp;
  readonly nextAfter?: string;
  readonly records: readonly WildRecord[];
}

export interface WildCorpus {
  /** Every folder discovery should report for this corpus, in path order, and nothing else. */
  readonly folders: readonly WildFolder[];
}

export const NEXT_TITLE = 'Use Example Thing';

const acc = (file: string, number: number | null, title: string, date: string | null, extra: Partial<WildRecord> = {}): WildRecord => ({ file, number, title, status: 'accepted', date, ...extra });

// ---------------------------------------------------------------------------------------------------
// dsp-api: `.adr-dir` → docs/05-internals/design/adr, Nygard, `ADR-NNNN-slug.md`, `# ADR-0001 Title`.
const dspApi: WildCorpus = {
  folders: [
    {
      folder: 'docs/05-internals/design/adr',
      sources: ['.adr-dir'],
      dialect: 'nygard',
      notRecords: [],
      // Upper-case `ADR-` prefix, 4 digits, dash, lower-case slug; highest is 10.
      next: 'ADR-0011-use-example-thing.md',
      records: [
        acc('ADR-0001-record-architecture-decisions.md', 1, 'Record architectural decisions as ADR', '2022-03-14'),
        acc('ADR-0002-change-cache-service-manager-from-akka-actor-to-zlayer.md', 2, 'Change Cache Service Manager from Akka-Actor to ZLayer', '2022-04-06'),
        acc('ADR-0003-change-iiif-service-manager-and-sipi-implementation-to-zlayer.md', 3, 'Change IIIF Service Manager and Sipi implementation to zlayer', '2022-04-29'),
        acc('ADR-0004-change-triplestore-service-manager-and-fuseki-implementation-to-zlayer.md', 4, 'Change Triplestore Service Manager and Fuseki implementation to ZLayer', '2022-05-23'),
        acc('ADR-0005-change-respondermanager-to-a-simple-case-class.md', 5, 'Change ResponderManager to a simple case class', '2022-06-06'),
        acc('ADR-0006-use-zio-http.md', 6, 'Use ZIO HTTP', '2022-12-01'),
        // `Superseded — the ZIO migration is complete. …`: superseded, but by no record (no link, no
        // number): no relation.
        { file: 'ADR-0007-zio-fication-of-responders.md', number: 7, title: 'ZIO-fication of Responders', status: 'superseded', date: '2023-02-20' },
        // Title says `# ADR-0006 Replace Akka with Pekko`: a copy-paste slip; the file name (and the
        // repository's mkdocs nav) make it ADR 8. No `Date:` line at all.
        acc('ADR-0008-replace-akka-with-pekko.md', 8, 'Replace Akka with Pekko', null),
        // `# ADR-009: API `v3` for …`: colon form, three digits; date line ends in two spaces.
        acc('ADR-0009-api-v3.md', 9, 'API v3 for client-optimized endpoints', '2025-09-22'),
        // No `## Status` section ⇒ unknown; `Date: 2025-11- 05` is malformed ⇒ null. The link to
        // ADR-0009 ("We want to build a V3 API (ADR-0009)") is a plain reference, not a relation.
        { file: 'ADR-0010-api-v3-basics.md', number: 10, title: 'API v3 basics', status: 'unknown', date: null },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// scielo-kernel: docs/adr by convention, adr-tools / Nygard in Portuguese.
const scielo: WildCorpus = {
  folders: [
    {
      folder: 'docs/adr',
      sources: ['convention'],
      dialect: 'nygard',
      notRecords: [],
      next: '0008-use-example-thing.md',
      records: [
        acc('0001-registrar-decisões-arquiteturais.md', 1, 'Registrar decisões arquiteturais', '2019-02-22'),
        acc('0002-arquitetura-hexagonal.md', 2, 'Arquitetura hexagonal', '2019-03-07'),
        acc('0003-armazenamento-dos-documentos-em-xml.md', 3, 'Armazenamento dos documentos em XML', '2019-03-07'),
        acc('0004-versionamento-dos-documentos-em-xml.md', 4, 'Versionamento dos documentos em XML', '2019-03-07'),
        acc('0005-api-de-mudanças-e-replicação.md', 5, 'API de mudanças e replicação', '2019-03-11'),
        // `Data: 2019-04-12` then `Atualização: 2019-11-29`: the date is the first (the decision's date).
        acc('0006-novo-pid-do-scielo.md', 6, 'Novo PID do SciELO', '2019-04-12'),
        // No H1: the file starts with `Data:`. The only H1 is `# Consequências`, a body section written
        // with one `#` by mistake, never the title. The reader's title is the file name's slug.
        { file: '0007-container-de-relacionamento.md', number: 7, title: 'Container de relacionamento', status: 'proposed', date: '2019-08-09' },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// zero-logement-vacant: docs/decisions by convention, MADR 3 (French front matter keys), timestamp names.
const zeroLogementVacant: WildCorpus = {
  folders: [
    {
      folder: 'docs/decisions',
      sources: ['convention'],
      // All four follow MADR 3: the English one says it uses "MADR 3.0.0", and the French records and
      // TEMPLATE.md are the MADR 3 template translated (`décideurs` = deciders, `## Validation`).
      dialect: 'madr3',
      notRecords: ['README.md', 'TEMPLATE.md'],
      // The collection names records by their creation time `YYYYMMDDHHMMSS-slug.md`, no sequence
      // number. A new record gets the current UTC time in the same 14-digit form, which sorts after
      // every existing name (the clock is past 2026-08-05 16:30:00).
      next: /^\d{14}-use-example-thing\.md$/,
      nextAfter: '20260805163000-attribution-des-metriques-d-usage-par-evenement-utilisateur.md',
      records: [
        // English MADR, no front matter and no status anywhere ⇒ unknown; no date of its own, so the
        // file name's timestamp (2024-05-16 13:23:03) dates it.
        { file: '20240516132303-use-markdown-any-decision-records.md', number: null, title: 'Use Markdown Any Decision Records', status: 'unknown', date: '2024-05-16' },
        // The front matter opens with a YAML comment `# Ce sont des éléments optionnels…`: not a title.
        { file: '20240603162604-msw-pour-mocker-l-api-dans-les-tests-front.md', number: null, title: 'Mocker l’API pour tester le front', status: 'proposed', date: '2024-06-03', deciders: ['Andrea GUEUGNAUT', 'Loïc GUILLOIS'] },
        { file: '20260805142324-millesime-inclus-provenance-d-import-et-non-presence-lovac.md', number: null, title: '« Millésime inclus » désigne une provenance d\'import, pas une présence dans le fichier LOVAC', status: 'accepted', date: '2026-08-05', deciders: ['Raphaël Courivaud'] },
        { file: '20260805163000-attribution-des-metriques-d-usage-par-evenement-utilisateur.md', number: null, title: 'Les métriques d\'usage sont attribuées par événement utilisateur, pas par territoire', status: 'accepted', date: '2026-08-05', deciders: ['Raphaël Courivaud'] },
      ],
    },
  ],
};

export const CORPORA_WILD_EXPECTED: Record<string, WildCorpus> = {
  'dsp-api': dspApi,
  'scielo-kernel': scielo,
  'zero-logement-vacant': zeroLogementVacant,
};

/** Record counts per corpus, from the folder's README (the expectations must cover exactly these). */
export const CORPORA_WILD_COUNTS: Record<string, number> = {
  wikibase: 50,
  'scielo-kernel': 7,
  'zero-logement-vacant': 4,
  looms: 27,
  'dsp-api': 10,
  agentv: 21,
};
