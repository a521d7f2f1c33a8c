/**
 * The offline page's list of what this device has stored: the pages in the service worker's
 * cache for this site (src/lib/site/search/offline.ts names it paperboy:<base>:<build>), by kind,
 * each by its title. Every title is set as text, never as markup.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const list = document.querySelector<HTMLUListElement>('[data-stored-list]');

interface Stored {
  href: string;
  title: string;
  kind: 'digest' | 'paper' | 'topic' | 'other';
}

const KINDS: [Stored['kind'], string][] = [
  ['other', 'Pages'],
  ['digest', 'Digests'],
  ['paper', 'Papers'],
  ['topic', 'Topics'],
];

async function storedPages(): Promise<Stored[]> {
  const pages = new Map<string, Stored>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(`paperboy:${base}:`)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      const path = url.pathname.slice(base.length);
      if (url.origin !== location.origin || !url.pathname.startsWith(base) || !url.pathname.endsWith('/')) continue;
      if (path === 'offline/' || pages.has(url.pathname)) continue;
      const html = await (await cache.match(request))?.text();
      const title = new DOMParser().parseFromString(html ?? '', 'text/html').title.replace(/ · Paperboy$/, '');
      const kind = /^digests\/\d{4}-\d\d-\d\d\/$/.test(path)
        ? 'digest'
        : path.startsWith('papers/')
          ? 'paper'
          : path.startsWith('topics/') && path !== 'topics/'
            ? 'topic'
            : 'other';
      pages.set(url.pathname, { href: url.pathname, title: path === '' ? 'The latest digest' : title || url.pathname, kind });
    }
  }
  // The home page first, digests newest first, the rest by title (Study 2 before Study 10).
  const rank = (p: Stored): number => (p.href === base ? 0 : 1);
  return [...pages.values()].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.kind === 'digest' && b.kind === 'digest' ? b.href.localeCompare(a.href) : a.title.localeCompare(b.title, 'en', { numeric: true })),
  );
}

async function show(): Promise<void> {
  const pages = await storedPages();
  if (!list || pages.length === 0) return;
  const items: HTMLLIElement[] = [];
  for (const [kind, label] of KINDS) {
    const ofKind = pages.filter((p) => p.kind === kind);
    if (ofKind.length === 0) continue;
    const item = document.createElement('li');
    item.append(`${label} (${ofKind.length})`);
    const inner = document.createElement('ul');
    for (const p of ofKind) {
      const link = document.createElement('a');
      link.href = p.href;
      link.textContent = p.title;
      const li = document.createElement('li');
      li.append(link);
      inner.append(li);
    }
    item.append(inner);
    items.push(item);
  }
  list.replaceChildren(...items);
}

if ('caches' in window) show().catch(() => {});
