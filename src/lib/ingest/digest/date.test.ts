import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateFromFileName, isValidIsoDate, parseDateLine, resolveDateLine } from './date.ts';

test('date lines: month-day forms, with and without a year', () => {
  assert.deepEqual(parseDateLine('Mar 17'), { month: 3, day: 17, year: undefined });
  assert.deepEqual(parseDateLine('March 17, 2025'), { month: 3, day: 17, year: 2025 });
  assert.deepEqual(parseDateLine('17 March 2025'), { month: 3, day: 17, year: 2025 });
  assert.deepEqual(parseDateLine('2025-03-17'), { month: 3, day: 17, year: 2025 });
  assert.deepEqual(parseDateLine('Feb 29'), { month: 2, day: 29, year: undefined });
});

test('date lines: titles and impossible dates are not dates', () => {
  for (const line of [
    'Mar 32',
    'Feb 30',
    'Feb 29, 2025',
    'Marc 17',
    'Mar',
    'May the force',
    '2025-02-30',
    'Subscribe',
    'March 17 papers',
  ]) {
    assert.equal(parseDateLine(line), undefined, line);
  }
});

test('a date line without a year resolves to its latest occurrence not after today', () => {
  const line = parseDateLine('Mar 17')!;
  assert.deepEqual(resolveDateLine(line, '2025-03-17'), { iso: '2025-03-17', inferredYear: true });
  assert.deepEqual(resolveDateLine(line, '2025-03-16'), { iso: '2024-03-17', inferredYear: true });
  assert.deepEqual(resolveDateLine(line, '2026-11-28'), { iso: '2026-03-17', inferredYear: true });
  // Feb 29 skips back to the last leap year.
  assert.equal(resolveDateLine(parseDateLine('Feb 29')!, '2027-01-01').iso, '2024-02-29');
  assert.deepEqual(resolveDateLine(parseDateLine('Mar 17, 2025')!, '2020-01-01'), { iso: '2025-03-17', inferredYear: false });
});

test('file names give a date only when they hold a real YYYY-MM-DD', () => {
  assert.equal(dateFromFileName('content/digests/2025-03-17.txt'), '2025-03-17');
  assert.equal(dateFromFileName('/tmp/hf-2025-03-17-trending.txt'), '2025-03-17');
  assert.equal(dateFromFileName('2025-13-01.txt'), undefined);
  assert.equal(dateFromFileName('2025-03-17/digest.txt'), undefined);
  assert.equal(dateFromFileName('trending-papers.txt'), undefined);
  assert.equal(isValidIsoDate('2024-02-29'), true);
  assert.equal(isValidIsoDate('2023-02-29'), false);
});
