/** Sign-off: reviewers, approvals and review-by read and written in each dialect; the policy; the state. */
import { strict as assert } from 'node:assert';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits } from '../../src/core/text';
import {
  addPeriod, approvalEdits, DEFAULT_POLICY, markReviewedEdits, parsePeriod, readSignoff, readSignoffPolicy, reviewByEdits, signoffFindings, signoffState,
  type ApprovalEntry,
} from '../../src/core/signoff';

const parse = (text: string, path = '/r/docs/decisions/0001-x.md', hint?: 'adr-tools' | 'madr' | 'log4brains') => parseRecord(text, { path, ...(hint ? { collectionDialect: hint } : {}) });
const approve = (text: string, entry: ApprovalEntry, path?: string, hint?: 'adr-tools' | 'madr' | 'log4brains') => {
  const r = parse(text, path, hint);
  const out = applyEdits(text, approvalEdits(r, text, entry));
  return { out, again: parse(out, path, hint) };
};
const ALICE: ApprovalEntry = { by: 'Alice', date: '2024-03-01', verdict: 'approved', comment: 'Looks good' };
const BOB: ApprovalEntry = { by: 'Bob Jones', date: '2024-03-02', verdict: 'changes-requested', comment: 'Numbers, please: p99' };

const MADR4 = '---\nstatus: proposed\ndate: 2024-02-01\ndecision-makers: [Alice, Bob Jones]\nconsulted: Carol\n---\n# Use X\n\n## Context and Problem Statement\n\nWhy.\n';
const MADR2 = '# Use X\n\n* Status: proposed\n* Deciders: Alice, Bob Jones\n* Date: 2024-02-01\n\n## Context and Problem Statement\n\nWhy.\n\n## Links\n\n* Relates to [ADR-0002](0002-y.md)\n';
const NYGARD = '# 1. Use X\n\nDate: 2024-02-01\n\nDeciders: Alice, Bob Jones\n\n## Status\n\nProposed\n\n## Context\n\nWhy.\n';
const LOG4BRAINS = '# Use X\n\n- Status: proposed\n- Deciders: Alice, Bob Jones\n- Date: 2024-02-01\n\n## Context and Problem Statement\n\nWhy.\n';

describe('sign-off: reading', () => {
  it('reads reviewers from MADR 4 decision-makers, a reviewers key, MADR 2 / log4brains bullets and Nygard lines', () => {
    assert.deepEqual(readSignoff(parse(MADR4), MADR4).reviewers, ['Alice', 'Bob Jones']);
    assert.deepEqual(readSignoff(parse(MADR4), MADR4).consulted, ['Carol']);
    const keyed = '---\nstatus: proposed\nreviewers:\n  - Dana <dana@x.org>\n  - "@erin"\ndeciders: Dana\n---\n# X\n';
    assert.deepEqual(readSignoff(parse(keyed), keyed).reviewers, ['Dana', '@erin']);
    assert.deepEqual(readSignoff(parse(MADR2, '/r/docs/adr/0001-x.md'), MADR2).reviewers, ['Alice', 'Bob Jones']);
    assert.deepEqual(readSignoff(parse(LOG4BRAINS, '/r/docs/adr/20240201-x.md', 'log4brains'), LOG4BRAINS).reviewers, ['Alice', 'Bob Jones']);
    assert.deepEqual(readSignoff(parse(NYGARD, '/r/doc/adr/0001-x.md', 'adr-tools'), NYGARD).reviewers, ['Alice', 'Bob Jones']);
    const line = '# 1. X\n\nDate: 2024-02-01\nReviewers: Frank, Grace\nReview-by: 2025-02-01\n\n## Status\n\nAccepted\n';
    const s = readSignoff(parse(line, '/r/doc/adr/0001-x.md'), line);
    assert.deepEqual([s.reviewers, s.reviewBy, line.slice(s.reviewBySpan!.start, s.reviewBySpan!.end)], [['Frank', 'Grace'], '2025-02-01', '2025-02-01']);
  });

  it('reads approvals from front matter items and from an Approvals section, and review-by / expires', () => {
    const fm = '---\nstatus: accepted\nexpires: 2026-01-31\napprovals:\n  - {by: Alice, date: 2024-03-01, comment: LGTM}\n  - {by: Bob, date: 2024-03-02, verdict: changes-requested}\n  - Carol\n---\n# X\n';
    const s = readSignoff(parse(fm), fm);
    assert.deepEqual(s.approvals.map((a) => [a.by, a.date, a.verdict, a.comment ?? null]), [['Alice', '2024-03-01', 'approved', 'LGTM'], ['Bob', '2024-03-02', 'changes-requested', null], ['Carol', null, 'approved', null]]);
    assert.equal(s.reviewBy, '2026-01-31');
    const sec = `${NYGARD}\n## Approvals\n\n* Approved by Alice on 2024-03-01: fine by me\n* Changes requested by Bob Jones on 2024-03-02\n* Reviewed by Alice on 2025-03-01\n`;
    assert.deepEqual(readSignoff(parse(sec, '/r/doc/adr/0001-x.md'), sec).approvals.map((a) => [a.by, a.date, a.verdict, a.comment ?? null]),
      [['Alice', '2024-03-01', 'approved', 'fine by me'], ['Bob Jones', '2024-03-02', 'changes-requested', null], ['Alice', '2025-03-01', 'reviewed', null]]);
  });
});

describe('sign-off: edits in each dialect', () => {
  it('MADR 4: an approvals list in front matter, then items appended with its indentation', () => {
    const { out, again } = approve(MADR4, ALICE);
    assert.equal(out, MADR4.replace('consulted: Carol\n', 'consulted: Carol\napprovals:\n  - {by: Alice, date: 2024-03-01, comment: Looks good}\n'));
    const twice = applyEdits(out, approvalEdits(again, out, BOB));
    assert.equal(twice, out.replace('Looks good}\n', 'Looks good}\n  - {by: Bob Jones, date: 2024-03-02, verdict: changes-requested, comment: "Numbers, please: p99"}\n'));
    const s = readSignoff(parse(twice), twice);
    assert.deepEqual(s.approvals.map((a) => [a.by, a.verdict, a.comment]), [['Alice', 'approved', 'Looks good'], ['Bob Jones', 'changes-requested', 'Numbers, please: p99']]);
    assert.deepEqual([again.status, again.title, again.date], ['proposed', 'Use X', '2024-02-01']);
  });

  it('a flow list grows in place; CRLF kept', () => {
    const text = '---\r\nstatus: proposed\r\napprovals: []\r\n---\r\n# X\r\n';
    const { out } = approve(text, ALICE);
    assert.equal(out, '---\r\nstatus: proposed\r\napprovals: [{by: Alice, date: 2024-03-01, comment: Looks good}]\r\n---\r\n# X\r\n');
    assert.equal(readSignoff(parse(out), out).approvals.length, 1);
  });

  it('Nygard and MADR 2: an Approvals section at the end, bullets appended; adr-tools title and Status untouched', () => {
    const n = approve(NYGARD, ALICE, '/r/doc/adr/0001-x.md', 'adr-tools');
    assert.equal(n.out, `${NYGARD}\n## Approvals\n\n* Approved by Alice on 2024-03-01: Looks good\n`);
    const n2 = applyEdits(n.out, approvalEdits(n.again, n.out, BOB));
    assert.equal(n2, `${NYGARD}\n## Approvals\n\n* Approved by Alice on 2024-03-01: Looks good\n* Changes requested by Bob Jones on 2024-03-02: Numbers, please: p99\n`);
    assert.deepEqual([n.again.status, n.again.title, n.again.number], ['proposed', 'Use X', 1]);
    const m = approve(MADR2, ALICE, '/r/docs/adr/0001-x.md');
    assert.equal(m.out, `${MADR2}\n## Approvals\n\n* Approved by Alice on 2024-03-01: Looks good\n`);
    assert.equal(m.again.relations.length, 1);
    // No final line break: one is added before the section.
    assert.equal(approve('# 1. X\n\n## Status\n\nAccepted', ALICE, '/r/doc/adr/0001-x.md').out, '# 1. X\n\n## Status\n\nAccepted\n\n## Approvals\n\n* Approved by Alice on 2024-03-01: Looks good\n');
  });

  it('log4brains: front matter added before the title', () => {
    const { out, again } = approve(LOG4BRAINS, ALICE, '/r/docs/adr/20240201-x.md', 'log4brains');
    assert.equal(out, `---\napprovals:\n  - {by: Alice, date: 2024-03-01, comment: Looks good}\n---\n${LOG4BRAINS}`);
    assert.deepEqual([again.status, again.title, again.dialect], ['proposed', 'Use X', 'log4brains']);
  });

  it('review-by: front matter key, a MADR 2 bullet, a Nygard line; replaced in place when there', () => {
    const rb = (text: string, path: string, hint?: 'adr-tools' | 'madr' | 'log4brains') => applyEdits(text, reviewByEdits(parse(text, path, hint), text, '2025-03-01'));
    assert.equal(rb(MADR4, '/r/docs/decisions/0001-x.md'), MADR4.replace('consulted: Carol\n', 'consulted: Carol\nreview-by: 2025-03-01\n'));
    assert.equal(rb(MADR2, '/r/docs/adr/0001-x.md'), MADR2.replace('* Date: 2024-02-01\n', '* Date: 2024-02-01\n* Review-by: 2025-03-01\n'));
    assert.equal(rb(NYGARD, '/r/doc/adr/0001-x.md', 'adr-tools'), NYGARD.replace('Date: 2024-02-01\n', 'Date: 2024-02-01\n\nReview-by: 2025-03-01\n'));
    const has = '# 1. X\n\nDate: 2024-02-01\n\nReview-by: 2024-01-01\n\n## Status\n\nAccepted\n';
    assert.equal(rb(has, '/r/doc/adr/0001-x.md'), has.replace('2024-01-01', '2025-03-01'));
    assert.equal(rb('---\nexpires: 2020-01-01\n---\n# X\n', '/r/docs/decisions/0001-x.md'), '---\nexpires: 2025-03-01\n---\n# X\n');
  });

  it('mark reviewed: review-by moved and a Reviewed entry, in one edit where both go to one place', () => {
    const text = '---\nstatus: accepted\n---\n# X\n';
    const r = parse(text);
    const out = applyEdits(text, markReviewedEdits(r, text, 'Alice', '2025-03-01', '2026-03-01'));
    assert.equal(out, '---\nstatus: accepted\nreview-by: 2026-03-01\napprovals:\n  - {by: Alice, date: 2025-03-01, verdict: reviewed}\n---\n# X\n');
  });
});

describe('sign-off: policy and state', () => {
  it('reads the policy from .adr-workbench.yml, with warnings for what is wrong', () => {
    const { policy, warnings } = readSignoffPolicy('statuses:\n  Living: accepted\nsignoff:\n  required: 2\n  approvers: [Alice, "Bob <b@x>"]\n  review-every: 12 months\n  statuses: [accepted, bogus]\n');
    assert.deepEqual([policy.required, policy.approvers, policy.statuses, policy.reviewEvery.accepted], [2, ['alice', 'bob'], ['accepted'], { months: 12, days: 0 }]);
    assert.deepEqual(warnings, ['`signoff.statuses`: not a status: bogus']);
    assert.deepEqual(readSignoffPolicy('').policy, DEFAULT_POLICY);
    assert.deepEqual(readSignoffPolicy('signoff: 3').warnings.length, 1);
    assert.deepEqual([parsePeriod('90 days'), parsePeriod('1y'), parsePeriod('P1M2D'), parsePeriod('soon')], [{ months: 0, days: 90 }, { months: 12, days: 0 }, { months: 1, days: 2 }, undefined]);
    assert.equal(addPeriod('2024-01-31', { months: 1, days: 0 }), '2024-02-29');
  });

  it('counts eligible approvals (latest word per person), who is awaited, and when a review is due', () => {
    const text = `${NYGARD.replace('Proposed', 'Accepted')}\n## Approvals\n\n* Approved by alice on 2024-03-01\n* Approved by Mallory on 2024-03-01\n* Changes requested by Bob Jones on 2024-03-02\n`;
    const r = parse(text, '/r/doc/adr/0001-x.md');
    const s = readSignoff(r, text);
    const policy = { ...DEFAULT_POLICY, required: 2, approvers: ['carol'], reviewEvery: { accepted: { months: 12, days: 0 } } };
    const st = signoffState(r, s, policy, { today: '2025-01-15', acceptedOn: '2024-02-01' });
    assert.deepEqual([st.needed, st.approvedBy, st.changesRequestedBy, st.awaited, st.satisfied], [2, ['alice'], ['Bob Jones'], ['Bob Jones'], false]);
    assert.deepEqual([st.reviewBy, st.review, st.reviewInDays], ['2025-02-01', 'due', 17]);
    assert.deepEqual(signoffFindings(r, s, st).map((f) => `${f.rule} ${f.severity} ${f.message}`), [
      'missing-approvals warning Accepted without sign-off: 1 of 2 required approvals; awaiting Bob Jones; changes requested by Bob Jones',
      'review-due info Review by 2025-02-01: due in 17 days',
    ]);
    const later = signoffState(r, s, policy, { today: '2025-02-03', acceptedOn: '2024-02-01' });
    assert.deepEqual([later.review, signoffFindings(r, s, later)[1]!.message], ['overdue', 'Review by 2025-02-01: 2 days overdue']);
    // Bob approves later: his latest word counts.
    const fixed = `${text}* Approved by Bob Jones on 2024-03-05\n`;
    const ok = signoffState(parse(fixed, '/r/doc/adr/0001-x.md'), readSignoff(parse(fixed, '/r/doc/adr/0001-x.md'), fixed), policy, { today: '2024-06-01' });
    assert.deepEqual([ok.approvedBy, ok.satisfied, ok.review ?? null], [['alice', 'Bob Jones'], true, null]);
  });
});
