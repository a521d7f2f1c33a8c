/**
 * Whether the site's address (SITE) is a placeholder: a name reserved for examples and tests
 * (RFC 2606, RFC 6761), which no reader can reach. Canonical links, feeds and the sitemap carry
 * absolute URLs, so a build for the web without SITE would publish links to nowhere.
 */
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost']);
const RESERVED_DOMAINS = ['example.com', 'example.net', 'example.org'];

export function isPlaceholderSite(site: string | URL): boolean {
  const host = new URL(site).hostname.toLowerCase().replace(/\.$/, '');
  const tld = host.split('.').at(-1) ?? '';
  return RESERVED_TLDS.has(tld) || RESERVED_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

export function placeholderWarning(site: string | URL): string | undefined {
  if (!isPlaceholderSite(site)) return undefined;
  return `SITE is not set: absolute links (canonical URLs, feeds, the sitemap) point to the placeholder ${new URL(site).origin}. Set SITE to the address the site is served from, e.g. SITE=https://example.github.io BASE=/paperboy/ npm run build.`;
}
