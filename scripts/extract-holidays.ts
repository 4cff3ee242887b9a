/**
 * Regenerates libs/domain/calendar/closed-days.json: the closed days of Sweden, Denmark and Norway
 * for every year the calendars answer for, computed once from date-holidays (maintained holiday
 * rules, movable feasts included) with the choice in closed-day-rules.ts. The table, not
 * date-holidays, goes into the workflow bundle: no holiday parser, time-zone database or
 * astronomical model is loaded per workflow. Run after upgrading date-holidays:
 *   npx tsx scripts/extract-holidays.ts
 * libs/domain/calendar/closed-days.spec.ts fails when the table and the package disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closedDaysTable } from '../libs/domain/calendar/closed-days-source';

const { version } = JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8'));
const target = path.join(__dirname, '..', 'libs', 'domain', 'calendar', 'closed-days.json');
writeFileSync(target, `${JSON.stringify(closedDaysTable(version))}\n`);
console.log(`wrote ${target}`);
