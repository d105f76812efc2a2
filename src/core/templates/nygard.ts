/**
 * Nygard / adr-tools templates, and what adr-tools does, verified against npryce/adr-tools
 * (src/adr-new, adr-init, adr-link, _adr_add_link, _adr_remove_status, _adr_title, _adr_dir and the
 * expected outputs under tests/). Our writers reproduce these bytes; deliberate differences are marked ≠.
 *
 * Template (src/template.md on master, as tests/create-first-record.expected shows it), placeholders
 * NUMBER TITLE DATE STATUS:
 *     # NUMBER. TITLE⏎⏎Date: DATE⏎⏎## Status⏎⏎STATUS⏎⏎## Context⏎⏎The issue motivating this decision, …⏎⏎
 *     ## Decision⏎⏎The change that we're proposing …⏎⏎## Consequences⏎⏎What becomes easier …⏎
 *   (Older versions wrote "Context here...", "Decision here...", "Consequences here...".)
 * Filling: `sed -e "s|NUMBER|$newnum|" -e "s|TITLE|$title|" -e "s|DATE|$date|" -e "s|STATUS|Accepted|"`,
 *   i.e. the FIRST occurrence of each token on each line, tokens matched anywhere (no word boundary).
 *   NUMBER is unpadded (`# 9. Ninth Decision`); STATUS is always "Accepted".
 *   ≠ we substitute in one pass (a title containing "DATE" is not re-substituted, as sed would) and
 *     the status defaults to "Proposed" (callers may pass "Accepted" to match adr-tools).
 * Template choice: $ADR_TEMPLATE if set, else `<adr dir>/templates/template.md` if it exists,
 *   else the built-in template.md. `adr init [DIR]` writes DIR to `.adr-dir` (mkdir -p DIR), then runs
 *   `VISUAL=true ADR_TEMPLATE=src/init.md adr new record-architecture-decisions`: no editor is opened,
 *   and the record is ADR 1 "Record architecture decisions" whatever number its file gets.
 * Folder: `.adr-dir` content (searched upwards), else `doc/adr`.
 * Number: `ls $dir | grep -Eo '^[0-9]+'`, leading zeros stripped with sed, `sort -rn | head -1`, plus one: every
 *   entry name with a leading digit run counts (not only .md files); leading zeros are stripped
 *   so that `$((0008 + 1))` is not read as octal (tests/avoid-octal-numbers). An empty or absent
 *   folder starts at 1. File number: `printf "%04d"`.
 * Slug: `echo -n $title | tr -Ccs [:alnum:] - | tr [:upper:] [:lower:]`, then sed trims leading and
 *   trailing non-alphanumerics: runs of non-alphanumerics become one '-', lower-cased, trimmed
 *   ("Something About Node.JS" → something-about-node-js, "Slash/Slash/Slash/" → slash-slash-slash,
 *   "-Bar-" → bar). File: `$dir/NNNN-slug.md`.
 *   ≠ we strip diacritics first ("Café" → cafe) and keep other Unicode letters; `tr` on bytes would not.
 * Date: `${ADR_DATE:-$(date +%Y-%m-%d)}` (local date; ADR_DATE overrides verbatim).
 * `adr new -s N`: for each superseded target, in order:
 *   _adr_add_link TARGET "Superceded by" NEW; _adr_remove_status "Accepted" TARGET;
 *   _adr_add_link NEW "Supercedes" TARGET.   (adr-tools spells it "Superceded"/"Supercedes".)
 * `-l "T:LINK:REVERSE"` and `adr link SRC LINK TGT REVERSE`: _adr_add_link SRC LINK TGT;
 *   _adr_add_link TGT REVERSE SRC.
 * _adr_add_link: awk over the file; at the first `^##` line after the line `## Status` it prints
 *   `LINK [<target H1 without "# ">](<target basename>)` and an empty line, then the heading. So a
 *   link is a new paragraph at the END of the Status section; a Status section that is the last
 *   section gets no link at all. ≠ we then append at the end of the file.
 * _adr_remove_status: inside the Status section drops lines equal to "Accepted" and squeezes runs
 *   of blank lines to one. Net effect on the superseded record (tests/supercede-existing-adr):
 *     ## Status⏎⏎Accepted⏎⏎## Context   →   ## Status⏎⏎Superceded by [2. Second Record](0002-second-record.md)⏎⏎## Context
 *   and on the new one: ## Status⏎⏎Accepted⏎⏎Supercedes [1. First Record](0001-first-record.md)⏎⏎## Context
 *   ≠ we replace the status paragraph whatever it says (adr-tools keeps "Proposed" or "✅ Accepted"
 *     and appends the Superceded line after any earlier link lines).
 * Link label: _adr_title = first line of the file minus its first two characters ("# ").
 */

/** adr-tools' default template (`src/template.md`), byte for byte. */
export const NYGARD_TEMPLATE =
  '# NUMBER. TITLE\n' +
  '\n' +
  'Date: DATE\n' +
  '\n' +
  '## Status\n' +
  '\n' +
  'STATUS\n' +
  '\n' +
  '## Context\n' +
  '\n' +
  'The issue motivating this decision, and any context that influences or constrains the decision.\n' +
  '\n' +
  '## Decision\n' +
  '\n' +
  "The change that we're proposing or have agreed to implement.\n" +
  '\n' +
  '## Consequences\n' +
  '\n' +
  'What becomes easier or more difficult to do and any risks introduced by the change that will need to be mitigated.\n';

/** The first record `adr init` writes (`src/init.md`); its number and title are fixed in the text. */
export const NYGARD_INIT_TEMPLATE =
  '# 1. Record architecture decisions\n' +
  '\n' +
  'Date: DATE\n' +
  '\n' +
  '## Status\n' +
  '\n' +
  'Accepted\n' +
  '\n' +
  '## Context\n' +
  '\n' +
  'We need to record the architectural decisions made on this project.\n' +
  '\n' +
  '## Decision\n' +
  '\n' +
  'We will use Architecture Decision Records, as ' +
  '[described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).\n' +
  '\n' +
  '## Consequences\n' +
  '\n' +
  "See Michael Nygard's article, linked above. " +
  "For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).\n";

// adr-tools' relation verbs ("Supercedes" / "Superceded by") are in dialects/adrTools.ts.
