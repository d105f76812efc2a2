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
 *   French `accepté` / `proposé` are accepted / proposed; `**rejected**` is rejected. The status is the
 *   word the status section (or key) leads with, except that the record is superseded when it says
 *   the WHOLE record moved on: a lead word / line `Superseded` / `Superseded by …`, a lead sentence
 *   "Accepted, then superseded …", or a later "superseded … by X" together with "Keep this ADR as
 *   historical context" (its contract is no longer the active one). A SCOPED supersession on a later
 *   line ("Superseded in part by", "Partially superseded by", "Superseded for <an aspect> by",
 *   "supersedes this ADR's <part>") does NOT change the lead status: the rest of the record is still
 *   in force. Either way the relation is recorded (superseded-by). No status at all (no section, no
 *   key, no line) ⇒ unknown. An index file's opinion (looms index.md) never overrides the record.
 * - date: ISO `YYYY-MM-DD` of the `Date:` / `Data:` line or front matter `date`; a malformed date
 *   (`2025-11- 05`) or none ⇒ null. wikibase's `Date of submission:` stands in for `Date:`; later
 *   lines (`Atualização:`, `Updated:`, `Last updated:`) are not the date.
 *   A date-named record (`20240516132303-…`) with no date of its own is dated by its file name, as
 *   the core already does for log4brains names.
 * - relations: only supersede relations the record itself writes (`superseded-by`, `supersedes`),
 *   in its status section, a relation line or its front matter; not the reverse side, not plain
 *   "see ADR 12" links, not an index file's notes. A target is the linked file name when the record
 *   links a file, else the record number it names (as a string). Other relation kinds (looms'
 *   `Implements` / `Extends` front-matter links) are listed separately in `otherRelations` and compared only
 *   with the front-matter relations the parser reports.
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

// ---------------------------------------------------------------------------------------------------
// wikibase: three independent Nygard folders (no config file), Doxygen titles `# N) Title {#adr_NNNN}`.
const wikibase: WildCorpus = {
  folders: [
    {
      folder: 'docs/adr',
      sources: ['convention'],
      dialect: 'nygard',
      // `NNNN-adr-template.md` is the collection's template (`# N) Title (short noun phrase)`, status
      // `proposed, accepted, rejected, …`); index.md is the Doxygen `@subpage` list.
      notRecords: ['NNNN-adr-template.md', 'index.md'],
      // `NNNN-slug.md` with a lower-case dashed slug is the pattern of 32 of the 35 records (two keep
      // CamelCase words, one uses underscores). Highest is 35 (33 is missing, never reused).
      next: '0036-use-example-thing.md',
      records: [
        acc('0000-use-cache-instead-wb_terms-for-data-needed-for-display.md', 0, 'Use cache instead of wb_terms for efficient fetching of data needed to display an entity in the short form', '2018-06-28'),
        acc('0001-use-psr-16-cache-interface.md', 1, 'Use PSR-16 PHP Cache Interface in Wikibase', '2018-07-19'),
        // Two spaces before the anchor here and in 0003-0006: not part of the title.
        acc('0002-CacheAwarePropertyInfoStore-caching.md', 2, 'CacheAwarePropertyInfoStore caching method', '2018-12-19'),
        acc('0003-Termbox-ParserCache-Integration.md', 3, 'Termbox ParserCache Integration', '2019-01-29'),
        // No `Date:` line: `Date of submission: 2019-06-21`, `Last updated: 2019-07-04`,
        // `Discussion Deadline: 2019-07-09`. The record's date is the submission date (the Nygard
        // `Date:` is when the record was written); "last updated" is not its date.
        acc('0004-make-apply-return-changeopresult.md', 4, 'Make ChangeOp::apply() return ChangeOpResult', '2019-06-21'),
        acc('0005-frontend-changes-ParserCache-invalidation.md', 5, 'Invalidate ParserCache on backwards incompatible frontend changes', '2019-08-14'),
        acc('0006-use-package-modules-to-manage-resource-loader-modules.md', 6, 'Use Package Modules for dependency management within ResourceLoader modules', '2019-10-24'),
        acc('0007-use-vuex-smart-modules.md', 7, 'Use vuex-smart-modules in Data Bridge', '2020-02-06'),
        acc('0008-format-bridge-references-via-api.md', 8, 'Format Bridge references via API', '2020-02-17'),
        acc('0009-refactor-hooks-for-testability.md', 9, 'Refactor hooks for testability', '2020-03-04'),
        // "we expect the decision to be revisited and likely superseded in the future": prose, accepted.
        acc('0010-federated-properties-without-prefixed-ids.md', 10, 'Do not add source information to Property IDs for the Federated Properties MVP', '2020-04-07'),
        // Lower-case first word as written; `strict_types` is not emphasis (intraword underscore).
        acc('0011-declare-strict-types.md', 11, 'declare strict_types Rollout', '2020-04-23'),
        acc('0012-use-psr-4.md', 12, 'PSR-4 and maintenance scripts', '2020-06-15'),
        acc('0013-register-shared-features-in-repo-and-client.md', 13, 'Register shared features in Repo and Client', '2020-06-26'),
        acc('0014-monorepo.md', 14, 'Make Wikibase.git a monorepo', '2020-08-05'),
        acc('0015-use-psr-11-mediawiki-service-container.md', 15, 'Use PSR-11-compatible MediaWiki service container as extension basis', '2020-10-26'),
        acc('0016-use-github-actions-as-secondary-ci.md', 16, 'Use GitHub Actions as secondary CI system for Wikibase', '2021-01-06'),
        acc('0017-release-notes-content-topics.md', 17, 'Wikibase Extension release notes content', '2021-01-14'),
        // `**rejected**` in bold.
        { file: '0018-wikibase-compatibility-with-mediawiki.md', number: 18, title: 'Keep Wikibase master compatible with last stable MediaWiki Core', status: 'rejected', date: '2021-04-28' },
        { file: '0019-federated-properties-prefix-ids-via-uris.md', number: 19, title: 'Add source information to Property IDs for Federated Properties v2', status: 'proposed', date: '2021-06-21' },
        acc('0020-wikibase-compatibility-with-mediawiki-master.md', 20, 'Keep Wikibase master compatible with MediaWiki Core master', '2021-06-30'),
        acc('0021-federated-properties-source-and-type-dispatching-services.md', 21, 'Make all Federated Properties-relevant services source and type dispatching', '2021-07-07'),
        acc('0022-create-a-property-id-interface.md', 22, 'Create a Property ID interface', '2021-07-20'),
        acc('0023-make-termbox-reusable.md', 23, 'Make Termbox v2 reusable for EntitySchema', '2023-07-18'),
        acc('0024-data-type-specific-value-deserialization.md', 24, 'Data type specific value deserialization', '2024-06-13'),
        acc('0025-modularization-by-domain-specific-subsystems.md', 25, 'Modularization by Domain-Specific Subsystems', '2024-09-19'),
        acc('0026-frontend-technical-strategy.md', 26, 'Wikibase Frontend Technical Strategy', '2024-11-13'),
        acc('0027-drop-wbt_type-table.md', 27, 'Drop the wbt_type table', '2025-01-09'),
        // `# 28) Use `repo/domains/` for …`: the code span shows as its text.
        acc('0028-use-domains-directory-for-subsystems.md', 28, 'Use repo/domains/ for Newly Defined Domain-Specific Subsystems', '2025-01-21'),
        acc('0029-use-hook-runner-hook-container.md', 29, "Use MediaWiki's HookContainer / HookRunner pattern for hooks", '2025-04-17'),
        acc('0030-wbui2025-server-side-rendering.md', 30, 'wbui2025 Server-Side Rendering', '2025-07-25'),
        // The one underscore name in this folder; the title's `CRUD and Search:` is part of the title.
        acc('0031_transport_layer_responsibilities_in_use_cases.md', 31, 'CRUD and Search: Allow transport layer details in application logic for now', '2025-07-15'),
        acc('0032-wbui2025-server-rendered-HTML.md', 32, 'wbui2025 Server-Rendered HTML', '2025-08-12'),
        // `## Decision` comes before `## Context` here; the status is still `accepted`.
        acc('0034-legacy-frontend-libraries.md', 34, 'Merge legacy frontend libraries, formerly git submodules, to Wikibase repository', '2026-03-02'),
        acc('0035-openapi-spec-source-of-truth.md', 35, 'OpenAPI spec source of truth', '2026-08-04'),
      ],
    },
    {
      folder: 'repo/domains/crud/docs/adr',
      sources: ['convention'],
      dialect: 'nygard',
      notRecords: ['index.md'],
      next: '0014_use_example_thing.md',
      records: [
        acc('0000_develop_inside_wikibase_git.md', 0, 'Develop the Wikibase REST API inside Wikibase.git', '2022-02-23'),
        acc('0001_hexagonal_architecture.md', 1, 'Follow the Hexagonal Architecture', '2022-03-02'),
        // `superseded - The headline … still applies, but in [ADR 9] we changed to … option 2`: the
        // status word is superseded, and ADR 9 is named as the record that changed it (the folder's
        // index.md agrees: "superseded by [ADR 9]"). `[ADR 9]` is a reference link to
        // `@ref rest_adr_0009`, so the target is record 9.
        { file: '0002_use_case_response_objects.md', number: 2, title: "Don't use serialized entities in response objects", status: 'superseded', date: '2022-05-09', relations: [{ type: 'superseded-by', target: '9' }] },
        acc('0003_fetch_revision_metadata_and_entity_data_separately.md', 3, 'Fetch revision metadata and entity data separately', '2022-05-24'),
        { file: '0004_use_datatype_lookup_in_serializer.md', number: 4, title: 'Use PropertyDataTypeLookup in SnakSerializer', status: 'superseded', date: '2022-06-28', relations: [{ type: 'superseded-by', target: '9' }] },
        acc('0005_use_json_patch_in_use_cases.md', 5, 'Use the JSON Patch format in use case code', '2022-09-12'),
        acc('0006_patch_arrays_not_entities.md', 6, 'Patch arrays, not entities in use cases', '2022-12-15'),
        // `Date: 2023-02-01` then `Updated: 2024-11-01`: the date is the first.
        acc('0007_work_in_progress_endpoints.md', 7, 'Wikibase REST API work-in-progress endpoints', '2023-02-01'),
        acc('0008_exceptions_instead_of_response_objects.md', 8, 'Throw exceptions instead of returning response objects in use cases', '2023-01-20'),
        // Its Consequences say "[ADR 2] can be considered superseded now. [ADR 4] should be marked as
        // superseded once …": body prose, not a relation line or status; 0002 and 0004 state the
        // relation themselves. No relation expected here.
        acc('0009_read_models.md', 9, 'Introduce read models', '2023-02-24'),
        acc('0010_validate_in_deserializers.md', 10, 'Validate fully in the REST API deserializers', '2023-03-08'),
        // `\@throws` is a Markdown escape (for Doxygen): it displays as `@throws`.
        acc('0011_throws_annotations.md', 11, 'Exception Handling and @throws Annotations in PHP Doc Blocks', '2023-05-31'),
        acc('0012_property_use_cases.md', 12, 'Introducing Properties in the REST API', '2023-06-02'),
        acc('0013_make_get_statement_item_property_agnostic.md', 13, 'Make single statement use cases subject agnostic', '2023-06-28'),
      ],
    },
    {
      folder: 'repo/domains/reuse/docs/adr',
      sources: ['convention'],
      dialect: 'nygard',
      notRecords: ['index.md'],
      next: '0002_use_example_thing.md',
      records: [
        acc('0001_graphql_as_action_api_module.md', 1, 'Implement the Wikibase GraphQL API endpoint as an Action API module', '2026-02-13'),
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// looms: adrs.toml (mode = "ng") → docs/src/adrs; adrs NextGen front matter over MADR 4 bodies.
const looms: WildCorpus = {
  folders: [
    {
      folder: 'docs/src/adrs',
      sources: ['adrs.toml'],
      // index.md: "All ADRs use MADR 4.0.0 format with YAML frontmatter (NextGen mode)"; the bodies have
      // MADR 4's `### Confirmation` (MADR 3 said Validation). adrs' NextGen front matter keeps the key
      // `deciders` (MADR 3's name for MADR 4's decision-makers): the key does not make them MADR 3.
      dialect: 'madr4',
      notRecords: ['index.md'],
      next: '0028-use-example-thing.md',
      records: [
        // Front matter (number, title, date, status: accepted) wrapped around adr-tools' stock first
        // record: `# 1. Record architecture decisions`, `Date:`, `## Status` / `Accepted`. Both say
        // accepted; no tags, no deciders. Its body is Nygard, not MADR 4, whatever index.md claims.
        { file: '0001-record-architecture-decisions.md', number: 1, title: 'Record architecture decisions', status: 'accepted', date: '2026-02-22', tags: [], deciders: [], otherRelations: [], dialect: 'nygard' },
        { file: '0002-use-bun-as-primary-runtime.md', number: 2, title: 'Use Bun as Primary Runtime', status: 'proposed', date: '2026-02-22', tags: ['runtime', 'infrastructure'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0003-use-sveltekit-as-frontend-framework.md', number: 3, title: 'Use SvelteKit as Frontend Framework', status: 'proposed', date: '2026-02-22', tags: ['frontend', 'framework'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0004-use-svelte-stores-for-state-management.md', number: 4, title: 'Use Svelte Stores for State Management', status: 'proposed', date: '2026-02-22', tags: ['state', 'architecture'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0005-cli-for-writes-and-direct-sql-for-reads.md', number: 5, title: 'CLI for Writes and Direct SQL for Reads', status: 'proposed', date: '2026-02-22', tags: ['data', 'architecture'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0006-use-file-watching-with-websocket-broadcast.md', number: 6, title: 'Use File Watching with WebSocket Broadcast', status: 'proposed', date: '2026-02-22', tags: ['realtime', 'architecture'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0007-borrow-components-from-gastown-ui-with-custom-extensions.md', number: 7, title: 'Borrow Components from gastown_ui with Custom Extensions', status: 'proposed', date: '2026-02-22', tags: ['ui', 'components'], deciders: ['aRustyDev'], otherRelations: [] },
        // 0008-0011: index.md's table says Proposed; the records' own front matter says accepted, and the
        // record is the source of truth (the index is a stale hand-written summary).
        { file: '0008-use-vitest-with-testing-library-for-component-testing.md', number: 8, title: 'Use Vitest with Testing Library for Component Testing', status: 'accepted', date: '2026-02-24', tags: ['testing', 'components', 'svelte'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0009-use-callback-props-for-component-events.md', number: 9, title: 'Use Callback Props for Component Events', status: 'accepted', date: '2026-02-24', tags: ['testing', 'components', 'svelte', 'patterns'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0010-use-dependency-injection-for-testability.md', number: 10, title: 'Use Dependency Injection for Testability', status: 'accepted', date: '2026-02-24', tags: ['testing', 'architecture', 'patterns'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0011-use-opentelemetry-for-observability.md', number: 11, title: 'Use OpenTelemetry for Observability', status: 'accepted', date: '2026-02-23', tags: ['observability', 'tracing', 'metrics', 'logging', 'infrastructure'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0012-use-just-as-command-runner.md', number: 12, title: 'Use Just as Command Runner', status: 'proposed', date: '2026-02-24', tags: ['tooling', 'developer-experience'], deciders: ['aRustyDev'], otherRelations: [] },
        // Front matter `links: [{rel: Implements, target: 12}]`.
        { file: '0013-justfile-patterns-and-conventions.md', number: 13, title: 'Justfile Patterns and Conventions', status: 'proposed', date: '2026-02-24', tags: ['tooling', 'conventions', 'developer-experience'], deciders: ['aRustyDev'], otherRelations: [{ verb: 'implements', target: '12' }] },
        // Its body shows `adrs --ng new --supersedes 5 …` and `adrs link 3 "Amends" 2` as CLI examples
        // inside code blocks: not relations of this record.
        { file: '0014-use-adrs-cli-for-adr-management.md', number: 14, title: 'Use adrs CLI for ADR Management', status: 'proposed', date: '2026-02-24', tags: ['tooling', 'conventions'], deciders: ['aRustyDev'], otherRelations: [{ verb: 'implements', target: '1' }] },
        { file: '0015-use-xterm-js-with-node-pty-for-terminal-integration.md', number: 15, title: 'Use xterm.js with node-pty for Terminal Integration', status: 'proposed', date: '2026-02-24', tags: ['terminal', 'ui', 'infrastructure'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0016-use-gh-cli-for-github-operations.md', number: 16, title: 'Use gh CLI for GitHub Operations', status: 'proposed', date: '2026-02-24', tags: ['git', 'infrastructure', 'cli'], deciders: ['aRustyDev'], otherRelations: [{ verb: 'extends', target: '5' }] },
        { file: '0017-use-layerchart-for-charts-and-d3-for-dependency-graphs.md', number: 17, title: 'Use Layerchart for Charts and D3 for Dependency Graphs', status: 'accepted', date: '2026-02-23', tags: ['charts', 'visualization', 'ui'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0018-use-storybook-for-visual-component-documentation.md', number: 18, title: 'Use Storybook for Visual Component Documentation', status: 'accepted', date: '2026-02-23', tags: ['tooling', 'documentation', 'ui'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0019-testing-strategy-and-conventions.md', number: 19, title: 'Testing Strategy and Conventions', status: 'accepted', date: '2026-02-24', tags: ['testing', 'conventions', 'infrastructure'], deciders: ['aRustyDev'], otherRelations: [] },
        // File slug `release-workflow`, title `Release Workflow Strategy` (front matter and H1 agree).
        { file: '0020-release-workflow.md', number: 20, title: 'Release Workflow Strategy', status: 'accepted', date: '2026-02-24', tags: ['release', 'ci-cd', 'security', 'npm'], deciders: ['Adam'], otherRelations: [] },
        { file: '0021-require-ssr-integration-testing-for-data-loading-pages.md', number: 21, title: 'Require SSR Integration Testing for Data-Loading Pages', status: 'accepted', date: '2026-02-25', tags: ['testing', 'ssr', 'integration'], deciders: ['adam'], otherRelations: [] },
        { file: '0022-federated-data-access-layer-for-multi-source-support.md', number: 22, title: 'Federated Data Access Layer for Multi-Source Support', status: 'proposed', date: '2026-02-25', tags: ['database', 'federation', 'multi-repo'], deciders: ['aRustyDev'], otherRelations: [] },
        { file: '0023-search-architecture-for-issue-filtering.md', number: 23, title: 'Search Architecture for Issue Filtering', status: 'accepted', date: '2026-02-25', tags: ['search', 'architecture', 'filtering'], deciders: ['adam'], otherRelations: [] },
        { file: '0024-design-system-architecture-and-design-to-code-pipeline.md', number: 24, title: 'Design System Architecture and Design-to-Code Pipeline', status: 'proposed', date: '2026-02-25', tags: ['design-system', 'sketch', 'tokens'], deciders: ['adam'], otherRelations: [] },
        // 0025-0027 have no `deciders` key.
        { file: '0025-component-naming-conventions.md', number: 25, title: 'Component Naming Conventions', status: 'accepted', date: '2026-02-26', tags: ['wireframes', 'conventions', 'sketch'], deciders: [], otherRelations: [] },
        { file: '0026-design-task-workflow-with-visual-verification.md', number: 26, title: 'Design Task Workflow with Visual Verification', status: 'accepted', date: '2026-02-26', tags: ['wireframes', 'process', 'beads'], deciders: [], otherRelations: [] },
        { file: '0027-beads-task-decomposition-for-design-work.md', number: 27, title: 'Beads Task Decomposition for Design Work', status: 'accepted', date: '2026-02-26', tags: ['beads', 'process', 'design'], deciders: [], otherRelations: [] },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------
// agentv: adrs.toml (mode = "compatible", nygard / bare) → docs/adr; Nygard with prose status sections.
const F = {
  a1: '0001-keep-phoenix-observability-integration-out-of-core.md',
  a2: '0002-keep-harbor-benchmark-execution-behind-runner-boundary.md',
  a5: '0005-keep-phoenix-read-only-at-agentv-artifact-boundary.md',
  a6: '0006-separate-experiments-from-eval-definitions.md',
  a9path: '0009-eval-path-result-identity-and-default-experiment.md',
  a9bench: '0009-keep-benchmark-schema-on-existing-primitives.md',
  a11result: '0011-result-output-artifact-contract.md',
  a12: '0012-finalize-run-artifact-layout.md',
  a13exp: '0013-experiment-is-metadata-expressed-as-tags-experiment.md',
  a13stab: '0013-stabilize-eval-authoring-contract.md',
  a16: '0016-promptfoo-superset-eval-authoring-contract.md',
  a17: '0017-output-artifact-and-workspace-resolver-contract.md',
  a18: '0018-coding-agent-target-runtime-contract.md',
  a19: '0019-promptfoo-first-provider-authoring-and-export-boundary.md',
} as const;
const by = (target: string): WildRelation => ({ type: 'superseded-by', target });
const over = (target: string): WildRelation => ({ type: 'supersedes', target });

const agentv: WildCorpus = {
  folders: [
    {
      folder: 'docs/adr',
      sources: ['adrs.toml'],
      dialect: 'nygard',
      notRecords: [],
      // Highest number is 19; 14 is a gap and 9, 11, 13 are used twice: the next is 20, never a reuse.
      next: '0020-use-example-thing.md',
      records: [
        // The section opens with the bare word `Superseded`; the next paragraph narrows it ("Superseded
        // in part by [5. …](0005-…)", "remains useful for the narrower point …"), but the record's own
        // status word is Superseded, so superseded.
        { file: F.a1, number: 1, title: 'Keep Phoenix observability integration out of core', status: 'superseded', date: '2026-06-11', relations: [by(F.a5)] },
        // `Proposed`, then "Superseded for the current eval authoring contract by [ADR 0013]": scoped
        // (and 0013 itself says it supersedes "the eval-authoring placement portions" of this record,
        // while "Harbor-specific execution still belongs behind adapter boundaries") ⇒ stays proposed.
        { file: F.a2, number: 2, title: 'Keep Harbor benchmark execution behind a runner boundary', status: 'proposed', date: '2026-06-17', relations: [by(F.a13stab)] },
        // "Superseded by the 2026-06-20 Phoenix/observability boundary and ADR 0008.": whole record;
        // the boundary is not a record, ADR 0008 (unlinked, unique number) is.
        { file: '0003-keep-opik-export-as-post-run-adapter-over-agentv-result-bundles.md', number: 3, title: 'Keep Opik export as a post-run adapter over AgentV result bundles', status: 'superseded', date: '2026-06-18', relations: [by('8')] },
        // "Supersedes: the earlier 2026-06-18 decision in this file …": an earlier version of itself,
        // not another record: no relation.
        acc('0004-replace-agentv-eval-with-agentv-sdk-as-public-typescript-sdk.md', 4, 'Replace @agentv/eval with @agentv/sdk as the public TypeScript SDK', '2026-06-18'),
        acc(F.a5, 5, 'Keep Phoenix read-only at the AgentV artifact boundary', '2026-06-21'),
        // Title differs from the file name's slug. `Accepted`, then three scoped supersessions ("in part
        // by ADR 0012 for the physical run artifact layout", "Partially superseded by ADR 0009 for …",
        // "Superseded for the current eval authoring contract by ADR 0016") ⇒ accepted. "Supersedes: the
        // 2026-06-23 proposal in this file" is a self-reference; "superseded by Bead av-s96i" and
        // "av-kfik.43" are tracker items, not records.
        { file: F.a6, number: 6, title: 'Keep experiment runtime inline in eval YAML', status: 'accepted', date: '2026-06-26', relations: [by(F.a12), by(F.a9path), by(F.a16)] },
        // `Bead: av-raf` is a tracker line, not a status.
        acc('0007-conflict-free-results-sync-without-force-push.md', 7, 'Conflict-free results sync without force push', '2026-06-24'),
        acc('0008-normalized-transcript-artifact-contract.md', 8, 'Normalized transcript artifact contract', '2026-06-26'),
        // "Supersedes: result naming and storage-routing portions of [ADR 0006]" and "Superseded in part
        // by [ADR 0012]" ⇒ accepted, both relations.
        { file: F.a9path, number: 9, title: 'Use eval_path identity and the default result experiment', status: 'accepted', date: '2026-06-27', relations: [over(F.a6), by(F.a12)] },
        // Same number as the file above (both H1s say 9). `Proposed`, then scoped "Superseded for the
        // current eval authoring contract by [ADR 0013]" ⇒ proposed.
        { file: F.a9bench, number: 9, title: 'Keep benchmark schema on existing primitives', status: 'proposed', date: '2026-06-27', relations: [by(F.a13stab)] },
        acc('0010-remove-eval-dry-run-mock-execution.md', 10, 'Remove eval dry-run mock execution', '2026-06-28'),
        acc('0011-consolidate-case-conversion-boundary.md', 11, 'Consolidate case conversion at the artifact boundary', '2026-06-30'),
        // `Accepted`; `Extends:` bullets (0006, 0008, 0009) and "Updated by [ADR 0012]" are not
        // supersessions. "Refined and superseded for current output layout by [ADR 0017]. Keep this ADR as
        // historical context; current run bundles use … not … as the active contract": the record's
        // whole subject (the output artifact contract) is no longer active ⇒ superseded (0017 says
        // "Refines/supersedes ADR 0011" without a scope).
        { file: F.a11result, number: 11, title: 'Result output artifact contract is run-centric and manifest-first', status: 'superseded', date: '2026-06-30', relations: [by(F.a17)] },
        // "Supersedes the experiment-parent result layout portions of [ADR 0009], [ADR 0006], and
        // [ADR 0011]" (three links) and "Refined and superseded for current output layout by [ADR 0017].
        // Keep this ADR as historical context for the results-root move" ⇒ superseded, as 0011 above.
        { file: F.a12, number: 12, title: 'Artifact layout v2 stores committed runs at the results root', status: 'superseded', date: '2026-06-30', relations: [over(F.a9path), over(F.a6), over(F.a11result), by(F.a17)] },
        // "Accepted, then **superseded** (eval-authoring portions) by [ADR 0016]": the status sentence
        // itself moves the record on ("then superseded"; 0016's Consequences: "Both 0013 files marked
        // superseded") ⇒ superseded. `Extends [ADR 0009]` / "builds on [ADR 0012]" are not supersessions.
        { file: F.a13exp, number: 13, title: 'Experiment is metadata expressed as tags.experiment', status: 'superseded', date: '2026-07-01', relations: [by(F.a16)] },
        // Same opening sentence ⇒ superseded. "Supersedes the eval-authoring placement portions of
        // [ADR 0002], [ADR 0006], and [ADR 0009]" links 0009-keep-benchmark-…, not 0009-eval-path-….
        // "Complements [ADR 0012]" is not a supersession.
        { file: F.a13stab, number: 13, title: 'Stabilize eval authoring around experiment, tests, and gate', status: 'superseded', date: '2026-07-01', relations: [by(F.a16), over(F.a2), over(F.a6), over(F.a9bench)] },
        // `Accepted (2026-07-02). Part of …`: the status is the leading word.
        acc('0015-multi-turn-conversation-execution-vs-evaluation.md', 15, 'Multi-turn: separate conversation execution from evaluation', '2026-07-02'),
        // Lower-case first word as written. "**Supersedes the eval-authoring portions of [ADR 0013 (…)]
        // and [ADR 0013 (…)]**" (both 0013 files); a status note says "[ADR 0019] supersedes this ADR's
        // target/provider authoring decision": scoped ⇒ still accepted, relation superseded-by 0019.
        // Multi-turn "carved out to ADR 0015" and the artifact contract "to ADR 0017" are not supersessions.
        { file: F.a16, number: 16, title: 'promptfoo-superset eval authoring contract', status: 'accepted', date: '2026-07-02', relations: [over(F.a13stab), over(F.a13exp), by(F.a19)] },
        // "**Refines/supersedes [ADR 0011 (…)] and [ADR 0012 (…)]**"; "Amended … by [ADR 0019]" and Beads
        // amendments keep it accepted ("the output/artifact contract remains accepted").
        { file: F.a17, number: 17, title: 'Output/artifact contract + environment recipe contract', status: 'accepted', date: '2026-07-02', relations: [over(F.a11result), over(F.a12)] },
        // "Amended (2026-07-07) by [ADR 0019]": an amendment, not a supersession.
        acc(F.a18, 18, 'Coding-agent target runtime contract', '2026-07-05'),
        // "Supersedes the target/provider authoring portions of [ADR 0016], [ADR 0017], and [ADR 0018]".
        { file: F.a19, number: 19, title: 'Promptfoo-first provider authoring and export boundary', status: 'accepted', date: '2026-07-07', relations: [over(F.a16), over(F.a17), over(F.a18)] },
      ],
    },
  ],
};

export const CORPORA_WILD_EXPECTED: Record<string, WildCorpus> = {
  wikibase,
  'dsp-api': dspApi,
  'scielo-kernel': scielo,
  'zero-logement-vacant': zeroLogementVacant,
  looms,
  agentv,
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

/** Absolute path of one wild folder on disk. */
export function wildFolderPath(corpus: string, folder: WildFolder): string {
  return join(CORPORA_WILD, corpus, folder.folder);
}

/** Every record of a wild corpus: its folder, its expectation and its absolute path (for property tests). */
export function wildRecordFiles(corpus: string): { folder: WildFolder; record: WildRecord; path: string }[] {
  return CORPORA_WILD_EXPECTED[corpus]!.folders.flatMap((folder) =>
    folder.records.map((record) => ({ folder, record, path: join(wildFolderPath(corpus, folder), record.file) })),
  );
}
