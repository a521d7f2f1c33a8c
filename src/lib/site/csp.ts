/**
 * The Content-Security-Policy of every page: only the site's own scripts, styles, fonts and
 * images. Pagefind runs WebAssembly ('wasm-unsafe-eval', which allows compiling wasm, not eval)
 * and KaTeX positions glyphs with style attributes (style-src-attr), so those two are allowed.
 */
export const CSP_DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['style-src-attr', "'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** The policy as a <meta http-equiv> carries it (frame-ancestors is ignored there). */
export function cspMeta(): string {
  return CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The policy for a host's headers file, where frame-ancestors works too. */
export function cspHeader(): string {
  return `${cspMeta()}; frame-ancestors 'none'`;
}
