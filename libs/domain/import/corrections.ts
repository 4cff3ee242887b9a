/**
 * The coordinator's schedule corrections to rows of an import preview ("två gånger per år"
 * instead of what the document said), read the same way as the document's own rows.
 */
import { DomainError } from '../errors';
import { listOccurrences } from '../schedule/occurrences';
import { parseSchedule } from '../schedule/parse-schedule';
import { PlanImportOptions, PlanImportPreview } from './types';

export interface ScheduleCorrection {
  /** Position of the area in the preview and of the action within it (0-based). */
  area: number;
  row: number;
  text?: string;
  when?: string;
}

export function correctSchedules(preview: PlanImportPreview, corrections: readonly ScheduleCorrection[], options: PlanImportOptions): PlanImportPreview {
  for (const c of corrections) {
    const action = preview.areas[c.area]?.actions[c.row];
    if (!action) throw new DomainError('VALIDATION_FAILED', `No row ${c.row} in area ${c.area} of this document`, [{ path: 'corrections', message: `${c.area}/${c.row}` }]);
    if (c.text === undefined && c.when === undefined) continue;
    const when = c.when ?? action.when;
    const spec = parseSchedule({ text: c.text ?? action.title, when, from: options.from });
    const due = spec.rule ? listOccurrences(spec, { count: options.count ?? 4, timezone: options.timezone }).map((o) => o.due) : [];
    action.when = when;
    action.schedule = { kind: spec.kind, rule: spec.rule, start: spec.start, due, warnings: spec.warnings };
  }
  return preview;
}
