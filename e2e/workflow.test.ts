/**
 * The daily publishing workflow's structure: it fetches and ingests with src/cli/daily.ts, then
 * tests, builds for Pages, commits and deploys, in that order, and every step after the daily
 * one runs only when the day had papers (papers != '0'), so a day without papers publishes
 * nothing and a failure anywhere stops the run before the commit and the deploy.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: unknown;
}

interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  environment?: { name: string };
  'continue-on-error'?: unknown;
  steps: Step[];
}

interface Workflow {
  on: { schedule: { cron: string }[]; workflow_dispatch: { inputs: Record<string, unknown> } };
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const wf = parse(readFileSync(new URL('../.github/workflows/daily.yml', import.meta.url), 'utf8')) as Workflow;
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

/** A condition without its ${{ }} wrapper and extra spaces. */
const cond = (s: string | undefined): string =>
  (s ?? '')
    .replace(/^\s*\$\{\{\s*|\s*\}\}\s*$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const needs = (job: Job): string[] => (job.needs === undefined ? [] : Array.isArray(job.needs) ? job.needs : [job.needs]);

/** What a `run:` finally executes: `npm run x -- ...` is package.json's script x. */
function resolved(run: string): string {
  const m = /^npm run ([\w:-]+)/.exec(run.trim());
  return m ? `${pkg.scripts[m[1]!] ?? `(no script ${m[1]})`} ${run}` : run;
}

/** The publishing job (the one with the daily step) and the deploying one. */
const [publishName, publish] = Object.entries(wf.jobs).find(([, job]) => job.steps.some((s) => s.id === 'daily')) ?? [];
const [deployName, deploy] =
  Object.entries(wf.jobs).find(([, job]) => job.steps.some((s) => (s.uses ?? '').startsWith('actions/deploy-pages@'))) ?? [];

test('the workflow runs on a schedule and by hand, with an optional date', () => {
  assert.match(wf.on.schedule[0]!.cron, /^\d+ \d+ \* \* \*$/);
  assert.ok(wf.on.workflow_dispatch.inputs['date'], 'a workflow_dispatch input "date"');
  assert.equal(wf.concurrency['cancel-in-progress'], false, 'a run is never cancelled mid-publish');
  assert.ok(wf.concurrency.group);
});

test('the daily step fetches and ingests with src/cli/daily.ts, unconditionally, failing the job on error', () => {
  assert.ok(publish, 'a job with a step of id "daily"');
  const daily = publish.steps.find((s) => s.id === 'daily')!;
  // npm run daily runs src/cli/daily.ts, from its bundle (bundled.mjs daily) or its source.
  assert.match(resolved(daily.run ?? ''), /src\/cli\/daily\.ts|src\/cli\/bundled\.mjs daily\b/);
  assert.match(daily.run ?? '', /--date "\$DATE"/, 'the dispatch input is passed as --date');
  assert.equal(
    daily.env?.['DATE'],
    '${{ inputs.date }}',
    'the input reaches the shell through the environment, not pasted into the script',
  );
  assert.doesNotMatch(daily.run ?? '', /\|\|\s*true|;\s*true\s*$/, 'a failed fetch fails the step');
  assert.equal(daily.if, undefined);
  for (const step of publish.steps) assert.doesNotMatch(step.run ?? '', /npm run ingest/, 'only the daily step ingests');
  assert.equal(publish.outputs?.['papers'], '${{ steps.daily.outputs.papers }}');
});

test('order: daily, test, build, commit, upload, deploy; every step after daily needs papers != 0', () => {
  assert.ok(publish && deploy && publishName && deployName);
  const steps = publish.steps;
  const at = (what: string, pred: (s: Step) => boolean): number => {
    const i = steps.findIndex(pred);
    assert.ok(i >= 0, `a ${what} step`);
    return i;
  };
  const daily = at('daily', (s) => s.id === 'daily');
  const tests = at('test', (s) => /^npm (run )?test$/.test((s.run ?? '').trim()));
  const build = at(
    'build',
    (s) =>
      (s.run ?? '').trim() === 'npm run build' &&
      /steps\.pages\.outputs\.origin/.test(s.env?.['SITE'] ?? '') &&
      /steps\.pages\.outputs\.base_path/.test(s.env?.['BASE'] ?? ''),
  );
  const commit = at('commit', (s) => /git add content/.test(s.run ?? '') && /git commit/.test(s.run ?? '') && /git push/.test(s.run ?? ''));
  const upload = at('upload', (s) => (s.uses ?? '').startsWith('actions/upload-pages-artifact@') && s.with?.['path'] === 'dist');
  assert.ok(daily < tests && tests < build && build < commit && commit < upload, 'daily, test, build, commit, upload in that order');
  assert.equal(steps[tests]!.env?.['CHROMIUM_PATH'], '/usr/bin/google-chrome', "the end-to-end tests drive the runner's Chrome");
  // The Pages build reads configure-pages' outputs, so that step comes before it.
  const pages = at('configure-pages', (s) => s.id === 'pages' && (s.uses ?? '').startsWith('actions/configure-pages@'));
  assert.ok(daily < pages && pages < build);

  // Every step after daily, publishing or not, waits for a day with papers; and none runs after a failure.
  for (const step of steps.slice(daily + 1)) {
    assert.equal(
      cond(step.if),
      "steps.daily.outputs.papers != '0'",
      `"${step.name ?? step.id ?? step.uses ?? step.run}" is guarded by papers != '0'`,
    );
  }
  // No step may fail quietly, but fetching the authors' abstracts: arXiv down changes nothing, and must not hold up the digest.
  for (const step of steps)
    if (step.run !== 'npm run originals')
      assert.equal(step['continue-on-error'], undefined, `"${step.name ?? step.run}" may not fail quietly`);
  const originals = at('originals', (s) => s.run === 'npm run originals');
  assert.ok(daily < originals && originals < tests, "the authors' abstracts are fetched after the ingest, before the tests");
  assert.equal(publish['continue-on-error'], undefined);

  // Deploying is a job of its own: after the whole publishing job succeeded, on a day with papers.
  assert.notEqual(deployName, publishName);
  assert.deepEqual(needs(deploy), [publishName]);
  assert.equal(cond(deploy.if), `needs.${publishName}.outputs.papers != '0'`);
  assert.ok(!/always\(\)|failure\(\)|cancelled\(\)/.test(cond(deploy.if)));
  assert.equal(deploy.steps.length, 1, 'the deploy job only deploys the uploaded artifact');
  assert.equal(deploy.environment?.name, 'github-pages');
  // No other job publishes anything.
  for (const [name, job] of Object.entries(wf.jobs)) {
    if (name === publishName || name === deployName) continue;
    for (const step of job.steps)
      assert.ok(!/git push|deploy-pages|upload-pages-artifact/.test(`${step.run ?? ''} ${step.uses ?? ''}`), `job ${name} publishes`);
  }
});

test('permissions: read by default; the push in the publishing job, the Pages deploy in its own', () => {
  assert.deepEqual(wf.permissions, { contents: 'read' });
  assert.ok(publish && deploy);
  assert.equal(publish.permissions?.['contents'], 'write');
  assert.equal(publish.permissions?.['id-token'], undefined, 'no OIDC token while third-party test code runs');
  assert.notEqual(publish.permissions?.['pages'], 'write');
  assert.equal(deploy.permissions?.['pages'], 'write');
  assert.equal(deploy.permissions?.['id-token'], 'write');
  assert.equal(deploy.permissions?.['contents'], undefined);
  const checkout = publish.steps.find((s) => (s.uses ?? '').startsWith('actions/checkout@'));
  assert.equal(checkout?.with?.['persist-credentials'], false, 'the token is not left in .git/config for npm ci and the tests');
  const setup = publish.steps.find((s) => (s.uses ?? '').startsWith('actions/setup-node@'));
  assert.equal(String(setup?.with?.['node-version']), '22');
  assert.equal(setup?.with?.['cache'], 'npm');
  assert.ok(pkg.scripts['test'] && pkg.scripts['build']);
});
