/** Debian's Chromium for the tests (Playwright cannot download its own browser here), as Playwright launches it. */
import { chromium, type Browser, type LaunchOptions } from 'playwright';

export const CHROMIUM_LAUNCH: LaunchOptions = {
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  // Without these, Chromium keeps trying hosts a closed network refuses.
  args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}
