/**
 * Every record of every real corpus parses without a crash, with the title and status a person reads
 * in the file. The table below was checked by reading each file (see ../shared/corpora).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseRecord } from '../../src/core/parse/record';
import { decodeText } from '../../src/core/text';
import type { Status } from '../../src/core/model';
import { CORPORA, CORPUS_FOLDERS, corpusRecordFiles, readCorpusFile } from '../support/corpora';

type Row = [file: string, title: string, status: Status];

const EXPECTED: Record<string, Row[]> = {
  'adr-tools': [
    ["0001-record-architecture-decisions.md", "Record architecture decisions", 'accepted'],
    ["0002-implement-as-shell-scripts.md", "Implement as shell scripts", 'accepted'],
    ["0003-single-command-with-subcommands.md", "Single command with subcommands", 'accepted'],
    ["0004-markdown-format.md", "Markdown format", 'accepted'],
    ["0005-help-comments.md", "Help comments", 'accepted'],
    ["0006-packaging-and-distribution-in-other-version-control-repositories.md", "Packaging and distribution in other version control repositories", 'accepted'],
    ["0007-invoke-adr-config-executable-to-get-configuration.md", "Invoke adr-config executable to get configuration", 'accepted'],
    ["0008-use-iso-8601-format-for-dates.md", "Use ISO 8601 Format for Dates", 'accepted'],
    ["0009-help-scripts.md", "Help scripts", 'accepted'],
  ],
  'jabref': [
    ["0000-use-markdown-architectural-decision-records.md", "Use Markdown Architectural Decision Records", 'unknown'],
    ["0001-use-crowdin-for-translations.md", "Use Crowdin for translations", 'unknown'],
    ["0002-use-slf4j-for-logging.md", "Use SLF4J together with log4j2 for logging", 'unknown'],
    ["0003-use-gradle-as-build-tool.md", "Use Gradle as build tool", 'unknown'],
    ["0004-use-mariadb-connector.md", "Use MariaDB Connector", 'unknown'],
    ["0005-fully-support-utf8-only-for-latex-files.md", "Fully Support UTF-8 Only For LaTeX Files", 'unknown'],
    ["0006-only-translated-strings-in-language-file.md", "Only translated strings in language file", 'unknown'],
    ["0007-human-readable-changelog.md", "Provide a human-readable changelog", 'unknown'],
    ["0008-use-public-final-instead-of-getters.md", "Use public final instead of getters to offer access to immutable variables", 'unknown'],
    ["0009-use-plain-junit5-for-testing.md", "Use Plain JUnit5 for advanced test assertions", 'unknown'],
    ["0010-use-h2-as-internal-database.md", "Use H2 as Internal SQL Database", 'unknown'],
    ["0011-test-external-links-in-documentation.md", "Test external links in documentation", 'unknown'],
    ["0012-handle-different-bibEntry-formats-of-fetchers.md", "Handle different bibentry formats of fetchers by adding a layer", 'unknown'],
    ["0013-add-native-support-biblatex-software.md", "Add Native Support for BibLatex-Software", 'unknown'],
    ["0014-separate-URL-creation-to-enable-proper-logging.md", "Separate URL creation to enable proper logging", 'unknown'],
    ["0015-support-an-abstract-query-syntax-for-query-conversion.md", "Query syntax design", 'unknown'],
    ["0016-mutable-preferences-objects.md", "Mutable preferences objects", 'unknown'],
    ["0017-allow-model-access-logic.md", "Allow org.jabref.model to access org.jabref.logic", 'unknown'],
    ["0018-use-regular-expression-to-split-multiple-sentence-titles.md", "Use regular expression to split multiple-sentence titles", 'unknown'],
    ["0019-implement-special-fields-as-separate-fields.md", "Implement special fields as separate fields", 'unknown'],
    ["0020-use-Jackson-to-parse-study-yml.md", "Use Jackson to parse study.yml", 'unknown'],
    ["0021-keep-study-as-a-dto.md", "Keep study as a DTO", 'unknown'],
    ["0022-remove-stop-words-during-query-transformation.md", "Remove stop words during query transformation", 'unknown'],
    ["0023-localized-preferences.md", "Localized Preferences", 'unknown'],
    ["0024-use-#-as-indicator-for-BibTeX-string-constants.md", "Use # as indicator for BibTeX string constants", 'unknown'],
    ["0025-reviewdog-reviews.md", "Reviewdog findings are code reviews", 'unknown'],
    ["0026-use-jna-to-determine-default-directory.md", "Use Java Native Access to Determine Default Directory", 'unknown'],
    ["0027-synchronization.md", "Synchronization with remote databases", 'unknown'],
    ["0028-http-return-bibtex-string.md", "Return BibTeX string and CSL Item JSON in the API", 'unknown'],
    ["0029-cff-export-multiple-entries.md", "Exporting multiple entries to CFF", 'unknown'],
    ["0030-use-apache-commons-io-for-directory-monitoring.md", "Use Apache Commons IO for directory monitoring", 'unknown'],
    ["0031-use-current-tab-for-deciding-style-type-for-oo.md", "Use currently active tab in Select style (OO Panel) to decide style type", 'unknown'],
    ["0032-store-chats-in-local-user-folder.md", "Store Chats in a Local User Folder", 'unknown'],
    ["0033-store-chats-in-mvstore.md", "Store Chats in MVStore", 'unknown'],
    ["0034-use-citation-key-for-grouping-chat-messages.md", "Use Citation Key for Grouping Chat Messages", 'unknown'],
    ["0035-generate-embeddings-online.md", "Generate Embeddings Online", 'unknown'],
    ["0036-use-markdown-for-chat-content.md", "Use Markdown rendering for Chat Message Content", 'unknown'],
    ["0037-rag-architecture-implementation.md", "RAG Architecture Implementation", 'unknown'],
    ["0038-use-entryId-for-bibentries.md", "Use BibEntry.getId for BibEntries at Indexing", 'unknown'],
    ["0039-use-apache-velocity-as-template-engine.md", "Use Apache Velocity as template engine", 'unknown'],
    ["0040-display-front-cover-in-preview-tab.md", "Display front cover for book citations in the Preview tab", 'unknown'],
    ["0041-use-one-form-for-singular-and-plural.md", "Use one language string for pluralization localization", 'unknown'],
    ["0042-use-markdowntextflow-for-summarization-content.md", "Use MarkdownTextFlow for Summarization Content", 'accepted'],
    ["0043-show-merge-dialog-when-importing-a-single-pdf.md", "Show merge dialog when importing a single PDF", 'unknown'],
    ["0044-use-picocli-for-jabkit.md", "Use Picocli instead of Apache Commons CLI for JabKit", 'unknown'],
    ["0045-use-input-flag-always-for-input-files.md", "Use --input Flag Consistently for Reading Input Files", 'superseded'],
    ["0046-use-jbang-for-generating-index-files.md", "Use JBang for index file generation", 'unknown'],
    ["0047-use-references-heading-in-citations-tab.md", "Use References Headings in Citations Tab", 'accepted'],
    ["0048-jbang-script-modification-for-testing-in-ci.md", "JBang script modification for testing in CI", 'unknown'],
    ["0049-hardcode-fieldnames.md", "Hardcode StandardField names and use exact or customized names otherwise (disallow customization of StandardFields)", 'accepted'],
    ["0050-custom-code-style.md", "Use custom code style", 'unknown'],
    ["0051-handle-nested-json-paths.md", "How to handle nested JSON paths", 'unknown'],
    ["0052-jspecify-nullable-annotations.md", "Adopt JSpecify nullness annotations for compile-time null safety", 'unknown'],
    ["0053-nullness-checking-framework.md", "Null Checking Framework Selection", 'unknown'],
    ["0054-allow-using-jilt-in-tests.md", "Use Jilt staged builders for complex test configurations", 'unknown'],
    ["0055-dependency-injection-approach.md", "Usage of Dependency Injection", 'unknown'],
    ["0056-OCR-engine-selection.md", "ADR for OCR engine selection", 'unknown'],
    ["0057-allow-positional-input-file-argument.md", "Allow a Positional Input File Argument for jabkit Commands", 'accepted'],
    ["0058-use-djl-for-embeddings.md", "Use Deep Java Library for embeddings in AI features", 'unknown'],
    ["0059-use-cuid2-for-ai-library-id.md", "Use CUID2 for aiLibraryId", 'unknown'],
    ["0060-use-json-to-serialize-ai-messages.md", "Use JSON to serialize AI chat messages", 'unknown'],
    ["0061-jabsrv-reload-via-mtime-polling.md", "Reload edited libraries in jabsrv via mtime polling", 'accepted'],
    ["0062-separate-jabkit-commands-and-services.md", "Separate JabKit Commands and Services", 'unknown'],
    ["0063-use-picocli-exceptionhandler.md", "Use picocli ExceptionHandler for JabKit Error Handling", 'unknown'],
    ["0064-use-citation-js-mapping.md", "Use citation-js's mapping for CSL item type/field <-> BibLaTeX type/field conversion", 'unknown'],
    ["0065-download-url-input-files.md", "Accept an http(s)/ftp URL as jabkit Input File", 'unknown'],
    ["0066-index-automatic-group-tree-merges.md", "Index Automatic Group Tree Merges", 'unknown'],
    ["0067-use-pandoc-for-bst-conversion.md", "Use Pandoc to Convert BST Output for the LibreOffice Integration", 'unknown'],
    ["0068-use-a-preference-for-Zotero-compatibility-mode.md", "Use a Preference to Handle Zotero Reference Marks", 'unknown'],
    ["0069-preferences-search-registration-vs-scene-graph-scan.md", "Collect preferences search targets by builder registration, scanning only escape hatches", 'unknown'],
  ],
  'cloud-platform': [
    ["000-Record-Architecture-Decisions.md", "Record Architecture Decisions", 'accepted'],
    ["001-Use-AWS-hosted-elasticsearch.md", "Use AWS hosted Elasticsearch", 'accepted'],
    ["002-Use-github-for-architecture-decision-record.md", "Use GitHub for architecture decision log", 'accepted'],
    ["003-Use-Concourse-CI.md", "Use Concourse CI", 'accepted'],
    ["004-use-kubernetes-for-container-management.md", "Use kubernetes for running containerised applications", 'accepted'],
    ["005-ECR-monitoring-and-alerting.md", "Monitoring/Alerting of ECR Image Counts", 'accepted'],
    ["006-Use-github-as-user-directory.md", "Use GitHub as our identity provider", 'accepted'],
    ["007-Use-ECR-As-Container-Registry.md", "Use ECR As Container Registry", 'accepted'],
    ["008-Support-Deployments-from-Third-Party-CI.md", "Support Deployments from Third Party CI", 'accepted'],
    ["009-Naming-convention-for-clusters.md", "Naming convention for clusters", 'accepted'],
    ["010-live-0-to-live-1-Cluster.md", "Migrate from live-0 to live-1 Cluster", 'accepted'],
    ["011-Introduce-Open-Policy-Agent.md", "Introduce Open Policy Agent", 'accepted'],
    ["012-One-cluster-for-dev-staging-prod.md", "One cluster for dev/staging/prod", 'accepted'],
    ["013-Use-RSpec-for-cluster-tests.md", "Use RSpec for our cluster tests", 'accepted'],
    ["014-Why-we-build-our-own-kubernetes-cluster.md", "Why we build our own kubernetes cluster", 'accepted'],
    ["015-Keeping-Terraform-modules-up-to-date.md", "Keeping Terraform modules up to date", 'accepted'],
    ["016-Kibana-is-open-to-all-service-teams.md", "Kibana is open to all service teams", 'accepted'],
    ["017-Variable-Naming.md", "Variable names in YAML & Terraform files are in snake case", 'proposed'],
    ["018-Dedicated-Ingress-Controllers.md", "Dedicated Ingress Controllers for teams", 'rejected'],
    ["019-Shared-Ingress-Controllers.md", "Shared Ingress Controllers for teams", 'proposed'],
    ["020-Environments-and-Pipeline.md", "Environments and Pipeline", 'proposed'],
    ["021-Multi-cluster.md", "Multi-cluster", 'superseded'],
    ["022-EKS.md", "EKS", 'accepted'],
    ["023-Logging.md", "Logging", 'accepted'],
    ["024-SSO-for-CP-Team-to-access-AWS.md", "Use SSO for CP Team to access AWS Console", 'proposed'],
    ["025-Domain-names.md", "Domain names", 'accepted'],
    ["026-Managed-Prometheus.md", "Managed Prometheus", 'proposed'],
    ["027-AWS-Console-access-for-users.md", "AWS Console access for users", 'proposed'],
    ["028-Repo-vulnerability-scanning.md", "Repo vulnerability scanning", 'unknown'],
    ["029-Kubernetes-security-config-auditing.md", "Kubernetes security config auditing", 'unknown'],
    ["030-AWS-root-user-security.md", "29 Kubernetes security config auditing", 'unknown'],
    ["031-Image-vulnerability-scanning.md", "Image vulnerability scanning", 'unknown'],
    ["033-Manager-cluster.md", "Manager cluster", 'accepted'],
    ["034-EKS-Fargate.md", "EKS Fargate", 'draft'],
    ["035-deprecated-tls-versions.md", "Deprecated TLS Versions", 'accepted'],
    ["036-multi-cluster.md", "Multi-cluster", 'accepted'],
    ["037-serverless.md", "Serverless (Lambda/Functions-as-a-Service)", 'rejected'],
    ["038-split-components-infrastructure.md", "Split Components Infrastructure", 'draft'],
    ["039-AWS-Network-Firewall.md", "AWS Network Firewall", 'accepted'],
    ["040-use-github-actions.md", "Use GitHub Actions", 'accepted'],
    ["041-decommission-cp-cli-tool.md", "Decommission the Cloud Platform CLI Tool", 'accepted'],
    ["042-use-modernisation-platform-accounts.md", "Use Modernisation Platform accounts", 'accepted'],
    ["043-new-cidr-ranges.md", "New Cloud Platform CIDR ranges", 'accepted'],
    ["044-naming-container-platform.md", "New Platform Name", 'accepted'],
    ["045-use-a-private-eks-endpoint.md", "Use a Private EKS Endpoint", 'accepted'],
    ["046-use-ecr-for-all-user-images.md", "Use ECR for all User Images", 'accepted'],
    ["047-use-karpenter-for-scaling.md", "Use Karpenter For Scaling", 'accepted'],
    ["048-per-business-unit-clusters.md", "Per Business Unit Clusters", 'accepted'],
    ["049-use-cluster-accounts-for-resources.md", "Use Cluster Accounts for Resources", 'accepted'],
  ],
  'log4brains': [
    ["20200924-use-markdown-architectural-decision-records.md", "Use Markdown Architectural Decision Records", 'accepted'],
    ["20200925-multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna.md", "Multi-packages architecture in a monorepo with Yarn and Lerna", 'accepted'],
    ["20200925-use-prettier-eslint-airbnb-for-the-code-style.md", "Use Prettier-ESLint Airbnb for the code style", 'accepted'],
    ["20200926-use-the-adr-number-as-its-unique-id.md", "Use the ADR number as its unique ID", 'superseded'],
    ["20200927-avoid-default-exports.md", "Avoid default exports", 'accepted'],
    ["20201016-use-the-adr-slug-as-its-unique-id.md", "Use the ADR slug as its unique ID", 'accepted'],
    ["20201026-the-core-api-is-responsible-for-enhancing-the-adr-markdown-body-with-mdx.md", "The core API is responsible for enhancing the ADR markdown body with MDX", 'accepted'],
    ["20201103-use-lunr-for-search.md", "Use Lunr for search", 'accepted'],
    ["20210113-distribute-log4brains-as-a-global-npm-package.md", "Distribute Log4brains as a global NPM package", 'accepted'],
    ["20201002-use-explicit-architecture-and-ddd-for-the-core-api.md", "Use Explicit Architecture and DDD for the core API", 'accepted'],
    ["20201003-markdown-parsing-is-part-of-the-domain.md", "Markdown parsing is part of the domain", 'accepted'],
    ["20201027-adr-link-resolver-in-the-domain.md", "ADR link resolver in the domain", 'accepted'],
    ["20200925-use-nextjs-for-static-site-generation.md", "Use Next.js for Static Site Generation", 'accepted'],
    ["20200926-react-file-structure-organized-by-feature.md", "React file structure organized by feature", 'accepted'],
    ["20200927-avoid-react-fc-type.md", "Avoid React.FC type", 'accepted'],
    ["20200927-use-react-hooks.md", "Use React hooks", 'accepted'],
    ["20201007-next-js-persistent-layout-pattern.md", "Next.js persistent layout pattern", 'accepted'],
  ],
  'madr': [
    ["0000-use-markdown-architectural-decision-records.md", "Use Markdown Architectural Decision Records", 'unknown'],
    ["0001-use-CC0-or-MIT-as-license.md", "Dual License the Work", 'unknown'],
    ["0002-do-not-use-numbers-in-headings.md", "Do Not Use Numbers in Headings", 'unknown'],
    ["0003-provide-own-madr-tools.md", "Write Own MADR Tooling", 'unknown'],
    ["0004-write-own-toc-tool.md", "Write Own TOC Tool", 'unknown'],
    ["0005-use-dashes-in-filenames.md", "Use Dashes in Filenames", 'unknown'],
    ["0006-use-names-as-identifier.md", "Use Names as Identifier", 'unknown'],
    ["0007-do-not-emphasize-line-headings.md", "Do Not Emphasize Line Headings", 'unknown'],
    ["0008-add-status-field.md", "Add Status Field", 'unknown'],
    ["0009-support-links-between-adrs-inside-an-adrs.md", "Support Links To Other ADRs Inside an ADR", 'unknown'],
    ["0010-support-categories.md", "Support Categories", 'unknown'],
    ["0011-use-asterisk-as-list-marker.md", "Use Asterisk as List Marker", 'unknown'],
    ["0012-use-curly-braces-to-denote-placeholder.md", "Use Curly Braces to Denote Placeholders", 'unknown'],
    ["0013-use-yaml-front-matter-for-meta-data.md", "Use YAML front matter for metadata", 'unknown'],
    ["0014-allow-neutral-arguments.md", "Allow \"neutral\" arguments", 'unknown'],
    ["0015-include-consulting-informed-of-raci.md", "Include \"Consulted\" and \"Informed\" of RACI", 'unknown'],
    ["0016-outcome-before-detailed-pros-cons.md", "Outcome before Detailed Pros and Cons", 'unknown'],
    ["0017-use-same-format-for-outcomes-and-options.md", "Use Same Format for Outcomes and Options", 'unknown'],
    ["0018-use-confirmation-as-heading.md", "Use \"Confirmation\" as Heading", 'unknown'],
  ],
};

const COUNTS: Record<string, number> = { 'adr-tools': 9, jabref: 70, 'cloud-platform': 49, log4brains: 17, madr: 19 };

function parseFile(path: string) {
  const { text, bom } = decodeText(readCorpusFile(path), path);
  return { text, record: parseRecord(text, { path, bom }) };
}

describe('parsing the real corpora', () => {
  for (const corpus of Object.keys(CORPUS_FOLDERS)) {
    describe(corpus, () => {
      const files = corpusRecordFiles(corpus);

      it(`has ${COUNTS[corpus]} records`, () => {
        assert.equal(files.length, COUNTS[corpus]);
        assert.equal(EXPECTED[corpus]!.length, COUNTS[corpus]);
      });

      it('reads the title and status of every record', () => {
        const byName = new Map(EXPECTED[corpus]!.map((row) => [row[0], row]));
        for (const file of files) {
          const { record } = parseFile(file);
          const row = byName.get(basename(file));
          assert.ok(row, `no expectation for ${file}`);
          assert.equal(record.title, row[1], `title of ${file}`);
          assert.equal(record.status, row[2], `status of ${file}`);
        }
      });

      it('keeps spans that point at the values they describe', () => {
        for (const file of files) {
          const { text, record } = parseFile(file);
          if (record.titleField?.source === 'heading') {
            assert.equal(text.slice(record.titleField.span.start, record.titleField.span.end).replace(/[`*_]/g, ''), record.title.replace(/[`*_]/g, ''), file);
          }
          if (record.statusField && record.statusField.value) {
            // Front-matter spans cover the YAML scalar as written, quotes included.
            const written = text.slice(record.statusField.span.start, record.statusField.span.end);
            assert.equal(record.statusField.source === 'front-matter' ? written.replace(/^(["'])(.*)\1$/, '$2') : written, record.statusField.value, file);
          }
          if (record.dateField) assert.equal(text.slice(record.dateField.span.start, record.dateField.span.end), record.dateField.value, file);
          for (const link of record.links) assert.equal(text.slice(link.hrefSpan.start, link.hrefSpan.end), link.href, file);
        }
      });
    });
  }

  it('reads the dialect of each corpus', () => {
    const dialects = (c: string) => new Set(corpusRecordFiles(c).map((f) => parseFile(f).record.dialect));
    assert.deepEqual([...dialects('adr-tools')], ['nygard']);
    assert.deepEqual([...dialects('cloud-platform')], ['nygard']);
    assert.deepEqual([...dialects('log4brains')], ['log4brains']);
    assert.deepEqual([...dialects('madr')], ['madr4']);
    assert.ok(dialects('jabref').has('madr4'));
  });

  it('reads relations written as link lines, status bullets and front matter ids', () => {
    const rel = (corpus: string, name: string) => {
      const file = corpusRecordFiles(corpus).find((f) => basename(f) === name)!;
      return parseFile(file).record.relations.map((r) => `${r.type} ${r.target}`);
    };
    assert.deepEqual(rel('adr-tools', '0005-help-comments.md'), ['amended-by 0009-help-scripts.md']);
    assert.deepEqual(rel('adr-tools', '0009-help-scripts.md'), ['amends 0005-help-comments.md']);
    assert.deepEqual(rel('cloud-platform', '021-Multi-cluster.md'), ['superseded-by 036-multi-cluster.md']);
    assert.deepEqual(rel('jabref', '0045-use-input-flag-always-for-input-files.md'), ['superseded-by ADR-0057']);
    assert.deepEqual(rel('jabref', '0057-allow-positional-input-file-argument.md'), ['supersedes ADR-0045']);
    assert.deepEqual(rel('jabref', '0006-only-translated-strings-in-language-file.md'), ['relates 0001-use-crowdin-for-translations.md']);
    assert.deepEqual(rel('log4brains', '20200926-use-the-adr-number-as-its-unique-id.md'), ['superseded-by 20201016-use-the-adr-slug-as-its-unique-id.md']);
  });

  it('reads dates in ISO, DD/MM/YYYY and DD/MM/YY, and people and tags', () => {
    const rec = (corpus: string, name: string) => parseFile(corpusRecordFiles(corpus).find((f) => basename(f) === name)!).record;
    assert.equal(rec('adr-tools', '0009-help-scripts.md').date, '2018-06-26');
    assert.equal(rec('cloud-platform', '019-Shared-Ingress-Controllers.md').date, '2020-09-09');
    assert.equal(rec('cloud-platform', '004-use-kubernetes-for-container-management.md').date, '2018-04-10');
    assert.equal(rec('cloud-platform', '006-Use-github-as-user-directory.md').date, '2018-04-09');
    assert.equal(rec('cloud-platform', '022-EKS.md').statusText, 'Accepted');
    assert.equal(rec('jabref', '0047-use-references-heading-in-citations-tab.md').deciders.length, 5);
    assert.deepEqual(rec('log4brains', '20200925-use-nextjs-for-static-site-generation.md').tags, ['frontend', 'frameworks']);
    assert.equal(rec('madr', '0003-provide-own-madr-tools.md').statusText, 'on hold');
    assert.equal(rec('jabref', '0057-allow-positional-input-file-argument.md').statusText, 'accepted; supersedes ADR-0045');
  });
});

describe('the fast scanner and the full remark parse agree', () => {
  it('on every field of every corpus record', () => {
    let compared = 0;
    for (const corpus of Object.keys(CORPUS_FOLDERS)) {
      for (const path of corpusRecordFiles(corpus)) {
        const { text } = decodeText(readCorpusFile(path), path);
        const scan = parseRecord(text, { path, mode: 'scan' });
        const full = parseRecord(text, { path, mode: 'full' });
        assert.deepEqual(scan, full, path);
        compared++;
      }
    }
    assert.equal(compared, 164);
  });

  it('on every field of every Markdown file of the wild corpora (records, templates, indexes)', () => {
    const root = join(CORPORA, '..', 'corpora-wild');
    const walk = (d: string): string[] => readdirSync(d).sort().flatMap((n) => {
      const p = join(d, n);
      return statSync(p).isDirectory() ? walk(p) : n.endsWith('.md') ? [p] : [];
    });
    let compared = 0;
    for (const path of walk(root)) {
      const { text } = decodeText(readCorpusFile(path), path);
      assert.deepEqual(parseRecord(text, { path, mode: 'scan' }), parseRecord(text, { path, mode: 'full' }), path);
      compared++;
    }
    assert.ok(compared >= 127, `${compared} files`);
  });
});
