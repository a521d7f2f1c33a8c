/**
 * Playwright's global setup: serves the seed fixture site (built by `npm run test:sites`) on a
 * free port and hands its origin to the workers, which read it in playwright.config.ts.
 * Returns the teardown that stops the server.
 */
import { builtSite } from '../test/support/sites.ts';
import { startStaticServer } from '../test/support/static-server.ts';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startStaticServer(builtSite('seed').dist);
  // Workers start after this and inherit the environment.
  process.env['PAPERBOY_E2E_ORIGIN'] = server.origin;
  return server.close;
}
