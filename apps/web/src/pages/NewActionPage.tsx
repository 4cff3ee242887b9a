import { Alert, Anchor, Autocomplete, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { OwnerPicker } from '../components/OwnerPicker';
import { PolicyDraft, PolicyFields, PolicyLadder, policyDraftFrom, policyDraftProblems, policyRequestOf } from '../components/PolicyFields';
import { SchedulePreview } from '../components/SchedulePreview';
import { ownersFromChoices } from '../directory';
import { errorText } from '../format';
import { useCreateAction } from '../resources/actions';
import { usePlan, useSchedulePreview } from '../resources/plans';

/**
 * An action by hand: title, area (picked or new), owners, and the schedule as the plan says it,
 * read back as it is typed. One that cannot be read yet (or has no owner) can still be saved as a
 * draft: it stands on the balance list until it is completed.
 */
export function NewActionPage() {
  const { t } = useTranslation();
  const { id: planId = '' } = useParams();
  const navigate = useNavigate();
  const plan = usePlan(planId);
  const create = useCreateAction(planId);
  const [title, setTitle] = useState('');
  const [area, setArea] = useState('');
  const [owners, setOwners] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [when, setWhen] = useState('');
  const [policy, setPolicy] = useState<PolicyDraft | null>(null);
  // One reading of the schedule, asked for once typing pauses; the page saves by the reading of
  // exactly what is in the fields (never a previous one still shown while the next loads).
  const [typed] = useDebouncedValue({ text, when }, 300);
  const preview = useSchedulePreview(planId, typed.text, typed.when);
  const reading = text.trim().length > 0 && (typed.text !== text || typed.when !== when || preview.isPlaceholderData || preview.isFetching);
  const followable = !reading && preview.data?.followable === true && text.trim().length > 0;
  const save = (draft: boolean) =>
    create.mutate(
      {
        title: title.trim(),
        area: area.trim() || undefined,
        ...ownersFromChoices(owners),
        ...(text.trim() ? { schedule: { text, when: when || undefined } } : {}),
        ...(policy ? { policy: policyRequestOf(policy) } : {}),
        ...(draft ? { draft: true } : {}),
      },
      { onSuccess: (action) => navigate(`/atgarder/${action.id}`) },
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reading) save(!followable);
  };
  if (plan.error) return <Alert color="red" role="alert">{errorText(plan.error)}</Alert>;
  const p = plan.data;
  if (!p) return null;
  const areas = p.areas.filter((a) => a.id).map((a) => a.title);
  return (
    <Stack>
      <Text><Anchor component={Link} to={`/planer/${p.id}`}>{p.title}</Anchor></Text>
      <Title order={1}>{t('workbench.newAction')}</Title>
      {p.archivedAt && <Alert color="yellow">{t('workbench.archivedNoChanges')}</Alert>}
      <Card withBorder padding="md">
        <form onSubmit={submit} aria-label={t('workbench.newAction')}>
          <Stack>
            {create.error && <Alert color="red" role="alert">{errorText(create.error)}</Alert>}
            <TextInput label={t('workbench.actionTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={2000} />
            <Autocomplete label={t('import.area')} description={t('workbench.areaHint')} data={areas} value={area} onChange={setArea} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            <OwnerPicker value={owners} onChange={setOwners} />
            <Group align="flex-end" wrap="wrap">
              <TextInput label={t('workbench.scheduleText')} description={t('workbench.scheduleHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '2 1 18rem' }} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
              <TextInput label={t('import.when')} description="Q3 2026" value={when} onChange={(e) => setWhen(e.currentTarget.value)} style={{ flex: '1 1 8rem' }} styles={{ description: { color: 'var(--mantine-color-gray-8)' } }} />
            </Group>
            <SchedulePreview text={text} preview={preview} />
            {policy ? (
              <PolicyFields value={policy} onChange={setPolicy} planId={p.id} owners={ownersFromChoices(owners)} />
            ) : (
              <Group gap="xs">
                <Text size="sm">{t('workbench.planPolicy')}</Text>
                <Button variant="subtle" size="compact-sm" c="blue.9" onClick={() => setPolicy(policyDraftFrom(p.policy))}>{t('workbench.ownPolicy')}</Button>
              </Group>
            )}
            {!policy && <PolicyLadder planId={p.id} owners={ownersFromChoices(owners)} policy={null} />}
            {owners.length === 0 && <Text size="sm">{t('workbench.noOwnerHint')}</Text>}
            <Group>
              <Button type="submit" loading={create.isPending} disabled={!title.trim() || Boolean(p.archivedAt) || reading || (policy !== null && policyDraftProblems(policy).length > 0)}>{followable ? t('workbench.saveAndFollow') : t('workbench.saveDraft')}</Button>
              <Button variant="default" component={Link} to={`/planer/${p.id}`}>{t('tasks.cancel')}</Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
