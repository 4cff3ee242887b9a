import type { ActionGlanceState } from '../../../libs/domain/action/glance';
import type { OccurrenceStatus, UnresolvedStatus } from '../../../libs/domain/occurrence/status';
/** The Bevaka API from the browser: JSON, a bearer token kept for the session, typed errors. */
const TOKEN_KEY = 'bevaka.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Array<{ path?: string; message: string }> = [],
  ) {
    super(message);
  }
}

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : isForm ? body : JSON.stringify(body) });
  if (response.status === 204) return undefined as T;
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

/** The API's `{"error": {code, message, details}}`, or the HTTP status when there is none. */
async function errorOf(response: Response): Promise<ApiError> {
  const error = (await response.json().catch(() => ({}))).error ?? {};
  return new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? response.statusText, error.details ?? []);
}

/** A document the API renders (a report as HTML, PDF or XLSX), with the file name it suggests. */
export async function apiDocument(path: string): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = session.token ? { Authorization: `Bearer ${session.token}` } : {};
  const response = await fetch(path, { headers });
  if (!response.ok) throw await errorOf(response);
  const filename = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? path.split('/').pop()!;
  return { blob: await response.blob(), filename };
}

export interface Me {
  id: string;
  name: string;
  email: string;
  roles: string[];
  unitId: string | null;
}

export interface Occurrence {
  id: string;
  actionId: string;
  actionTitle: string;
  planId: string;
  periodKey: string;
  due: string;
  originalDue: string;
  status: OccurrenceStatus;
  escalationLevel: number;
  completion: { at: string; byName: string | null; onTime: boolean; note: string | null; evidenceUrl: string | null } | null;
}

export interface Escalation {
  id: string;
  step: number;
  escalatedAt: string;
  acknowledgedAt: string | null;
  lateSeconds: number;
  occurrence: Occurrence;
  owners: string[];
}

export interface Plan {
  id: string;
  title: string;
  startDate: string;
  timezone: string;
  reportingCadence: string;
  policy: NoticePolicy | null;
  /** Set while archived: nothing of it is followed up, nothing in it changes. */
  archivedAt: string | null;
  archiveReason: string | null;
}

export interface NoticePolicy {
  remindBefore: string[];
  escalateAfter: string[];
  repeatEvery?: string;
  timing?: string;
}

export interface PlanAction {
  id: string;
  title: string;
  when: string | null;
  status: string;
  nextDue: string[];
  schedule: { kind: string; rule: { type: string; perYear?: number; everyYears?: number } | null };
  policy: NoticePolicy | null;
  ownerUnitIds: string[];
  ownerPersonIds: string[];
  /** Its occurrences not yet resolved, by due date. */
  openOccurrences: Array<{ id: string; due: string; status: UnresolvedStatus }>;
  completedCount: number;
  /** Its state at a glance, as the API decides it (libs/domain/action/glance). */
  state: ActionGlanceState;
}

export interface PlanDetail extends Plan {
  areas: Array<{ id: string | null; title: string; actions: PlanAction[] }>;
}

export interface ReportPeriod {
  key: string;
  startsAt: string;
  endsAt: string;
}

export interface PlanReports {
  current: ReportPeriod;
  frozen: Array<ReportPeriod & { frozenAt: string }>;
}

export interface ImportPreview {
  format: string;
  warnings: Array<{ code: string; message: string; row?: number }>;
  areas: Array<{
    title: string;
    actions: Array<{
      title: string;
      when: string;
      owners: string[];
      row?: number;
      schedule: { kind: string; due: string[]; warnings: Array<{ code: string; message: string }> };
      ownerMapping: { unitIds: string[]; personIds: string[]; unmatched: string[] };
    }>;
  }>;
  created?: number;
  drafts?: Array<{ id: string; title: string }>;
}
