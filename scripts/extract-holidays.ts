/**
 * Regenerates libs/domain/calendar/nordic-holidays.json from the installed date-holidays package:
 * only Sweden, Denmark and Norway, so the workflow bundle does not carry 200 countries' rules
 * (which made it 10 MB). Run after upgrading date-holidays:  npx tsx scripts/extract-holidays.ts
 * libs/domain/calendar/nordic-holidays.spec.ts fails when the two disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nordicSubset } from '../libs/domain/calendar/nordic-subset';

const packageDir = path.dirname(require.resolve('date-holidays/package.json'));
const all = JSON.parse(readFileSync(path.join(packageDir, 'data', 'holidays.json'), 'utf8'));
const target = path.join(__dirname, '..', 'libs', 'domain', 'calendar', 'nordic-holidays.json');
writeFileSync(target, `${JSON.stringify(nordicSubset(all), null, 1)}\n`);
console.log(`wrote ${target}`);
