import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PlanAction, Schemas } from '../api';
import { usePlan, usePlanAudit, usePlanReports } from '../resources/plans';
import { useAuth } from '../auth';
import { useDirectory } from '../directory';
import { errorText, formatDate } from '../format';
import { periodInWords, policyInWords, scheduleInWords } from '../schedule-words';
import { AreasEditor } from '../components/AreasEditor';
import { PlanToolbar } from '../components/PlanToolbar';
import { OpenQuestions } from '../components/OpenQuestions';
import { ActionStateBadge } from '../components/ActionStateBadge';
import { AssessmentBadge } from '../components/AssessmentBadge';
import { ReportFileButtons, useReportFiles } from '../components/ReportFiles';
import { RoundHistory } from '../components/RoundHistory';
import { progressNow, quotaProgressInWords } from '../quota-words';

/** One plan: its facts and default policy, every action by area with its state and latest assessment, the board reports, the reporting rounds, and what changed. */
export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { me } = useAuth();
  const plan = usePlan(id);
  if (plan.error) return <Alert color="red" role="alert">{errorText(plan.error)}</Alert>;
  const p = plan.data;
  if (!p) return null;
  const coordinates = me?.roles.includes('coordinator') || me?.roles.includes('admin');
  return (
    <Stack>
      <Title order={1}>{p.title}</Title>
      <Text>{t('plan.facts', { start: p.startDate, timezone: p.timezone, cadence: t(`plan.cadence.${p.reportingCadence}`, { defaultValue: p.reportingCadence }) })}</Text>
      {p.policy && <Text size="sm">{t('plan.policy', { policy: policyInWords(p.policy) })}</Text>}
      {coordinates && <PlanToolbar plan={p} />}
      <Reports planId={p.id} timezone={p.timezone} drafts={Boolean(coordinates)} />
      <RoundHistory planId={p.id} coordinates={Boolean(coordinates)} />
      {p.areas.length === 0 && <Text>{coordinates ? t('workbench.planEmpty') : t('plan.noActions')}</Text>}
      {p.areas.map((area) => (
        <Stack key={area.id ?? 'none'} gap="xs">
          {area.title && <Title order={2} size="h3">{area.title}</Title>}
          <ActionTable actions={area.actions.filter((a) => a.status !== 'withdrawn')} timezone={p.timezone} />
        </Stack>
      ))}
      <OpenQuestions planId={p.id} coordinates={Boolean(coordinates) && !p.archivedAt} />
      {coordinates && !p.archivedAt && <AreasEditor plan={p} />}
      {coordinates && <AuditList planId={p.id} />}
    </Stack>
  );
}

function ActionTable({ actions, timezone }: { actions: PlanAction[]; timezone: string }) {
  const { t } = useTranslation();
  const { ownerNames } = useDirectory();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.action')}</Table.Th>
            <Table.Th scope="col">{t('plan.schedule')}</Table.Th>
            <Table.Th scope="col">{t('plan.owners')}</Table.Th>
            <Table.Th scope="col">{t('plan.state')}</Table.Th>
            <Table.Th scope="col">{t('reporting.latestAssessment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Td><Anchor component={Link} to={`/atgarder/${action.id}`}>{action.title}</Anchor></Table.Td>
              <Table.Td>{[scheduleInWords(action.schedule), action.nextDue[0] && t('plans.next', { date: action.nextDue[0] })].filter(Boolean).join(', ')}</Table.Td>
              <Table.Td>{ownerNames(action.ownerUnitIds, action.ownerPersonIds).join(', ') || '–'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <ActionStateBadge state={action.state} />
                {(action.status === 'paused' || action.status === 'draft') && (
                  <Badge ml={4} variant="outline" color="dark" c="dark.9">{t(`workbench.status.${action.status}`)}</Badge>
                )}
                <QuotaProgressLine action={action} />
              </Table.Td>
              <Table.Td><LatestAssessment latest={action.latestAssessment} timezone={timezone} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A quota's open period beside the action's state: "1 av 6 hittills · efter i takt" says why it is behind. */
function QuotaProgressLine({ action }: { action: PlanAction }) {
  const progress = action.openOccurrences.map(progressNow).find(Boolean);
  return progress ? <Text size="xs">{quotaProgressInWords(progress)}</Text> : null;
}

/** The owners' assessment in the latest round where they reported, with that round's period. */
function LatestAssessment({ latest, timezone }: { latest: PlanAction['latestAssessment']; timezone: string }) {
  const { t } = useTranslation();
  if (!latest) return <Text size="sm">{t('reporting.notAssessed')}</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <AssessmentBadge assessment={latest.assessment} />
      <Text size="xs">{periodInWords({ startsAt: latest.periodStartsAt, endsAt: latest.periodEndsAt }, timezone)}</Text>
    </Stack>
  );
}

/**
 * The period being followed and each frozen report, to read here or download as PDF or Excel;
 * coordinators may also read the draft of the running period while they prepare the meeting.
 */
function Reports({ planId, timezone, drafts }: { planId: string; timezone: string; drafts: boolean }) {
  const { t } = useTranslation();
  const reports = usePlanReports(planId);
  const files = useReportFiles(planId);
  const data = reports.data;
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h3">{t('plan.reports')}</Title>
        {(reports.error || files.error) && <Alert color="red" role="alert">{errorText(reports.error ?? files.error)}</Alert>}
        {data && (
          <Group justify="space-between" wrap="wrap">
            <Text>{t('plan.current', { period: periodInWords(data.current, timezone), date: formatDate(data.current.endsAt) })}</Text>
            {drafts && (
              <Button
                size="xs"
                variant="default"
                onClick={() => files.view({ key: data.current.key, draft: true, title: t('plan.draftTitle', { period: periodInWords(data.current, timezone) }) })}
                loading={files.viewing(data.current.key, true)}
              >
                {t('plan.viewDraft')}
              </Button>
            )}
          </Group>
        )}
        {data?.frozen.length === 0 && <Text>{t('plan.noReports')}</Text>}
        {data && data.frozen.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('plan.period')}</Table.Th>
                <Table.Th scope="col">{t('plan.frozenAt')}</Table.Th>
                <Table.Th scope="col">{t('plan.download')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.frozen.map((report) => {
                const period = periodInWords(report, timezone);
                return (
                  <Table.Tr key={report.key}>
                    <Table.Td>{period}</Table.Td>
                    <Table.Td>{formatDate(report.frozenAt)}</Table.Td>
                    <Table.Td>
                      <ReportFileButtons files={files} reportKey={report.key} period={period} title={t('plan.reportTitle', { period })} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {files.viewer}
    </Card>
  );
}

type AuditEntry = Schemas['AuditEntryResponse'];

/** A field of an audit entry's before or after, when it is text (or a number, for counts). */
const text = (data: Record<string, unknown> | null, field: string): string | undefined => (typeof data?.[field] === 'string' ? (data[field] as string) : undefined);
const count = (data: Record<string, unknown> | null, field: string): number => (typeof data?.[field] === 'number' ? (data[field] as number) : 0);

function AuditList({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const audit = usePlanAudit(planId);
  const what = (entry: AuditEntry) =>
    t(`plan.auditWhat.${entry.entity}.${entry.action}`, {
      defaultValue: `${entry.entity} ${entry.action}`,
      title: text(entry.after, 'title') ?? text(entry.before, 'title') ?? '',
      count: count(entry.after, 'actions'),
      file: text(entry.after, 'filename') ?? '',
      action: text(entry.after, 'action') ?? '', // the action a round's entry is about (a status report sent back)
      question: text(entry.before, 'question') ?? '', // an open question from minutes, assigned or closed
    });
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">{t('plan.audit')}</Title>
      <List size="sm">
        {(audit.data ?? []).slice(0, 20).map((entry) => (
          <List.Item key={entry.id}>
            {formatDate(entry.at)} — {t('plan.auditEntry', { who: entry.actorName ?? t('plan.someone'), what: what(entry) })}
            {text(entry.after, 'reason') ? `: ${text(entry.after, 'reason')}` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
