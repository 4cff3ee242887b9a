import { Alert, Anchor, Badge, Button, Card, CopyButton, Group, List, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth';
import { errorText, formatDate } from '../format';
import { NotificationItem, useCalendarFeeds, useNotifications, usePreferences } from '../resources/notifications';
import { usePlans } from '../resources/plans';
import i18n from '../i18n';
import { workingDayStartClock } from '../../../../libs/domain/calendar/working-day-start';

/** Aviseringar: what Bevaka has told me, how I want to be told, and my calendar links. */
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('notifications.title')}</Title>
      <NotificationList />
      <Preferences />
      <CalendarFeeds />
    </Stack>
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const { list, read, readAll } = useNotifications();
  const items = list.data?.items ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text>{t('notifications.unread', { count: list.data?.unread ?? 0 })}</Text>
        {(list.data?.unread ?? 0) > 0 && <Button variant="default" size="xs" onClick={() => readAll.mutate()} loading={readAll.isPending}>{t('notifications.readAll')}</Button>}
      </Group>
      {(list.error || read.error || readAll.error) && <Alert color="red" role="alert">{errorText(list.error ?? read.error ?? readAll.error)}</Alert>}
      {list.data && items.length === 0 && <Text>{t('notifications.empty')}</Text>}
      {items.map((item) => (
        <Card key={item.id} withBorder padding="sm" aria-label={kindText(item)} style={item.readAt ? undefined : { borderLeft: '6px solid var(--mantine-color-blue-7)' }}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Group gap="xs">
                <Text fw={700}>{kindText(item)}</Text>
                {!item.readAt && <Badge variant="filled" color="blue.8">{t('notifications.new')}</Badge>}
              </Group>
              <Anchor component={Link} to={new URL(item.link, window.location.origin).pathname} onClick={() => !item.readAt && read.mutate(item.id)}>
                {item.payload.actionTitle ?? '–'}
              </Anchor>
              <Text size="sm">{[item.payload.planTitle, formatDate(item.createdAt)].filter(Boolean).join(' · ')}</Text>
            </Stack>
            {!item.readAt && (
              <Button size="xs" variant="subtle" aria-label={`${t('notifications.markRead')}: ${item.payload.actionTitle ?? ''}`} onClick={() => read.mutate(item.id)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function kindText(item: NotificationItem): string {
  const escalation = /^escalation-(\d+)$/.exec(item.kind);
  return escalation ? i18n.t('notifications.kinds.escalation', { step: escalation[1] }) : i18n.t(`notifications.kinds.${item.kind}`, { defaultValue: item.kind });
}

type Delivery = 'immediate' | 'digest' | 'off';
const KINDS = ['reminder', 'overdue', 'escalation', 'repeat', 'status-request', 'postponed', 'completed'] as const;

// What the reader gets, in words: the digest's window (outbox-router's mailRoute), escalations
// that always arrive (the API refuses 'off' for them), and the one-click unsubscribe of every mail.
const EXPLAINED = ['digest', 'escalations', 'unsubscribe'] as const;

/** Per kind: by mail at once, in the daily digest, or only here. Escalations always arrive. */
function Preferences() {
  const { t } = useTranslation();
  const { preferences, save } = usePreferences();
  const p = preferences.data;
  const deliveries = (kind: string) =>
    (kind === 'escalation' ? ['immediate', 'digest'] : ['immediate', 'digest', 'off']).map((value) => ({ value, label: t(`notifications.delivery.${value}`, { time: workingDayStartClock() }) }));
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h3">{t('notifications.preferences')}</Title>
        <Text size="sm">{t('notifications.preferencesHelp')}</Text>
        <List size="sm" aria-label={t('notifications.explainedLabel')}>
          {EXPLAINED.map((key) => <List.Item key={key}>{t(`notifications.explained.${key}`, { time: workingDayStartClock() })}</List.Item>)}
        </List>
        {save.error && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
        {save.isSuccess && <Text size="sm" role="status">{t('notifications.saved')}</Text>}
        {p && (
          <Group align="flex-end" wrap="wrap">
            {KINDS.map((kind) => (
              <Select
                key={kind}
                label={t(`notifications.kinds.${kind === 'escalation' ? 'escalationAny' : kind}`)}
                data={deliveries(kind)}
                value={p.kinds[kind]}
                allowDeselect={false}
                onChange={(value) => value && save.mutate({ kinds: { [kind]: value as Delivery } })}
                w={220}
              />
            ))}
            <Select
              label={t('notifications.locale')}
              data={[{ value: 'sv', label: 'Svenska' }, { value: 'en', label: 'English' }]}
              value={p.locale}
              allowDeselect={false}
              onChange={(value) => value && save.mutate({ locale: value as 'sv' | 'en' })}
              w={220}
            />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Secret calendar links (iCal): the address is shown once, and can be revoked at any time. */
function CalendarFeeds() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const coordinates = me?.roles.includes('coordinator') || me?.roles.includes('admin');
  const { feeds, create, revoke } = useCalendarFeeds();
  const plans = usePlans({ enabled: Boolean(coordinates) });
  const [planId, setPlanId] = useState<string | null>(null);
  const planTitle = (id: string | null) => (id ? (plans.data?.find((p) => p.id === id)?.title ?? t('notifications.feedPlan')) : t('notifications.feedMine'));
  return (
    <Card withBorder padding="md">
      <Stack gap="xs">
        <Title order={2} size="h3">{t('notifications.calendar')}</Title>
        <Text size="sm">{t('notifications.calendarHelp')}</Text>
        {(create.error || revoke.error) && <Alert color="red" role="alert">{errorText(create.error ?? revoke.error)}</Alert>}
        <Group align="flex-end" wrap="wrap">
          {coordinates && (
            <Select label={t('notifications.feedOf')} data={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} value={planId} onChange={setPlanId} clearable placeholder={t('notifications.feedMine')} w={280} />
          )}
          <Button onClick={() => create.mutate(planId)} loading={create.isPending}>{t('notifications.createFeed')}</Button>
        </Group>
        {create.data?.url && (
          <Group align="flex-end" wrap="nowrap">
            <TextInput label={t('notifications.feedUrl')} description={t('notifications.feedUrlOnce')} value={create.data.url} readOnly style={{ flex: 1 }} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            <CopyButton value={create.data.url}>{({ copied, copy }) => <Button variant="default" onClick={copy}>{copied ? t('notifications.copied') : t('notifications.copy')}</Button>}</CopyButton>
          </Group>
        )}
        {(feeds.data ?? []).length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notifications.feedOf')}</Table.Th>
                <Table.Th scope="col">{t('notifications.feedCreated')}</Table.Th>
                <Table.Th scope="col">{t('notifications.revoke')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(feeds.data ?? []).map((feed) => (
                <Table.Tr key={feed.id}>
                  <Table.Td>{planTitle(feed.planId)}</Table.Td>
                  <Table.Td>{formatDate(feed.createdAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" color="red" aria-label={`${t('notifications.revoke')}: ${planTitle(feed.planId)}, ${formatDate(feed.createdAt)}`} onClick={() => revoke.mutate(feed.id)}>
                      {t('notifications.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
