import { Alert, Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, Plan, PlanDetail } from '../api';
import { errorText } from '../format';

/** Every plan by area, with each action's schedule as understood and its next due date. */
export function PlansPage() {
  const { t } = useTranslation();
  const plans = useQuery({ queryKey: ['plans'], queryFn: () => api<Plan[]>('GET', '/api/plans') });
  const details = useQueries({ queries: (plans.data ?? []).map((p) => ({ queryKey: ['plan', p.id], queryFn: () => api<PlanDetail>('GET', `/api/plans/${p.id}`) })) });

  return (
    <Stack>
      <Title order={1}>{t('plans.title')}</Title>
      {plans.error && <Alert color="red" role="alert">{errorText(plans.error)}</Alert>}
      {plans.data?.length === 0 && <Text>{t('plans.empty')}</Text>}
      {details.map(({ data: plan }) =>
        plan ? (
          <Card key={plan.id} withBorder padding="md" radius="md">
            <Title order={2} size="h3"><Anchor component={Link} to={`/planer/${plan.id}`} inherit>{plan.title}</Anchor></Title>
            {plan.areas.map((area) => (
              <Stack key={area.id ?? 'none'} gap={4} mt="md">
                {area.title && <Title order={3} size="h5">{area.title}</Title>}
                <List spacing={4}>
                  {area.actions.map((action) => (
                    <List.Item key={action.id}>
                      <Group gap="xs" wrap="wrap">
                        <Anchor component={Link} to={`/atgarder/${action.id}`}>{action.title}</Anchor>
                        {action.schedule.kind === 'continuous' ? (
                          <Badge variant="light" color="gray">{t('plans.continuous')}</Badge>
                        ) : action.nextDue[0] ? (
                          <Badge variant="light">{t('plans.next', { date: action.nextDue[0] })}</Badge>
                        ) : null}
                      </Group>
                    </List.Item>
                  ))}
                </List>
              </Stack>
            ))}
          </Card>
        ) : null,
      )}
    </Stack>
  );
}
