import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PlanForm } from '../components/PlanForm';
import { useCreatePlan } from '../resources/plans';

/** A new plan: its title, start, timezone, reporting cadence and default notice policy. */
export function NewPlanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  return (
    <Stack>
      <Title order={1}>{t('workbench.newPlan')}</Title>
      <Text>{t('workbench.newPlanIntro')}</Text>
      <Card withBorder padding="md">
        <PlanForm
          submitLabel={t('workbench.createPlan')}
          pending={create.isPending}
          error={create.error}
          onSubmit={(fields) => create.mutate(fields, { onSuccess: (plan) => navigate(`/planer/${plan.id}`) })}
          onCancel={() => navigate('/planer')}
        />
      </Card>
    </Stack>
  );
}
