/**
 * MADR 4 templates (adr/madr `template/`, CC0), byte for byte. Placeholders: `{...}` in the full and
 * minimal templates, `<!-- ... -->` comments and empty values in the bare ones. MADR 4 keeps its
 * metadata in YAML front matter (`status`, `date`, `decision-makers`, `consulted`, `informed`), writes
 * lower-case statuses and a superseded record as `status: "superseded by ADR-0123"` (the template's
 * example; MADR 2 linked it: `superseded by [ADR-0005](0005-example.md)`). Files are numbered from 0000.
 */

/** MADR 4 `adr-template.md` (all sections, with explanations). */
export const MADR_FULL_TEMPLATE =
  "---\n" +
  "# These are optional metadata elements. Feel free to remove any of them.\n" +
  "status: \"{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123\"\n" +
  "date: {YYYY-MM-DD when the decision was last updated}\n" +
  "decision-makers: {list everyone involved in the decision}\n" +
  "consulted: {list everyone whose opinions are sought (typically subject-matter experts); and with whom there is a two-way communication}\n" +
  "informed: {list everyone who is kept up-to-date on progress; and with whom there is a one-way communication}\n" +
  "---\n" +
  "\n" +
  "# {short title, representative of solved problem and found solution}\n" +
  "\n" +
  "## Context and Problem Statement\n" +
  "\n" +
  "{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question and add links to collaboration boards or issue management systems.}\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "## Decision Drivers\n" +
  "\n" +
  "* {decision driver 1, e.g., a force, facing concern, …}\n" +
  "* {decision driver 2, e.g., a force, facing concern, …}\n" +
  "* … <!-- numbers of drivers can vary -->\n" +
  "\n" +
  "## Considered Options\n" +
  "\n" +
  "* {title of option 1}\n" +
  "* {title of option 2}\n" +
  "* {title of option 3}\n" +
  "* … <!-- numbers of options can vary -->\n" +
  "\n" +
  "## Decision Outcome\n" +
  "\n" +
  "Chosen option: \"{title of option 1}\", because {justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | … | comes out best (see below)}.\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "### Consequences\n" +
  "\n" +
  "* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}\n" +
  "* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}\n" +
  "* … <!-- numbers of consequences can vary -->\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "### Confirmation\n" +
  "\n" +
  "{Describe how the implementation of/compliance with the ADR can/will be confirmed. Is the chosen design and its implementation in line with the decision? E.g., a design/code review or a test with a library such as ArchUnit can help validate this. Note that although we classify this element as optional, it is included in many ADRs.}\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "## Pros and Cons of the Options\n" +
  "\n" +
  "### {title of option 1}\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "{example | description | pointer to more information | …}\n" +
  "\n" +
  "* Good, because {argument a}\n" +
  "* Good, because {argument b}\n" +
  "<!-- use \"neutral\" if the given argument weights neither for good nor bad -->\n" +
  "* Neutral, because {argument c}\n" +
  "* Bad, because {argument d}\n" +
  "* … <!-- numbers of pros and cons can vary -->\n" +
  "\n" +
  "### {title of other option}\n" +
  "\n" +
  "{example | description | pointer to more information | …}\n" +
  "\n" +
  "* Good, because {argument a}\n" +
  "* Good, because {argument b}\n" +
  "* Neutral, because {argument c}\n" +
  "* Bad, because {argument d}\n" +
  "* …\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "## More Information\n" +
  "\n" +
  "{You might want to provide additional evidence/confidence for the decision outcome here and/or document the team agreement on the decision and/or define when/how this decision the decision should be realized and if/when it should be re-visited. Links to other decisions and resources might appear here as well.}\n";

/** MADR 4 `adr-template-minimal.md` (mandatory sections only, with explanations). */
export const MADR_MINIMAL_TEMPLATE =
  "# {short title, representative of solved problem and found solution}\n" +
  "\n" +
  "## Context and Problem Statement\n" +
  "\n" +
  "{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story. You may want to articulate the problem in form of a question and add links to collaboration boards or issue management systems.}\n" +
  "\n" +
  "## Considered Options\n" +
  "\n" +
  "* {title of option 1}\n" +
  "* {title of option 2}\n" +
  "* {title of option 3}\n" +
  "* … <!-- numbers of options can vary -->\n" +
  "\n" +
  "## Decision Outcome\n" +
  "\n" +
  "Chosen option: \"{title of option 1}\", because {justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | … | comes out best (see below)}.\n" +
  "\n" +
  "<!-- This is an optional element. Feel free to remove. -->\n" +
  "### Consequences\n" +
  "\n" +
  "* Good, because {positive consequence, e.g., improvement of one or more desired qualities, …}\n" +
  "* Bad, because {negative consequence, e.g., compromising one or more desired qualities, …}\n" +
  "* … <!-- numbers of consequences can vary -->\n";

/** MADR 4 `adr-template-bare.md` (all sections, empty). */
export const MADR_BARE_TEMPLATE =
  "---\n" +
  "status:\n" +
  "date: \n" +
  "decision-makers: \n" +
  "consulted: \n" +
  "informed: \n" +
  "---\n" +
  "\n" +
  "# <!-- short title, representative of solved problem and found solution -->\n" +
  "\n" +
  "## Context and Problem Statement\n" +
  "\n" +
  "\n" +
  "\n" +
  "## Decision Drivers\n" +
  "\n" +
  "* <!-- decision driver -->\n" +
  "\n" +
  "## Considered Options\n" +
  "\n" +
  "* <!-- option -->\n" +
  "\n" +
  "## Decision Outcome\n" +
  "\n" +
  "Chosen option: \"\", because\n" +
  "\n" +
  "### Consequences\n" +
  "\n" +
  "* Good, because\n" +
  "* Bad, because\n" +
  "\n" +
  "### Confirmation\n" +
  "\n" +
  "\n" +
  "\n" +
  "## Pros and Cons of the Options\n" +
  "\n" +
  "### <!-- title of option -->\n" +
  "\n" +
  "* Good, because\n" +
  "* Neutral, because\n" +
  "* Bad, because\n" +
  "\n" +
  "## More Information\n";

/** MADR 4 `adr-template-bare-minimal.md` (mandatory sections, empty). */
export const MADR_BARE_MINIMAL_TEMPLATE =
  "# <!-- short title, representative of solved problem and found solution -->\n" +
  "\n" +
  "## Context and Problem Statement\n" +
  "\n" +
  "\n" +
  "\n" +
  "## Considered Options\n" +
  "\n" +
  "\n" +
  "\n" +
  "## Decision Outcome\n" +
  "\n" +
  "\n" +
  "\n" +
  "### Consequences\n" +
  "\n";
