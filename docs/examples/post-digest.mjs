#!/usr/bin/env node
// Posts a decision digest to a chat's incoming webhook (Slack, Mattermost, Rocket.Chat, Google Chat
// and Teams' workflow webhooks all take `{"text": "..."}`), from CI:
//
//   adrw digest --since 7d --format json | node docs/examples/post-digest.mjs "$CHAT_WEBHOOK_URL"
//
// adr-workbench itself sends nothing over the network: this script, run by your workflow with your
// secret, does. It reads the digest's stable JSON (version 1) from standard input and posts a short
// summary; exit 0 when the webhook answered 2xx, 1 otherwise (the body of the answer on stderr).
import { argv, exit, stdin, stderr } from 'node:process';

const url = argv[2] ?? process.env.CHAT_WEBHOOK_URL;
if (!url || !/^https?:\/\//.test(url)) {
  stderr.write('usage: adrw digest --format json | node post-digest.mjs WEBHOOK_URL (http or https)\n');
  exit(2);
}

let input = '';
for await (const chunk of stdin) input += chunk;
const digest = JSON.parse(input);
if (digest.version !== 1) {
  stderr.write(`post-digest: digest version ${digest.version}; this script reads version 1\n`);
  exit(2);
}

// Chat text is markup in most chats: keep repository text from becoming links or mentions.
const plain = (s) => String(s).replace(/[<>&*_`~|[\]@#]/g, (c) => `\\${c}`);
const label = (r) => `${r.label} ${plain(r.title)}`;
const lines = [`Decisions, ${digest.period.from ?? 'start'} → ${digest.period.to ?? digest.period.until} (${digest.period.commits} commits)`];
for (const d of digest.decisions) lines.push(`• ${d.change}: ${label(d.record)} (${plain(d.commit.author)})`);
if (digest.awaiting.length) lines.push(`Awaiting a decision: ${digest.awaiting.map((a) => label(a.record)).join('; ')}`);
if (digest.reviews.length) lines.push(`Reviews due: ${digest.reviews.map((r) => label(r.record)).join('; ')}`);
const undocumented = digest.changes.undocumented;
if (undocumented.length) {
  lines.push(`Merged without a record (${undocumented.length}):`);
  for (const c of undocumented.slice(0, 10)) lines.push(`• ${plain(c.message)}${c.commit ? ` (${plain(c.commit.author)})` : ''}`);
}
if (digest.conflicts.length) lines.push(`Conflicts with decisions in force: ${digest.conflicts.length}`);
if (lines.length === 1) lines.push('Nothing happened to the decisions.');

const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: lines.join('\n') }) });
if (!res.ok) {
  stderr.write(`post-digest: the webhook answered ${res.status}: ${(await res.text()).slice(0, 200)}\n`);
  exit(1);
}
