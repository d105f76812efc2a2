import { strict as assert } from 'node:assert';
import { fileNameForTitle, retitle, type RecordText } from '../../src/core/edit';
import type { CollectionDialect, EditPlan } from '../../src/core/model';
import { parseRecord } from '../../src/core/parse/record';
import { applyEdits } from '../../src/core/text';

function rec(path: string, text: string, hint?: CollectionDialect): RecordText {
  return { record: parseRecord(text, { path, collectionDialect: hint }), text };
}

function after(plan: EditPlan, rt: RecordText): string {
  return applyEdits(rt.text, plan.edits.filter((e) => e.path === rt.record.path).flatMap((e) => [...e.edits]));
}

describe('retitle', () => {
  it('keeps the number or date prefix and redoes the slug', () => {
    assert.equal(fileNameForTitle('0005-help-comments.md', 'Help text'), '0005-help-text.md');
    assert.equal(fileNameForTitle('049-old.md', 'Use Cluster Accounts'), '049-use-cluster-accounts.md');
    assert.equal(fileNameForTitle('20201016-use-the-adr-slug.md', 'Use slugs'), '20201016-use-slugs.md');
    assert.equal(fileNameForTitle('notes.md', 'Anything'), 'notes.md');
  });

  it('changes the H1 after its number, the file name, and inbound links and labels (Nygard)', () => {
    const five = rec('/d/0005-help-comments.md', '# 5. Help comments\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\nAmended by [9. Help scripts](0009-help-scripts.md)\n\n## Context\n');
    const nine = rec('/d/0009-help-scripts.md', '# 9. Help scripts\n\n## Status\n\nAccepted\n\nAmends [5. Help comments](0005-help-comments.md)\n\nSee [the comments ADR](./0005-help-comments.md#context).\n');
    const r = retitle(five, 'Help text in comments', [five, nine]);
    assert.equal(r.newPath, '/d/0005-help-text-in-comments.md');
    assert.match(after(r.plan, five), /^# 5\. Help text in comments\n\nDate: 2016-02-12\n/);
    assert.equal(
      after(r.plan, nine),
      '# 9. Help scripts\n\n## Status\n\nAccepted\n\nAmends [5. Help text in comments](0005-help-text-in-comments.md)\n\nSee [the comments ADR](0005-help-text-in-comments.md#context).\n',
    );
  });

  it('keeps ADR-NNNN labels in MADR records and fixes their targets', () => {
    const old = rec('/d/0004-use-x.md', '---\nstatus: accepted\n---\n\n# Use X\n', 'madr');
    const other = rec('/d/0005-y.md', '---\nstatus: superseded by [ADR-0004](0004-use-x.md)\n---\n\n# Y\n', 'madr');
    const r = retitle(old, 'Use Z', [other]);
    assert.equal(r.newPath, '/d/0004-use-z.md');
    assert.equal(after(r.plan, other), '---\nstatus: superseded by [ADR-0004](0004-use-z.md)\n---\n\n# Y\n');
    assert.equal(after(r.plan, old), '---\nstatus: accepted\n---\n\n# Use Z\n');
  });
});
