/**
 * Lifecycle commands on existing records: Change Status, Supersede, Amend / Link. Each plans with
 * core (`setStatus`, `supersede`, `relate` / `link`) against the texts the user sees and applies the
 * result as one undoable `WorkspaceEdit`.
 */
import * as vscode from 'vscode';
import { link, relate, setStatus, supersede } from '../../core/edit';
import type { AdrRecord, Status } from '../../core/model';
import { STATUSES } from '../../core/model';
import { isoDate } from '../../core/naming';
import { recordLabel } from '../../core/presentation';
import { policyFor, policyRoot, readSignoff, signoffState, signoffSummary } from '../../core/signoff';
import { noIcons } from '../../platform/markdownText';
import type { Host } from '../../host';
import { STATUS_CHOICES } from './authoring';
import { runFlow } from '../../host/flow';
import { pickRecord, pickStatus, pickVerbPair, recordItems, recordToActOn, type VerbPair } from '../../host/pickers';
import { answered, BACK, Cancelled, type Prompter } from '../../host/prompter';
import { findRecord, type RecordRef } from '../../host/targets';

/** Arguments of `adrWorkbench.changeStatus`. */
export interface ChangeStatusArgs {
  readonly record?: RecordRef;
  /** A known status ("Accepted", any case) is written in the record's own case; anything else verbatim. */
  readonly status?: string;
  /** Set a status the sign-off policy guards without its approvals, without asking. */
  readonly force?: boolean;
}

/** Sets a record's status; resolves with the record's URI. */
export async function changeStatus(host: Host, prompter: Prompter, args: ChangeStatusArgs): Promise<vscode.Uri> {
  const target = await recordToActOn(host.workspace, prompter, args.record, vscode.l10n.t('Change Status'));
  const session = host.edits();
  const { record, text } = await session.record(target);
  const chosen = args.status ?? answered(await pickStatus(prompter, {
    title: vscode.l10n.t('Change Status: {0}', noIcons(recordLabel(record))),
    ...(record.statusText ? { current: record.statusText } : {}),
    active: record.status === 'proposed' || record.status === 'draft' ? 'Accepted' : record.statusText ?? 'Accepted',
  }));
  const known = STATUS_CHOICES.find((s) => s.toLowerCase() === chosen.trim().toLowerCase());
  if (known && args.force !== true) await confirmSignoff(host, prompter, record, text, known.toLowerCase() as Status);
  const edits = setStatus(record, text, known ? known.toLowerCase() : chosen.trim());
  await session.applyPlans({ edits: [{ path: record.path, edits }], creates: [] });
  return vscode.Uri.file(record.path);
}

/**
 * A status the collection's sign-off policy (`.adr-workbench.yml`) guards, set without the approvals it
 * needs: the user is warned and asked (the CLI refuses unless --force). Cancelled when they decline.
 */
async function confirmSignoff(host: Host, prompter: Prompter, record: AdrRecord, text: string, status: Status): Promise<void> {
  if (status === record.status || !STATUSES.includes(status)) return;
  const root = host.workspace.folderOf(record.collection)?.root ?? record.collection;
  const read = await policyRoot(host.fs, root)
    .then((top) => policyFor(host.fs, record.collection, record.collection.startsWith(top) ? top : root))
    .catch(() => undefined);
  const policy = read?.policy;
  if (!policy?.statuses.includes(status)) return;
  const state = signoffState(record, readSignoff(record, text), policy, { today: isoDate(host.clock.now()), status });
  if (state.satisfied) return;
  const ok = await prompter.confirm(
    vscode.l10n.t('{0} lacks the approvals the sign-off policy asks for before it is {1}: {2}. Set it anyway?', noIcons(recordLabel(record)), status, signoffSummary(state)),
    vscode.l10n.t('Set Anyway'),
    true,
  );
  if (!ok) throw new Cancelled();
}

/** Arguments of `adrWorkbench.supersede`. */
export interface SupersedeArgs {
  /** The record that is superseded. */
  readonly record?: RecordRef;
  /** The record replacing it, or `new` for a new decision (New Decision with `supersedes` prefilled). */
  readonly by?: RecordRef | 'new';
  /** Title of the new decision, with `by: 'new'`. */
  readonly title?: string;
}

const NEW = 'new';

/** Marks a record superseded by another (or by a new one); resolves with the replacement's URI. */
export async function supersedeRecord(
  host: Host, prompter: Prompter, args: SupersedeArgs,
  newDecision: (args: { supersedes: RecordRef[]; collection: string; title?: string }) => Promise<vscode.Uri | undefined>,
): Promise<vscode.Uri | undefined> {
  const old = await recordToActOn(host.workspace, prompter, args.record, vscode.l10n.t('Supersede'));
  let by: AdrRecord | typeof NEW;
  if (args.by !== undefined) {
    by = args.by === NEW ? NEW : findRecord(host.workspace, args.by).record;
  } else {
    const others = host.workspace.records().filter((r) => r.path !== old.path);
    by = answered(await prompter.pick<AdrRecord | typeof NEW>(
      [{ label: '$(add) New decision…', description: 'write the decision that replaces it', value: NEW }, ...recordItems(host.workspace, others)],
      { title: vscode.l10n.t('Supersede {0} by…', noIcons(recordLabel(old))), placeholder: vscode.l10n.t('The decision that replaces it'), matchOnDescription: true, matchOnDetail: true },
    ));
  }
  if (by === NEW) return newDecision({ supersedes: [old.path], collection: old.collection, ...(args.title !== undefined ? { title: args.title } : {}) });
  const session = host.edits();
  const collectionDialect = host.workspace.collections().find((c) => c.collection.path === old.collection)?.collection.dialect;
  await session.applyPlans(supersede(await session.record(old), await session.record(by), collectionDialect ? { collectionDialect } : {}));
  return vscode.Uri.file(by.path);
}

/** Arguments of `adrWorkbench.link`. */
export interface LinkArgs {
  /** The record that gets the verb ("Amends"). */
  readonly source?: RecordRef;
  /** The record that gets the reverse verb ("Amended by"). */
  readonly target?: RecordRef;
  readonly relation?: 'amends' | 'clarifies' | 'relates';
  /** A custom verb (instead of `relation`) and its reverse (default: the same verb). */
  readonly verb?: string;
  readonly reverseVerb?: string;
}

interface LinkState {
  readonly pair?: VerbPair;
  readonly target?: AdrRecord;
}

/** Writes a relation in both records; resolves with the source's URI. */
export async function linkRecords(host: Host, prompter: Prompter, args: LinkArgs): Promise<vscode.Uri> {
  const source = await recordToActOn(host.workspace, prompter, args.source, vscode.l10n.t('Amend / Link'));
  const title = vscode.l10n.t('Amend / Link: {0}', noIcons(recordLabel(source)));
  const fixed: LinkState = {
    ...(args.relation ? { pair: { type: args.relation } } : args.verb ? { pair: { type: 'custom', verb: args.verb, reverseVerb: args.reverseVerb ?? args.verb } } : {}),
    ...(args.target !== undefined ? { target: findRecord(host.workspace, args.target).record } : {}),
  };
  const state = await runFlow<LinkState>([
    {
      when: () => fixed.pair === undefined,
      ask: async (s, step) => {
        const pair = await pickVerbPair(prompter, { title, step });
        return pair === undefined || pair === BACK ? pair : { ...s, pair };
      },
    },
    {
      when: () => fixed.target === undefined,
      ask: async (s, step) => {
        const target = await pickRecord(host.workspace, prompter, { title, step, exclude: [source.path], placeholder: vscode.l10n.t('The other decision') });
        return target === undefined || target === BACK ? target : { ...s, target };
      },
    },
  ], fixed);
  const session = host.edits();
  const from = await session.record(source);
  const to = await session.record(state.target!);
  const pair = state.pair!;
  await session.applyPlans(pair.type === 'custom' ? link(from, pair.verb, to, pair.reverseVerb) : relate(from, pair.type, to));
  return vscode.Uri.file(source.path);
}
