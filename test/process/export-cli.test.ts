/**
 * `audition export` on the embedded database: after the server has stopped, the CLI writes the same scores
 * the web export gives, to a file (CSV with a BOM for spreadsheets) or to standard output (JSON).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STRONG_BUG } from '../helpers/attempts.js';
import { cli } from '../helpers/cli.js';
import { ADMIN, killServers, start } from '../helpers/server-process.js';
import { FIXTURE_CONTENT } from '../helpers/test-app.js';

afterEach(killServers);

async function send(url: string, method: string, body: unknown, cookie = ''): Promise<Response> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', cookie, origin: new URL(url).origin },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

describe('audition export', () => {
  it('writes each criterion’s pre-graded and final score once the server has stopped', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-export-'));
    const env = { DATA_DIR: dataDir, CONTENT_DIR: FIXTURE_CONTENT };
    const server = await start(dataDir, { CONTENT_DIR: FIXTURE_CONTENT });
    const login = await send(`${server.url}/api/auth/login`, 'POST', ADMIN);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const created = await send(
      `${server.url}/api/staff/assessments`,
      'POST',
      { name: 'CLI', exerciseIds: ['canary-bug'] },
      cookie,
    );
    const { id } = (await created.json()) as { id: string };
    const invited = await send(`${server.url}/api/staff/assessments/${id}/invites`, 'POST', { name: 'Grace' }, cookie);
    const token = ((await invited.json()) as { url: string }).url.split('/take/')[1];
    const take = `${server.url}/api/take/${token}`;
    await send(`${take}/start`, 'POST', {});
    await send(`${take}/exercises/canary-bug/draft`, 'PUT', { baseRevision: 0, submission: STRONG_BUG });
    await send(`${take}/exercises/canary-bug/submit`, 'POST', {});
    const queue = await fetch(`${server.url}/api/staff/submissions?assessment=${id}`, { headers: { cookie } });
    const [submission] = ((await queue.json()) as { submissions: { id: string }[] }).submissions;
    await send(
      `${server.url}/api/staff/submissions/${submission?.id}/review`,
      'POST',
      {
        version: 0,
        criteria: [
          { id: 'location', score: 4 },
          { id: 'concept', score: 3, reason: 'Half the story.' },
          { id: 'fix', score: 0 },
        ],
        confirm: true,
      },
      cookie,
    );
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const out = join(dataDir, 'scores.csv');
    const written = await cli(['export', '--assessment', id, '--out', out], env);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toContain(`Wrote 3 score rows to ${out}.`);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFassessment,attempt_id,candidate,email,exercise_id')).toBe(true);
    // Fully reviewed: the name shows.
    expect(csv).toMatch(
      /^CLI,[0-9a-f-]{36},Grace,,canary-bug,\w+,[^,]+,0,confirmed,concept,4,4,scored,3,admin@example\.test,/m,
    );

    const json = await cli(['export', '--format', 'json'], env);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { attempts: { candidate: string; exercises: { total: unknown }[] }[] };
    expect(doc.attempts[0]).toMatchObject({
      candidate: 'Grace',
      exercises: [{ total: { pre: 8, final: 7, max: 10 } }],
    });

    const audit = await cli(['export', '--what', 'audit'], env);
    expect(audit.code).toBe(0);
    expect(audit.stdout.split('\r\n')[0]).toBe(
      'assessment,attempt_id,candidate,exercise_id,submission_id,version,at,actor,action,criterion_id,from_score,to_score,reason,note',
    );
    expect(audit.stdout).toMatch(/,1,[^,]+,admin@example\.test,score,concept,,3,Half the story\.,\r\n/);

    const bad = await cli(['export', '--format', 'xml'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be csv or json, not "xml"');
  });
});
