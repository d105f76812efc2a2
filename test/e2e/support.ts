/** Names the UI tests share: what the extension contributes, as the workbench shows it. */

/** The activity-bar container's title (package.json `viewsContainers`). */
export const WORKBENCH_CONTAINER = 'ADR Workbench';
/** The Decisions view's name. */
export const DECISIONS = 'Decisions';
/** The DOM id of the status bar item on an open record: '<publisher>.<name>.<item id>'. */
export const STATUS_ITEM = 'adr-workbench.adr-workbench.adrWorkbench.status';

/** True for a group row of the Decisions tree ('Accepted 9', 'No status 2'); record rows start
 * with their number or title and carry their status after a comma. */
export function isGroupRow(label: string): boolean {
  return /^[A-Z][a-z]+(?: [a-z]+)? \d+$/.test(label);
}
