import { Alert, Autocomplete, Button, Card, Group, MultiSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoticePolicy, Schemas } from '../api';
import { ownersFromChoices, useDirectory } from '../directory';
import { errorText } from '../format';
import { ActionDetail, useUpdateAction } from '../resources/actions';
import { PolicyDraft, PolicyFields, PolicyLadder, policyDraftFrom, policyDraftOf, policyDraftProblems, policyRequestOf } from './PolicyFields';

/**
 * A coordinator's change to an action: title, area, schedule, owners and its notice policy in
 * words. Only what was changed is sent: the schedule is read again only when its words changed,
 * owners re-arm notices only when they are others,
 * and the policy is sent only when it says something else (or the action takes its own instead of
 * the plan's), always whole — reminders, steps, repeat, working days and notice time — because the
 * API reads a policy as given, and a part left out would be lost.
 */
export function EditAction({ action, areas, planPolicy }: { action: ActionDetail; areas: string[]; planPolicy: NoticePolicy | null | undefined }) {
  const { t } = useTranslation();
  const { ownerOptions } = useDirectory();
  const [title, setTitle] = useState(action.title);
  const [area, setArea] = useState(action.area ?? '');
  const [text, setText] = useState(action.scheduleInput.text ?? '');
  const [when, setWhen] = useState(action.scheduleInput.when ?? '');
  const [owners, setOwners] = useState<string[]>([...action.ownerUnitIds.map((id) => `unit:${id}`), ...action.ownerPersonIds.map((id) => `person:${id}`)]);
  // null: the action follows the plan's policy, until the coordinator gives it its own.
  const [policy, setPolicy] = useState<PolicyDraft | null>(action.policy ? policyDraftOf(action.policy) : null);
  const save = useUpdateAction(action.id);
  const unreadable = policy !== null && policyDraftProblems(policy).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!unreadable) save.mutate(changesOf(action, { title, area, text, when, owners, policy }));
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('action.edit')}>
        <Stack>
          <Title order={2} size="h4">{t('action.edit')}</Title>
          {save.error && <Alert color="red" role="alert">{errorText(save.error)}</Alert>}
          {save.isSuccess && <Alert color="green" role="status">{t('action.saved')}</Alert>}
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('workbench.actionTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required style={{ flex: '2 1 16rem' }} />
            <Autocomplete label={t('import.area')} data={areas} value={area} onChange={setArea} style={{ flex: '1 1 12rem' }} />
          </Group>
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('action.scheduleText')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: '2 1 16rem' }} />
            <TextInput label={t('import.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} style={{ flex: '1 1 8rem' }} />
          </Group>
          <MultiSelect label={t('import.owners')} data={ownerOptions(owners)} value={owners} onChange={setOwners} searchable />
          {policy ? (
            <PolicyFields value={policy} onChange={setPolicy} planId={action.planId} owners={ownersFromChoices(owners)} />
          ) : (
            <>
              {/* Its own starts as the plan's; a plan without one follows the default policy. */}
              <Group gap="xs">
                <Text size="sm">{t('workbench.planPolicy')}</Text>
                <Button variant="subtle" size="compact-sm" c="blue.9" onClick={() => setPolicy(policyDraftFrom(planPolicy))}>{t('workbench.ownPolicy')}</Button>
              </Group>
              <PolicyLadder planId={action.planId} owners={ownersFromChoices(owners)} policy={null} />
            </>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={unreadable}>{t('tasks.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

interface EditedAction {
  title: string;
  area: string;
  text: string;
  when: string;
  owners: string[];
  policy: PolicyDraft | null;
}

/** The PATCH body: what differs from the action as it was loaded. */
function changesOf(action: ActionDetail, edited: EditedAction): Schemas['UpdateActionRequest'] {
  const title = edited.title.trim();
  const area = edited.area.trim();
  const scheduleChanged = edited.text !== (action.scheduleInput.text ?? '') || edited.when !== (action.scheduleInput.when ?? '');
  return {
    ...(title && title !== action.title ? { title } : {}),
    ...(area !== (action.area ?? '') ? { area } : {}),
    // An emptied schedule is not a schedule: the one the action has is kept.
    ...(scheduleChanged && edited.text.trim() ? { schedule: { text: edited.text, when: edited.when || undefined } } : {}),
    ...(ownersChanged(action, edited.owners) ? ownersFromChoices(edited.owners) : {}),
    ...(edited.policy && policyChanged(edited.policy, action.policy) ? { policy: policyRequestOf(edited.policy) } : {}),
  };
}

/** New owners re-arm the open occurrences' notices: sent only when they are others. */
function ownersChanged(action: ActionDetail, choices: string[]): boolean {
  const given = ownersFromChoices(choices);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));
  return !same(given.ownerUnitIds, action.ownerUnitIds) || !same(given.ownerPersonIds, action.ownerPersonIds);
}

/**
 * Whether the draft says something else than the action's own policy. Both sides are read through
 * the words, so a form left as it was is unchanged even where words and ISO 8601 differ in form
 * ("P2W" reads back as P14D); an action without its own policy that is given one has changed.
 */
function policyChanged(draft: PolicyDraft, own: NoticePolicy | null): boolean {
  if (!own) return true;
  return JSON.stringify(policyRequestOf(draft)) !== JSON.stringify(policyRequestOf(policyDraftOf(own)));
}
