/**
 * Writes dist/_headers, the headers file that Netlify, Cloudflare Pages and similar hosts read:
 * the same Content-Security-Policy as the pages' meta tag, plus what only a header can say.
 */
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { cspHeader } from '../lib/site/csp.ts';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'paperboy-security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const headers = [
          '/*',
          `  Content-Security-Policy: ${cspHeader()}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '',
        ].join('\n');
        await writeFile(new URL('_headers', dir), headers);
      },
    },
  };
}
