/** A digest file as the real ones are written: page header, date line, then title and abstract blocks. */

export const DIGEST_HEADER = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community'];

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function digestText(date: string, papers: readonly { title: string; abstract: string }[]): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dateLine = `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  return `${[...DIGEST_HEADER, dateLine, ...papers.flatMap((p) => [p.title, p.abstract])].join('\n\n')}\n`;
}
