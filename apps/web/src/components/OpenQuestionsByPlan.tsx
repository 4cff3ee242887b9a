import { Anchor, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOpenQuestionsOfPlans } from '../resources/minutes';

/** On the overview's balance list: how many questions from minutes each plan still has open, linked to the plan's own list. */
export function OpenQuestionsByPlan({ plans }: { plans: Array<{ id: string; title: string }> }) {
  const { t } = useTranslation();
  const questions = useOpenQuestionsOfPlans(plans.map((p) => p.id));
  const open = plans.map((plan, i) => ({ plan, count: questions[i]?.data?.length ?? 0 })).filter((p) => p.count > 0);
  if (open.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={700}>{t('minutes.balance.perPlan')}</Text>
      <List aria-label={t('minutes.balance.perPlan')}>
        {open.map(({ plan, count }) => (
          <List.Item key={plan.id}>
            <Anchor component={Link} to={`/planer/${plan.id}#balanslista`}>{plan.title}</Anchor>: {t('minutes.balance.planCount', { count })}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
