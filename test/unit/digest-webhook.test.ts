/**
 * The chat-webhook example (docs/examples/post-digest.mjs): `adrw digest --format json` piped into it
 * posts `{"text": …}` to a webhook, here a local HTTP server; repository text cannot become links or
 * mentions in the chat; a failing webhook is exit 1.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { HistoryRepo, nygard } from '../support/historyRepo';

const CLI = join(process.cwd(), 'dist', 'cli.js');
const SCRIPT = join(process.cwd(), 'docs', 'examples', 'post-digest.mjs');

function post(json: string, url: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, url], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('exit', (code) => resolve({ code, stderr }));
    child.stdin.end(json);
  });
}

describe('digest: the chat-webhook example from CI', function () {
  this.timeout(60000);
  let repo: HistoryRepo;
  before(() => {
    repo = new HistoryRepo();
    repo.commitAs('Alice', '2025-03-01T09:00:00Z', 'Start', { 'doc/adr/0001-record-architecture-decisions.md': nygard(1, 'Record architecture decisions', 'Accepted') });
    repo.commitAs('Bob', '2025-03-03T09:00:00Z', 'Propose Kafka', { 'doc/adr/0002-use-kafka-@here.md': nygard(2, 'Use Kafka <@here>', 'Proposed') });
    repo.commitAs('Carol', '2025-03-05T09:00:00Z', 'Accept Kafka', { 'doc/adr/0002-use-kafka-@here.md': nygard(2, 'Use Kafka <@here>', 'Accepted') });
  });
  after(() => repo.dispose());

  it('posts the period\'s decisions as text, escaped; a webhook error is exit 1', async () => {
    const digest = spawnSync(process.execPath, [CLI, 'digest', '--since', '2025-03-02', '--format', 'json'], { cwd: repo.root, encoding: 'utf8', env: { ...process.env, ADRW_HISTORY_CACHE: 'off' } });
    assert.equal(digest.status, 0, digest.stderr);
    const bodies: { type: string; body: string }[] = [];
    let status = 200;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => { body += d.toString(); });
      req.on('end', () => {
        bodies.push({ type: req.headers['content-type'] ?? '', body });
        res.writeHead(status).end(status === 200 ? 'ok' : 'invalid_token');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const a = server.address();
    const url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/hooks/T000/B000`;
    try {
      const ok = await post(digest.stdout, url);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(bodies.length, 1);
      assert.equal(bodies[0]!.type, 'application/json');
      const text = (JSON.parse(bodies[0]!.body) as { text: string }).text;
      assert.match(text, /^Decisions, 2025-03-02 → 2025-03-05 \(2 commits\)$/m);
      assert.match(text, /^• proposed: ADR-0002 Use Kafka \\<\\@here\\> \(Bob\)$/m, 'a mention in a title stays text');
      assert.match(text, /^• accepted: ADR-0002 Use Kafka \\<\\@here\\> \(Carol\)$/m);
      status = 403;
      const refused = await post(digest.stdout, url);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /the webhook answered 403: invalid_token/);
      const usage = await post(digest.stdout, 'ftp://x');
      assert.equal(usage.code, 2);
    } finally {
      server.close();
    }
  });
});
