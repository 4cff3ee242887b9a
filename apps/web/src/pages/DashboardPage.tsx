import { Alert, Anchor, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth';
import { usePlanDetails, usePlans } from '../resources/plans';
import { GettingStarted } from '../components/GettingStarted';
import { OpenQuestionsByPlan } from '../components/OpenQuestionsByPlan';
import { PauseOrResumeAction } from '../components/PauseOrResumeAction';
import { SkipOccurrence } from '../components/SkipOccurrence';
import { useDirectory } from '../directory';
import { errorText, formatDate } from '../format';
import { ACTION_GLANCE_STATES as ACTION_STATES } from '../../../../libs/domain/action/glance';
import { ACTION_STATE_COLOURS } from '../components/ActionStateBadge';
import { StatusBadge } from '../components/StatusBadge';
import { ActionStateBadge } from '../components/ActionStateBadge';
import type { PlanAction } from '../api';
import { progressNow, quotaProgressInWords } from '../quota-words';

/** The coordinator's overview: each plan by area, counts per state, and what needs attention now. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const coordinates = Boolean(me?.roles.includes('coordinator') || me?.roles.includes('admin'));
  const plans = usePlans();
  const details = usePlanDetails((plans.data ?? []).map((p) => p.id));
  const { units, people } = useDirectory();
  const [unit, setUnit] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);

  const rows = details.flatMap(({ data: plan }) =>
    plan
      ? plan.areas.flatMap((a) =>
          a.actions
            .filter((action) => action.status !== 'withdrawn')
            .map((action) => ({
              plan,
              area: a.title,
              action,
              state: action.state,
              attention: action.openOccurrences.filter(needsAttention).map((o) => ({ ...o, actionId: action.id, actionTitle: action.title, actionStatus: action.status })),
            })),
        )
      : [],
  );
  // An action belongs to a unit when the unit owns it or one of its owners works there.
  const ownedBy = (action: { ownerUnitIds: string[]; ownerPersonIds: string[] }, unitId: string) =>
    action.ownerUnitIds.includes(unitId) || action.ownerPersonIds.some((id) => people.find((p) => p.id === id)?.unitId === unitId);
  const shown = rows.filter((r) => (!area || r.area === area) && (!state || r.state === state) && (!unit || ownedBy(r.action, unit)));
  const attention = shown.flatMap((r) => r.attention).sort((a, b) => a.due.localeCompare(b.due));
  const areas = [...new Set(rows.map((r) => r.area).filter(Boolean))];
  // Balanslista: what nobody owns yet, or what has no schedule Bevaka can follow.
  const ownerless = (r: (typeof rows)[number]) => r.action.ownerUnitIds.length === 0 && r.action.ownerPersonIds.length === 0;
  const balance = rows.filter((r) => (!area || r.area === area) && (r.action.status === 'draft' || r.state === 'nothingScheduled' || ownerless(r)));

  const loaded = details.every((d) => d.data) ? details.map((d) => d.data!) : undefined;
  return (
    <Stack>
      <Title order={1}>{t('dashboard.title')}</Title>
      {plans.error && <Alert color="red" role="alert">{errorText(plans.error)}</Alert>}
      {coordinates && <GettingStarted plans={plans.data && loaded} />}
      <Group>
        <Select label={t('dashboard.area')} data={areas} value={area} onChange={setArea} clearable placeholder={t('dashboard.all')} />
        <Select label={t('dashboard.unit')} data={units.map((u) => ({ value: u.id, label: u.name }))} value={unit} onChange={setUnit} clearable placeholder={t('dashboard.all')} />
        <Select label={t('dashboard.state')} data={ACTION_STATES.map((s) => ({ value: s, label: t(`dashboard.states.${s}`) }))} value={state} onChange={setState} clearable placeholder={t('dashboard.all')} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }}>
        {ACTION_STATES.map((s) => (
          <Card key={s} withBorder padding="sm" aria-label={t(`dashboard.states.${s}`)} style={{ borderLeft: `6px solid var(--mantine-color-${ACTION_STATE_COLOURS[s]}-6)` }}>
            <Text size="xl" fw={700}>{shown.filter((r) => r.state === s).length}</Text>
            <Text fw={700}>{t(`dashboard.states.${s}`)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={2} size="h3">{t('dashboard.attention')}</Title>
      {attention.length === 0 ? (
        <Text>{t('dashboard.nothing')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.action')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.due')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.state')}</Table.Th>
              {coordinates && <Table.Th scope="col"><VisuallyHidden>{t('workbench.change')}</VisuallyHidden></Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attention.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td><Anchor component={Link} to={`/atgarder/${o.actionId}`}>{o.actionTitle}</Anchor></Table.Td>
                <Table.Td>{formatDate(o.due)}</Table.Td>
                <Table.Td><AttentionState occurrence={o} /></Table.Td>
                {coordinates && (
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <SkipOccurrence occurrenceId={o.id} label={o.actionTitle} />
                      <PauseOrResumeAction action={{ id: o.actionId, title: o.actionTitle, status: o.actionStatus }} />
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={2} size="h3">{t('dashboard.balance')}</Title>
      {balance.length === 0 ? (
        <Text>{t('dashboard.balanceEmpty')}</Text>
      ) : (
        <Table striped aria-label={t('dashboard.balance')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dashboard.action')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.plan')}</Table.Th>
              <Table.Th scope="col">{t('dashboard.missing')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {balance.map((r) => (
              <Table.Tr key={r.action.id}>
                <Table.Td><Anchor component={Link} to={`/atgarder/${r.action.id}`}>{r.action.title}</Anchor></Table.Td>
                <Table.Td>{r.plan.title}</Table.Td>
                <Table.Td>
                  {[ownerless(r) && t('dashboard.noOwner'), r.action.status === 'draft' && t('dashboard.noSchedule'), r.action.status !== 'draft' && r.state === 'nothingScheduled' && t('dashboard.nothingAhead')]
                    .filter(Boolean)
                    .join(', ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <OpenQuestionsByPlan plans={(plans.data ?? []).filter((p) => !p.archivedAt)} />
    </Stack>
  );
}

type OpenOccurrence = PlanAction['openOccurrences'][number];

/** Late (overdue, escalated), or a quota behind the straight line to its target before its period ends. */
const needsAttention = (o: OpenOccurrence) => o.status !== 'open' || progressNow(o)?.pace === 'behind';

/** Why an occurrence needs attention, in words: its status, or "Efter i takt"; a quota's progress beside it. */
function AttentionState({ occurrence }: { occurrence: OpenOccurrence }) {
  const progress = progressNow(occurrence);
  return (
    <Stack gap={2} align="flex-start">
      {occurrence.status === 'open' ? <ActionStateBadge state="behindPace" /> : <StatusBadge status={occurrence.status} />}
      {progress && <Text size="sm">{quotaProgressInWords(progress)}</Text>}
    </Stack>
  );
}
