/**
 * MADR 2 style templates: metadata as a bullet list under the title (`* Status: ...`), links in a
 * `## Links` section, `[...]` placeholders.
 *
 * log4brains (thomvaill/log4brains, default `docs/adr/template.md`): the MADR 2 template with `-`
 * bullets, a `draft` status and `Tags`. Files are `YYYYMMDD-slug.md`. log4brains' own writer
 * (packages/core/src/adr/domain/Adr.ts, MarkdownBody.ts): superseding sets the header bullet to
 * `Status: superseded by [<slug>](<slug>.md)` and adds `Supersedes [<slug>](<slug>.md)` to the `## Links`
 * list (appending `⏎## Links⏎⏎- <link>` at the end of the file when there is no such list); a missing
 * metadata bullet is appended to the header list, or inserted after the H1 as `⏎- Status: x⏎`.
 */

/** log4brains' default template (`docs/adr/template.md` as `log4brains init` writes it). */
export const LOG4BRAINS_TEMPLATE =
  "# [short title of solved problem and solution]\n" +
  "\n" +
  "- Status: [draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->\n" +
  "- Deciders: [list everyone involved in the decision] <!-- optional -->\n" +
  "- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional. To customize the ordering without relying on last edit dates -->\n" +
  "- Tags: [space and/or comma separated list of tags] <!-- optional -->\n" +
  "\n" +
  "Technical Story: [description | ticket/issue URL] <!-- optional -->\n" +
  "\n" +
  "## Context and Problem Statement\n" +
  "\n" +
  "[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]\n" +
  "\n" +
  "## Decision Drivers <!-- optional -->\n" +
  "\n" +
  "- [driver 1, e.g., a force, facing concern, …]\n" +
  "- [driver 2, e.g., a force, facing concern, …]\n" +
  "- … <!-- numbers of drivers can vary -->\n" +
  "\n" +
  "## Considered Options\n" +
  "\n" +
  "- [option 1]\n" +
  "- [option 2]\n" +
  "- [option 3]\n" +
  "- … <!-- numbers of options can vary -->\n" +
  "\n" +
  "## Decision Outcome\n" +
  "\n" +
  "Chosen option: \"[option 1]\", because [justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force force | … | comes out best (see below)].\n" +
  "\n" +
  "### Positive Consequences <!-- optional -->\n" +
  "\n" +
  "- [e.g., improvement of quality attribute satisfaction, follow-up decisions required, …]\n" +
  "- …\n" +
  "\n" +
  "### Negative Consequences <!-- optional -->\n" +
  "\n" +
  "- [e.g., compromising quality attribute, follow-up decisions required, …]\n" +
  "- …\n" +
  "\n" +
  "## Pros and Cons of the Options <!-- optional -->\n" +
  "\n" +
  "### [option 1]\n" +
  "\n" +
  "[example | description | pointer to more information | …] <!-- optional -->\n" +
  "\n" +
  "- Good, because [argument a]\n" +
  "- Good, because [argument b]\n" +
  "- Bad, because [argument c]\n" +
  "- … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "### [option 2]\n" +
  "\n" +
  "[example | description | pointer to more information | …] <!-- optional -->\n" +
  "\n" +
  "- Good, because [argument a]\n" +
  "- Good, because [argument b]\n" +
  "- Bad, because [argument c]\n" +
  "- … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "### [option 3]\n" +
  "\n" +
  "[example | description | pointer to more information | …] <!-- optional -->\n" +
  "\n" +
  "- Good, because [argument a]\n" +
  "- Good, because [argument b]\n" +
  "- Bad, because [argument c]\n" +
  "- … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "## Links <!-- optional -->\n" +
  "\n" +
  "- [Link type][link to adr] <!-- example: Refined by [xxx](yyyymmdd-xxx.md) -->\n" +
  "- … <!-- numbers of links can vary -->\n";

/** MADR 2.1.2 `template/template.md` (adr/madr 2.x, CC0). */
export const MADR2_TEMPLATE =
  "# [short title of solved problem and solution]\n" +
  "\n" +
  "* Status: [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)] <!-- optional -->\n" +
  "* Deciders: [list everyone involved in the decision] <!-- optional -->\n" +
  "* Date: [YYYY-MM-DD when the decision was last updated] <!-- optional -->\n" +
  "\n" +
  "Technical Story: [description | ticket/issue URL] <!-- optional -->\n" +
  "\n" +
  "## Context and Problem Statement\n" +
  "\n" +
  "[Describe the context and problem statement, e.g., in free form using two to three sentences. You may want to articulate the problem in form of a question.]\n" +
  "\n" +
  "## Decision Drivers <!-- optional -->\n" +
  "\n" +
  "* [driver 1, e.g., a force, facing concern, …]\n" +
  "* [driver 2, e.g., a force, facing concern, …]\n" +
  "* … <!-- numbers of drivers can vary -->\n" +
  "\n" +
  "## Considered Options\n" +
  "\n" +
  "* [option 1]\n" +
  "* [option 2]\n" +
  "* [option 3]\n" +
  "* … <!-- numbers of options can vary -->\n" +
  "\n" +
  "## Decision Outcome\n" +
  "\n" +
  "Chosen option: \"[option 1]\", because [justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force force | … | comes out best (see below)].\n" +
  "\n" +
  "### Positive Consequences <!-- optional -->\n" +
  "\n" +
  "* [e.g., improvement of quality attribute satisfaction, follow-up decisions required, …]\n" +
  "* …\n" +
  "\n" +
  "### Negative Consequences <!-- optional -->\n" +
  "\n" +
  "* [e.g., compromising quality attribute, follow-up decisions required, …]\n" +
  "* …\n" +
  "\n" +
  "## Pros and Cons of the Options <!-- optional -->\n" +
  "\n" +
  "### [option 1]\n" +
  "\n" +
  "[example | description | pointer to more information | …] <!-- optional -->\n" +
  "\n" +
  "* Good, because [argument a]\n" +
  "* Good, because [argument b]\n" +
  "* Bad, because [argument c]\n" +
  "* … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "### [option 2]\n" +
  "\n" +
  "[example | description | pointer to more information | …] <!-- optional -->\n" +
  "\n" +
  "* Good, because [argument a]\n" +
  "* Good, because [argument b]\n" +
  "* Bad, because [argument c]\n" +
  "* … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "### [option 3]\n" +
  "\n" +
  "[example | description | pointer to more information | …] <!-- optional -->\n" +
  "\n" +
  "* Good, because [argument a]\n" +
  "* Good, because [argument b]\n" +
  "* Bad, because [argument c]\n" +
  "* … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "## Links <!-- optional -->\n" +
  "\n" +
  "* [Link type] [Link to ADR] <!-- example: Refined by [ADR-0005](0005-example.md) -->\n" +
  "* … <!-- numbers of links can vary -->\n";
