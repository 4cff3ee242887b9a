import { Alert, Anchor, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth';
import { errorText, formatDate } from '../format';
import { usePlanDetails, usePlans } from '../resources/plans';

/** Every plan by area, with each action's schedule as understood and its next due date. */
export function PlansPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const coordinates = me?.roles.includes('coordinator') || me?.roles.includes('admin');
  const plans = usePlans();
  const open = (plans.data ?? []).filter((p) => !p.archivedAt);
  const archived = (plans.data ?? []).filter((p) => p.archivedAt);
  const details = usePlanDetails(open.map((p) => p.id));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('plans.title')}</Title>
        {coordinates && <Button component={Link} to="/planer/ny">{t('workbench.newPlan')}</Button>}
      </Group>
      {plans.error && <Alert color="red" role="alert">{errorText(plans.error)}</Alert>}
      {plans.data?.length === 0 && <Text>{coordinates ? t('workbench.plansEmpty') : t('plans.empty')}</Text>}
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
      {archived.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h3">{t('workbench.archivedPlans')}</Title>
          <List>
            {archived.map((plan) => (
              <List.Item key={plan.id}>
                <Anchor component={Link} to={`/planer/${plan.id}`}>{plan.title}</Anchor> · {t('workbench.archivedOn', { date: formatDate(plan.archivedAt!) })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
