// Read every content/topics/<slug>.yaml into TopicDefs, sorted by slug so the
// list (and any page built from it) is the same on every machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopicFile, type TopicDef } from './assign.ts';

export function loadTopics(dir: string): TopicDef[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const defs: TopicDef[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const slug = file.replace(/\.ya?ml$/, '');
    if (seen.has(slug)) throw new Error(`topic "${slug}": defined twice (.yaml and .yml)`);
    seen.add(slug);
    defs.push(parseTopicFile(readFileSync(join(dir, file), 'utf8'), slug));
  }
  if (defs.length === 0) throw new Error(`no topic files (*.yaml) in ${dir}`);
  return defs;
}
