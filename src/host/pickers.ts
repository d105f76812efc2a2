/** Questions several commands ask: which record, which collection, which relation. */
import * as vscode from 'vscode';
import type { AdrRecord, Collection } from '../core/model';
import { relative } from '../core/paths';
import { recordLabel, statusAndDate as statusAndDateText, STATUS_CHOICES } from '../core/presentation';
import { noIcons } from '../platform/markdownText';
import { answered, BACK, type Answer, type PickItem, type Prompter, type QuestionOptions } from './prompter';
import { findRecord, type RecordRef } from './targets';
import type { DecisionWorkspace, LocatedRecord } from './decisionWorkspace';

/** "Accepted · 2024-01-31" */
export function statusAndDate(r: AdrRecord): string {
  return noIcons(statusAndDateText(r));
}

/** One pick item per record: "7. Title", status · date, tags (and the collection when there are several). */
export function recordItems(workspace: DecisionWorkspace, records: readonly AdrRecord[]): PickItem<AdrRecord>[] {
  const several = workspace.collections().length > 1;
  return records.map((r) => {
    const collection = several ? workspace.locate(r.path)?.index.collection(r.collection)?.name : undefined;
    const detail = noIcons([collection, r.tags.length ? r.tags.map((t) => `#${t}`).join(' ') : undefined].filter(Boolean).join(' · '));
    return { label: noIcons(recordLabel(r)), description: statusAndDate(r), ...(detail ? { detail } : {}), value: r };
  });
}

/** Asks for one record of the workspace (optionally not some). */
export function pickRecord(workspace: DecisionWorkspace, prompter: Prompter, options: QuestionOptions & { exclude?: readonly string[] }): Promise<Answer<AdrRecord>> {
  const records = workspace.records().filter((r) => !options.exclude?.includes(r.path));
  const active = activeRecord(workspace)?.record;
  return prompter.pick(recordItems(workspace, records), {
    ...options, matchOnDescription: true, matchOnDetail: true, ...(active ? { active } : {}),
    placeholder: options.placeholder ?? vscode.l10n.t('Number, title, status or tag'),
  });
}

/** The record in the active editor, if it is one. */
export function activeRecord(workspace: DecisionWorkspace): LocatedRecord | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && uri.scheme === 'file' ? workspace.locate(uri) : undefined;
}

/**
 * The record a command acts on: the one it was given, else the active editor's, else the one the
 * user picks.
 */
export async function recordToActOn(workspace: DecisionWorkspace, prompter: Prompter, ref: RecordRef | undefined, title: string): Promise<AdrRecord> {
  if (ref !== undefined) return findRecord(workspace, ref).record;
  const active = activeRecord(workspace);
  if (active) return active.record;
  return answered(await pickRecord(workspace, prompter, { title }));
}

/** Collection pick items: name, folder, dialect. */
export function collectionItems(workspace: DecisionWorkspace, collections: readonly { folder: vscode.WorkspaceFolder; collection: Collection }[]): PickItem<Collection>[] {
  const multiRoot = workspace.all().length > 1;
  return collections.map(({ folder, collection: c }) => {
    const rel = relative(folder.uri.fsPath.replace(/\\/g, '/'), c.path) || '.';
    return {
      label: c.name,
      description: multiRoot ? `${folder.name}/${rel}` : rel,
      detail: `${DIALECT_LABEL[c.dialect]} · ${c.naming === 'date' ? 'date-named' : `numbered from ${c.firstNumber}`}`,
      value: c,
    };
  });
}

export const DIALECT_LABEL: Record<Collection['dialect'], string> = {
  'adr-tools': 'adr-tools (Nygard)',
  madr: 'MADR',
  log4brains: 'log4brains',
  generic: 'Markdown records',
};

/** A relation and its reverse: a built-in type, or custom verbs. */
export type VerbPair =
  | { readonly type: 'amends' | 'clarifies' | 'relates' }
  | { readonly type: 'custom'; readonly verb: string; readonly reverseVerb: string };

const BUILT_IN_PAIRS: readonly PickItem<VerbPair>[] = [
  { label: 'Amends', description: 'the other: Amended by', value: { type: 'amends' } },
  { label: 'Clarifies', description: 'the other: Clarified by', value: { type: 'clarifies' } },
  { label: 'Relates to', description: 'the other: Relates to', value: { type: 'relates' } },
];
const CUSTOM = { type: 'custom', verb: '', reverseVerb: '' } as const;

/** Asks for a verb pair: a built-in one, or a verb and its reverse typed in. */
export async function pickVerbPair(prompter: Prompter, options: QuestionOptions): Promise<Answer<VerbPair>> {
  for (;;) {
    const picked = await prompter.pick<VerbPair>([...BUILT_IN_PAIRS, { label: 'Custom verb…', description: 'e.g. Depends on / Is depended on by', value: CUSTOM }], {
      ...options, placeholder: vscode.l10n.t('How does the decision relate to the other one?'),
    });
    if (picked !== CUSTOM) return picked;
    const verb = await prompter.input({ ...options, prompt: vscode.l10n.t('Verb written in this decision'), placeholder: vscode.l10n.t('Depends on'), validate: nonEmpty });
    if (verb === undefined) return undefined;
    if (typeof verb !== 'string') continue;
    const reverseVerb = await prompter.input({ ...options, prompt: vscode.l10n.t('Verb written in the other decision (the reverse of "{0}")', String(verb)), placeholder: vscode.l10n.t('Is depended on by'), validate: nonEmpty });
    if (reverseVerb === undefined) return undefined;
    if (typeof reverseVerb === 'string') return { type: 'custom', verb: verb.trim(), reverseVerb: reverseVerb.trim() };
  }
}

export function nonEmpty(v: string): string | undefined {
  return v.trim() === '' ? vscode.l10n.t('Required') : undefined;
}

const OTHER_STATUS = '\u0000other';

/** Asks for a status: the six known ones, or "Other…" and a typed one. */
export async function pickStatus(prompter: Prompter, options: QuestionOptions & { readonly active?: string; readonly current?: string }): Promise<Answer<string>> {
  const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.trim().toLowerCase();
  for (;;) {
    const items: PickItem<string>[] = [
      ...STATUS_CHOICES.map((s) => ({
        label: s,
        value: s,
        ...(same(s, options.current) ? { description: 'current' } : s === 'Superseded' ? { description: 'Supersede… also names the replacement' } : {}),
      })),
      { label: 'Other…', description: 'type a status', value: OTHER_STATUS },
    ];
    const active = STATUS_CHOICES.find((s) => same(s, options.active));
    const picked = await prompter.pick(items, { ...options, placeholder: vscode.l10n.t('Status'), ...(active ? { active } : {}) });
    if (picked !== OTHER_STATUS) return picked;
    const typed = await prompter.input({ ...options, prompt: vscode.l10n.t('Status, as it should be written'), value: options.current ?? '', validate: nonEmpty });
    if (typed === undefined) return undefined;
    if (typed !== BACK) return typed.trim();
  }
}
