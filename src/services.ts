/** What the composition root hands to every feature. */
import type { Clock, FileSystem } from './core/ports';
import type { ExtensionLog } from './platform/log';
import type { DecisionWorkspace } from './workspace/decisionWorkspace';
import type { DecisionsTree } from './views/decisionsTree';
import type { LanguageFeatures } from './language';
import type { ReviewFeature } from './review';
import type { CodeLinkFeatures } from './codelinks';
import type { Prompter } from './commands/prompter';

export interface Services {
  readonly workspace: DecisionWorkspace;
  readonly log: ExtensionLog;
  readonly fs: FileSystem;
  readonly clock: Clock;
  /** Set once the Decisions view is registered. */
  tree?: DecisionsTree;
  /** Set once the ADR document features are registered. */
  language?: LanguageFeatures;
  /** Set once the Architecture Review is registered. */
  review?: ReviewFeature;
  /** Set once the code ↔ decision links are registered. */
  codeLinks?: CodeLinkFeatures;
  /** Asks the user (quick input); tests put a scripted one here. Commands fall back to quick input. */
  prompter?: Prompter;
}
