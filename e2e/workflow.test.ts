/** The daily publishing workflow: valid YAML that ingests, commits, builds under the Pages base and deploys. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';

interface Step {
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

test('the daily workflow runs on a schedule and by hand, and publishes the ingested digest', () => {
  const wf = parse(readFileSync(new URL('../.github/workflows/daily.yml', import.meta.url), 'utf8')) as {
    on: { schedule: { cron: string }[]; workflow_dispatch: unknown };
    jobs: { publish: { steps: Step[] } };
  };
  assert.match(wf.on.schedule[0]!.cron, /^\d+ \d+ \* \* \*$/);
  assert.ok(wf.on.workflow_dispatch);
  const steps = wf.jobs.publish.steps;
  const index = (pred: (s: Step) => boolean): number => steps.findIndex(pred);
  const ingest = index((s) => /npm run ingest -- "https:\/\/huggingface\.co\/api\/daily_papers\?date=/.test(s.run ?? ''));
  const commit = index((s) => /git commit/.test(s.run ?? ''));
  const build = index((s) => s.run === 'npm run build' && s.env?.['BASE'] !== undefined && s.env['SITE'] !== undefined);
  const deploy = index((s) => (s.uses ?? '').startsWith('actions/deploy-pages'));
  assert.ok(ingest > 0 && ingest < commit && commit < build && build < deploy, 'ingest, commit, build, deploy in that order');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
  assert.ok(pkg.scripts['ingest'] && pkg.scripts['build']);
});
