/**
 * For the browser tests: waits until the site's service worker controls the page and has stored
 * what a first visit stores for offline reading. It asks as the page does (src/scripts/site.ts),
 * with a port the worker answers on once done (src/lib/site/search/service-worker.ts).
 */
import type { Page } from '@playwright/test';

export async function storedForOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const sw = navigator.serviceWorker;
    const registration = await sw.ready;
    if (!sw.controller) await new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      registration.active!.postMessage({ type: 'paperboy:store' }, [channel.port2]);
    });
  });
}
