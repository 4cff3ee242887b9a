import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanDetail } from '../api';
import { useDirectory } from '../directory';

/**
 * A fresh installation's first screen for a coordinator: what to do next, in order, each step
 * linked to its screen and marked when done. It stands until every step is done.
 */
export function GettingStarted({ plans }: { plans: PlanDetail[] | undefined }) {
  const { t } = useTranslation();
  const { units, people } = useDirectory();
  if (plans === undefined) return null;
  const firstPlan = plans.find((p) => !p.archivedAt);
  const hasActions = plans.some((p) => p.areas.some((a) => a.actions.length > 0));
  // Invited: someone besides the coordinators and admins, who will own or receive the follow-up.
  const invited = people.some((p) => !p.deactivatedAt && p.roles.some((r) => r !== 'admin' && r !== 'coordinator'));
  const steps = [
    { key: 'organisation', done: units.length > 0, to: '/organisation' },
    { key: 'plan', done: plans.length > 0, to: '/planer/ny' },
    { key: 'actions', done: hasActions, to: firstPlan ? `/planer/${firstPlan.id}` : '/planer/ny' },
    { key: 'people', done: invited, to: '/organisation' },
  ];
  if (steps.every((s) => s.done)) return null;
  return (
    <Card component="section" withBorder padding="md" aria-labelledby="getting-started">
      <Stack gap="xs">
        <Title order={2} size="h3" id="getting-started">{t('workbench.start.title')}</Title>
        <Text>{t('workbench.start.intro')}</Text>
        <List type="ordered" spacing="xs">
          {steps.map((step) => (
            <List.Item key={step.key}>
              <Group gap="xs" wrap="wrap">
                <Anchor component={Link} to={step.to}>{t(`workbench.start.${step.key}`)}</Anchor>
                {step.done && <Badge color="green" variant="light" c="dark.9">{t('workbench.start.done')}</Badge>}
              </Group>
              <Text size="sm">{t(`workbench.start.${step.key}Hint`)}</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}
