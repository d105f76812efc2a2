/** How code links show records: the anchor's range, what a resolution leads to, the opening excerpt. */
import * as vscode from 'vscode';
import type { AdrRecord } from '../../core/model';
import { referenceLabel } from '../../core/presentation';
import type { LocatedAnchor, Resolution } from '../../core/links';
import { COMMANDS } from '../../host/ids';
import { noIcons } from '../../platform/markdownText';

/** Internal command: opens one record, or asks which of several (arguments: absolute paths). */
export const OPEN_RECORDS = COMMANDS.openRecords[0];

/** "ADR-0007 Use PostgreSQL", safe where `$(icon)` renders. */
export function shortLabel(r: AdrRecord): string {
  return noIcons(referenceLabel(r));
}

export { statusWord } from '../../core/presentation';
export { statusCodicon, statusIcon } from '../../host/statusIcons';

/** The editor range of an anchor. */
export function anchorRange(a: LocatedAnchor): vscode.Range {
  return new vscode.Range(a.line, a.character, a.line, a.character + a.text.length);
}

/** The anchor at `position`, if any. */
export function anchorAt(anchors: readonly LocatedAnchor[], position: vscode.Position): LocatedAnchor | undefined {
  return anchors.find((a) => anchorRange(a).contains(position));
}

/** The records a resolution leads to. */
export function recordsOf(r: Resolution): readonly AdrRecord[] {
  return r.kind === 'resolved' ? [r.record] : r.kind === 'ambiguous' ? r.candidates : [];
}

export { firstParagraph } from '../../host/recordText';
