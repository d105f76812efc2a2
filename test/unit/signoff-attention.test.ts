/** What needs attention in a record's sign-off: proposals awaiting approvals, changes requested, reviews due; who is awaited. */
import { strict as assert } from 'node:assert';
import { parseRecord } from '../../src/core/parse/record';
import { awaits, DEFAULT_POLICY, isPerson, readSignoff, readSignoffPolicy, recordAttention, statusDates, type SignoffPolicy } from '../../src/core/signoff';

const P = '/r/doc/adr/0001-x.md';
const attention = (text: string, policy: SignoffPolicy, o: { today: string; proposedOn?: string | null; acceptedOn?: string | null }) => {
  const r = parseRecord(text, { path: P, collectionDialect: 'adr-tools' });
  return recordAttention(r, readSignoff(r, text), policy, o);
};
const nygard = (status: string, extra = '', approvals = '') =>
  `# 1. Use X\n\nDate: 2024-02-01\n${extra}\n## Status\n\n${status}\n\n## Context\n\nWhy.\n${approvals ? `\n## Approvals\n\n${approvals}` : ''}`;
const TWO = readSignoffPolicy('signoff:\n  required: 2\n  review-every: 12 months\n').policy;

describe('sign-off: attention', () => {
  it('a proposal waits: its age from history (else its date), approvals so far and who is awaited', () => {
    const text = nygard('Proposed', 'Deciders: Alice, Bob Jones, Carol\n', '* Approved by Carol on 2024-03-01\n');
    const a = attention(text, TWO, { today: '2024-03-13', proposedOn: '2024-03-01' });
    assert.deepEqual(a.kinds, ['awaiting']);
    assert.deepEqual(a.proposal, { since: '2024-03-01', ageDays: 12, needed: 2 });
    assert.deepEqual([a.state.approvedBy, a.state.awaited], [['Carol'], ['Alice', 'Bob Jones']]);
    // No history: the record's date.
    assert.deepEqual(attention(text, TWO, { today: '2024-03-13' }).proposal, { since: '2024-02-01', ageDays: 41, needed: 2 });
    // Enough approvals: nobody is awaited any more, but the proposal still waits for its decision.
    const done = attention(nygard('Proposed', 'Deciders: Alice, Bob Jones, Carol\n', '* Approved by Carol on 2024-03-01\n* Approved by Alice on 2024-03-02\n'), TWO, { today: '2024-03-13' });
    assert.deepEqual([done.kinds, done.state.awaited, done.state.satisfied], [['awaiting'], [], true]);
  });

  it('changes requested (a proposal or an accepted record) come first; a later approval by the same person clears them', () => {
    const asked = nygard('Proposed', 'Deciders: Alice, Bob\n', '* Changes requested by Bob on 2024-03-02: numbers\n');
    const a = attention(asked, DEFAULT_POLICY, { today: '2024-03-10' });
    assert.deepEqual([a.kinds, a.state.changesRequestedBy, a.state.awaited], [['changes-requested'], ['Bob'], ['Alice', 'Bob']]);
    assert.ok(a.proposal, 'still a proposal');
    const cleared = attention(`${asked}* Approved by Bob on 2024-03-04\n`, DEFAULT_POLICY, { today: '2024-03-10' });
    assert.deepEqual(cleared.kinds, ['awaiting']);
    const accepted = attention(nygard('Accepted', '', '* Changes requested by Dana on 2024-03-02\n'), DEFAULT_POLICY, { today: '2024-03-10' });
    assert.deepEqual([accepted.kinds, accepted.proposal], [['changes-requested'], undefined]);
    // A rejected record's old request is history.
    assert.deepEqual(attention(nygard('Rejected', '', '* Changes requested by Dana on 2024-03-02\n'), DEFAULT_POLICY, { today: '2024-03-10' }).kinds, []);
  });

  it('reviews due and overdue: the record\'s own review-by, else the policy\'s period after acceptance or the last review', () => {
    const own = nygard('Accepted', 'Review-by: 2024-03-20\n');
    assert.deepEqual(attention(own, DEFAULT_POLICY, { today: '2024-01-01' }).kinds, []);
    assert.deepEqual(attention(own, DEFAULT_POLICY, { today: '2024-03-01' }).kinds, ['review-due']);
    const over = attention(own, DEFAULT_POLICY, { today: '2024-03-25' });
    assert.deepEqual([over.kinds, over.state.reviewInDays], [['review-overdue'], -5]);
    // The policy: 12 months after acceptance (history), overdue; a review moves it on.
    const plain = nygard('Accepted');
    assert.deepEqual(attention(plain, TWO, { today: '2025-03-01', acceptedOn: '2024-02-10' }).kinds, ['review-overdue']);
    assert.equal(attention(plain, TWO, { today: '2025-03-01', acceptedOn: '2024-02-10' }).state.reviewBy, '2025-02-10');
    assert.deepEqual(attention(nygard('Accepted', '', '* Reviewed by Alice on 2025-02-20\n'), TWO, { today: '2025-03-01', acceptedOn: '2024-02-10' }).kinds, []);
    // Superseded decisions are not reviewed.
    assert.deepEqual(attention(nygard('Superseded', 'Review-by: 2024-03-20\n'), DEFAULT_POLICY, { today: '2024-03-25' }).kinds, []);
    // An accepted record without a policy or review-by needs nothing.
    assert.deepEqual(attention(plain, DEFAULT_POLICY, { today: '2030-01-01' }).kinds, []);
  });

  it('statusDates: the last time a record became proposed (a draft counts) and accepted, from its events', () => {
    const d = statusDates([
      { change: 'created', status: 'draft', date: '2024-01-02T10:00:00+01:00', author: 'Ann' },
      { change: 'modified', status: 'draft', date: '2024-01-05T10:00:00Z', author: 'Ann' },
      { change: 'modified', status: 'proposed', statusFrom: 'draft', date: '2024-02-01T09:00:00Z', author: 'Ben' },
      { change: 'modified', status: 'accepted', statusFrom: 'proposed', date: '2024-03-01T09:00:00Z', author: 'Cy' },
    ]);
    assert.deepEqual(d, { proposed: { date: '2024-02-01', author: 'Ben', index: 2 }, accepted: { date: '2024-03-01', author: 'Cy', index: 3 } });
    assert.deepEqual(statusDates([]), {});
  });

  it('who is awaited: names, handles and e-mail addresses match git\'s user.name / user.email', () => {
    assert.ok(isPerson('Alice Smith', { name: 'alice  smith' }));
    assert.ok(isPerson('@alice', { name: 'Alice Smith', email: 'alice@example.org' }));
    assert.ok(isPerson('alice@example.org', { email: 'Alice@Example.org' }));
    assert.ok(isPerson('Alice <alice@example.org>', { email: 'alice@example.org' }));
    assert.ok(!isPerson('Bob', { name: 'Alice', email: 'alice@example.org' }));
    assert.ok(!isPerson('', { name: '' }));
    assert.ok(!isPerson('Alice', {}));
    const text = nygard('Proposed', 'Deciders: Alice Smith, @bob\n', '* Approved by Alice Smith on 2024-03-01\n');
    const a = attention(text, DEFAULT_POLICY, { today: '2024-03-10' });
    assert.ok(awaits(a, { name: 'Bob B', email: 'bob@example.org' }));
    assert.ok(!awaits(a, { name: 'Alice Smith' }), 'Alice approved');
    // An accepted record never awaits anyone (its sign-off is lint's business).
    assert.ok(!awaits(attention(nygard('Accepted', 'Deciders: Bob\n'), DEFAULT_POLICY, { today: '2024-03-10' }), { name: 'Bob' }));
  });
});
