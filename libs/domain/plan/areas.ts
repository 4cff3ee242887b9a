import { DomainError } from '../errors';

/** An area's title as stored: trimmed, not empty, at most 300 characters. */
export function areaTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw new DomainError('VALIDATION_FAILED', 'An area needs a title', [{ path: 'title', message: 'empty' }]);
  return trimmed;
}

/**
 * The plan's areas in order after moving one to `position` (0 = first; past the end = last).
 * Throws NOT_FOUND when the area is not among them.
 */
export function moveArea(order: readonly string[], areaId: string, position: number): string[] {
  const from = order.indexOf(areaId);
  if (from < 0) throw new DomainError('NOT_FOUND', 'No such area in this plan');
  const rest = order.filter((id) => id !== areaId);
  const to = Math.max(0, Math.min(position, rest.length));
  return [...rest.slice(0, to), areaId, ...rest.slice(to)];
}
