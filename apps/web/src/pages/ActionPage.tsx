import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isResolved } from '../../../../libs/domain/occurrence/status';
import { useAuth } from '../auth';
import { ActionSource } from '../components/ActionSource';
import { ActionTools } from '../components/ActionTools';
import { EditAction } from '../components/EditAction';
import { SkipOccurrence } from '../components/SkipOccurrence';
import { QuotaPeriod } from '../components/QuotaPeriod';
import { useAction, useActionAudit } from '../resources/actions';
import { isQuota, useOccurrenceHistory, useOccurrencesOfAction } from '../resources/occurrences';
import { usePlan } from '../resources/plans';
import type { Occurrence } from '../api';
import { useDirectory } from '../directory';
import { errorText, formatDate } from '../format';
import { policyInWords, scheduleInWords } from '../schedule-words';
import { StatusBadge } from '../components/StatusBadge';


/** One action: its schedule in words, its policy, and the timeline of each occurrence; editable. */
export function ActionPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { me } = useAuth();
  const coordinates = Boolean(me?.roles.includes('coordinator') || me?.roles.includes('admin'));
  const action = useAction(id ?? '');
  const occurrences = useOccurrencesOfAction(id ?? '');
  const plan = usePlan(action.data?.planId);
  if (action.error) return <Alert color="red" role="alert">{errorText(action.error)}</Alert>;
  const a = action.data;
  if (!a) return null;
  const kind = scheduleInWords(a.schedule);
  const next = a.nextDue[0] ? t('plans.next', { date: a.nextDue[0] }) : '';
  const archived = Boolean(plan.data?.archivedAt);
  const editable = coordinates && !archived && a.status !== 'withdrawn';
  return (
    <Stack>
      {plan.data && <Text><Anchor component={Link} to={`/planer/${a.planId}`}>{plan.data.title}</Anchor>{a.area ? ` · ${a.area}` : ''}</Text>}
      <Title order={1}>{a.title}</Title>
      <Group gap="xs">
        <ActionStatusBadge status={a.status} />
        <Text>{[kind, a.when, next].filter(Boolean).join(' · ')}</Text>
      </Group>
      <Owners unitIds={a.ownerUnitIds} personIds={a.ownerPersonIds} />
      {a.source && <ActionSource source={a.source} />}
      {a.policy && <Text size="sm">{policyInWords(a.policy)}</Text>}
      {archived && <Alert color="yellow">{t('workbench.archivedNoChanges')}</Alert>}
      {coordinates && <ActionTools action={a} planArchived={archived} />}
      {editable && <EditAction action={a} areas={(plan.data?.areas ?? []).filter((x) => x.id).map((x) => x.title)} planPolicy={plan.data?.policy} />}
      <Title order={2} size="h3">{t('action.timeline')}</Title>
      {occurrences.data?.items.length === 0 && <Text>{a.status === 'draft' ? t('workbench.noOccurrencesDraft') : t('workbench.noOccurrences')}</Text>}
      {(occurrences.data?.items ?? []).map((o) => <OccurrenceTimeline key={o.id} occurrence={o} canSkip={editable && o.kind === 'task' && !isResolved(o.status)} />)}
      {coordinates && <ActionHistory actionId={a.id} />}
    </Stack>
  );
}

function OccurrenceTimeline({ occurrence, canSkip }: { occurrence: Occurrence; canSkip: boolean }) {
  const { t } = useTranslation();
  // Linked to from a mail or a calendar (/occurrences/:id → #id): scrolled to and marked.
  const { hash } = useLocation();
  const linked = hash === `#${occurrence.id}`;
  const card = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (linked) card.current?.scrollIntoView({ block: 'center' });
  }, [linked]);
  const history = useOccurrenceHistory(occurrence.id);
  return (
    <Card ref={card} id={occurrence.id} withBorder padding="md" aria-label={occurrence.periodKey} aria-current={linked ? 'location' : undefined} style={linked ? { outline: '3px solid var(--mantine-color-blue-7)' } : undefined}>
      <Group justify="space-between">
        <Text fw={700}>
          {occurrence.kind === 'status-report' && (
            // A status report is read (and written) on its own page.
            <>
              <Anchor component={Link} to={`/lagesrapporter/${occurrence.id}`}>{t('reporting.statusReport')}</Anchor>
              {' · '}
            </>
          )}
          {t('tasks.due', { date: formatDate(occurrence.due) })}
        </Text>
        <Group gap="xs">
          {canSkip && <SkipOccurrence occurrenceId={occurrence.id} label={t('tasks.due', { date: formatDate(occurrence.due) })} />}
          <StatusBadge status={occurrence.status} />
        </Group>
      </Group>
      {isQuota(occurrence) && <QuotaPeriod occurrence={occurrence} />}
      <List size="sm" mt="xs">
        {(history.data ?? []).map((h, i) => (
          <List.Item key={i}>
            {formatDate(h.at)} — {t(`action.events.${h.type}.${h.kind.replace(/-\d+$/, '')}`, { defaultValue: h.kind })}
            {h.person ? ` (${h.person})` : ''}
            {h.data?.note ? `: ${h.data.note}` : ''}
            {h.data?.reason ? `: ${h.data.reason}` : ''}
            {h.data?.evidenceUrl && (
              <> · <Anchor href={h.data.evidenceUrl} target="_blank" rel="noreferrer">{t('action.evidence')}</Anchor></>
            )}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}

function Owners({ unitIds, personIds }: { unitIds: string[]; personIds: string[] }) {
  const { t } = useTranslation();
  const names = useDirectory().ownerNames(unitIds, personIds);
  return <Text>{t('escalations.owners', { names: names.join(', ') || '–' })}</Text>;
}

/** What was done to the action itself (created, changed, paused, resumed, withdrawn), newest first, with the reasons given. */
function ActionHistory({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const audit = useActionAudit(actionId, true);
  if (!audit.data?.length) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('workbench.actionHistory')}</Title>
      <List size="sm" aria-label={t('workbench.actionHistory')}>
        {audit.data.map((entry) => (
          <List.Item key={entry.id}>
            {formatDate(entry.at)} — {t('plan.auditEntry', { who: entry.actorName ?? t('plan.someone'), what: t(`workbench.actionEvents.${entry.action}`, { defaultValue: entry.action }) })}
            {typeof entry.after?.reason === 'string' && entry.after.reason ? `: ${entry.after.reason}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The action's own status in words (not colour alone). */
function ActionStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const colour = status === 'active' ? 'blue' : status === 'paused' ? 'yellow' : status === 'draft' ? 'orange' : 'gray';
  return <Badge variant="light" color={colour} c="dark.9">{t(`workbench.status.${status}`, { defaultValue: status })}</Badge>;
}
