import { Alert, Autocomplete, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { fieldWords, parsePolicyPhrases, PolicyField, PolicyWordsProblem } from '../../../../libs/domain/escalation/policy-words';
import { DEFAULT_NOTICE_TIME, DEFAULT_POLICY } from '../../../../libs/domain/escalation/policy';
import type { NoticePolicy } from '../api';
import { usePolicyPreview } from '../resources/plans';
import { policyInWords, wordsLanguage } from '../schedule-words';

/**
 * A notice policy as a form edits it: reminders, escalation steps and the repeat as words
 * ("14 dagar före, 1 dag före", "varje vecka"), working days or not. The words are read in the
 * browser by the domain's grammar (libs/domain/escalation/policy-words, sv/da/nb/en) and sent as
 * ISO 8601, the API's one contract: what the coordinator sees understood is exactly what is saved.
 */
export interface PolicyDraft {
  remindBefore: string;
  escalateAfter: string;
  repeatEvery: string;
  workingDays: boolean;
  /** Kept as it was: the form does not edit it. */
  noticeTime?: string;
}

export function policyDraftOf(policy: Partial<NoticePolicy> | null | undefined): PolicyDraft {
  const lang = wordsLanguage();
  return {
    remindBefore: fieldWords('remind', policy?.remindBefore ?? [], lang),
    escalateAfter: fieldWords('escalate', policy?.escalateAfter ?? [], lang),
    repeatEvery: policy?.repeatEvery ? fieldWords('repeat', [policy.repeatEvery], lang) : '',
    workingDays: policy?.timing === 'working-days',
    ...(policy?.noticeTime ? { noticeTime: policy.noticeTime } : {}),
  };
}

/**
 * Where a policy of one's own starts: the policy the engine applies today — the plan's, or for a
 * plan without one the default (the engine's `defaultPolicyFor`; the calendar is the server's) —
 * so the coordinator edits from that ladder, never from empty fields.
 */
export function policyDraftFrom(planPolicy: Partial<NoticePolicy> | null | undefined): PolicyDraft {
  return policyDraftOf(planPolicy ?? DEFAULT_POLICY);
}

function read(draft: PolicyDraft) {
  const remind = parsePolicyPhrases('remind', draft.remindBefore);
  const escalate = parsePolicyPhrases('escalate', draft.escalateAfter);
  const repeat = parsePolicyPhrases('repeat', draft.repeatEvery);
  return { remind, escalate, repeat, problems: [...remind.problems, ...escalate.problems, ...repeat.problems] };
}

/** What the draft's words say, in ISO 8601 for the API; whatever could not be read is left out (see `policyDraftProblems`). */
export function policyOfDraft(draft: PolicyDraft): NoticePolicy {
  const { remind, escalate, repeat } = read(draft);
  return {
    remindBefore: remind.durations,
    escalateAfter: escalate.durations,
    ...(repeat.durations[0] ? { repeatEvery: repeat.durations[0] } : {}),
    timing: draft.workingDays ? 'working-days' : 'exact',
    calendar: 'SE',
    ...(draft.noticeTime ? { noticeTime: draft.noticeTime } : {}),
  } as NoticePolicy;
}

/** The phrases that could not be read: a form with any does not save. */
export function policyDraftProblems(draft: PolicyDraft): PolicyWordsProblem[] {
  return read(draft).problems;
}

/** The policy the API is sent: without the calendar, which is the organisation's (the server's). */
export function policyRequestOf(draft: PolicyDraft): Omit<NoticePolicy, 'calendar'> {
  const { calendar: _calendar, ...rest } = policyOfDraft(draft);
  return rest;
}

const HELP = { description: { color: 'var(--mantine-color-gray-8)' } };

const CHOICES: Record<PolicyField, Record<'sv' | 'en', string[]>> = {
  remind: { sv: ['14 dagar före, 1 dag före', '1 vecka före', '1 månad före, 1 vecka före', '3 dagar före'], en: ['14 days before, 1 day before', '1 week before', '1 month before, 1 week before', '3 days before'] },
  escalate: { sv: ['7 dagar efter, 14 dagar efter', '14 dagar efter', '3 dagar efter, 7 dagar efter, 14 dagar efter', '1 månad efter'], en: ['7 days after, 14 days after', '14 days after', '3 days after, 7 days after, 14 days after', '1 month after'] },
  repeat: { sv: ['varje vecka', 'varannan vecka', 'varje månad', 'varje dag'], en: ['every week', 'every other week', 'every month', 'every day'] },
};

/**
 * Reminders before the due date, escalation steps after it, the repeat, and whether notices wait
 * for a working day; chosen from common values or typed in words, said back in words. With a plan
 * and owners, the ladder as who gets what when ("dag 7: enhetschefen Ulla, dag 14: kommunchefen Kim").
 */
export function PolicyFields({ value, onChange, planId, owners }: { value: PolicyDraft; onChange: (next: PolicyDraft) => void; planId?: string; owners?: { ownerPersonIds: string[]; ownerUnitIds: string[] } }) {
  const { t } = useTranslation();
  const lang = wordsLanguage();
  const problems = policyDraftProblems(value);
  const policy = policyOfDraft(value);
  const field = (key: 'remindBefore' | 'escalateAfter' | 'repeatEvery', kind: PolicyField, label: string, hint: string) => (
    <Autocomplete
      label={label}
      description={hint}
      data={CHOICES[kind][lang]}
      value={value[key]}
      onChange={(next) => onChange({ ...value, [key]: next })}
      error={parsePolicyPhrases(kind, value[key]).problems.length > 0 || undefined}
      styles={HELP}
      style={{ flex: '1 1 14rem' }}
    />
  );
  return (
    <Stack gap="xs">
      <Group align="flex-start" wrap="wrap">
        {field('remindBefore', 'remind', t('action.remindBefore'), t('workbench.policy.remindHint'))}
        {field('escalateAfter', 'escalate', t('action.escalateAfter'), t('workbench.policy.escalateHint'))}
        {field('repeatEvery', 'repeat', t('action.repeatEvery'), t('workbench.policy.repeatHint'))}
      </Group>
      <Checkbox label={t('workbench.workingDays', { time: value.noticeTime ?? DEFAULT_NOTICE_TIME })} checked={value.workingDays} onChange={(e) => onChange({ ...value, workingDays: e.currentTarget.checked })} />
      {problems.length > 0 && (
        <Alert color="red" role="alert" p="xs">
          {problems.map((p) => <Text key={`${p.code}:${p.phrase}`} size="sm">{t(`workbench.policy.problems.${p.code}`, { phrase: p.phrase })}</Text>)}
        </Alert>
      )}
      <Text size="sm" aria-label={t('workbench.policy.understood')}>{t('workbench.policy.understood')}: {policyInWords(policy)}</Text>
      {planId && owners && <PolicyLadder planId={planId} owners={owners} policy={problems.length === 0 ? policyRequestOf(value) : undefined} />}
    </Stack>
  );
}

/**
 * Who gets what when under a policy (the plan's default when `policy` is null) for these owners,
 * from today's organisation chart: the reminders, then "dag 7: enhetschefen Ulla", "dag 14:
 * kommunchefen Kim", then the repeat. `undefined` policy: nothing to show (the words do not read).
 */
export function PolicyLadder({ planId, owners, policy }: { planId: string; owners: { ownerPersonIds: string[]; ownerUnitIds: string[] }; policy: Omit<NoticePolicy, 'calendar'> | null | undefined }) {
  const { t } = useTranslation();
  const lang = wordsLanguage();
  const hasOwners = owners.ownerPersonIds.length + owners.ownerUnitIds.length > 0;
  const [request] = useDebouncedValue({ ...(policy ? { policy } : {}), ownerPersonIds: owners.ownerPersonIds, ownerUnitIds: owners.ownerUnitIds, language: lang }, 300);
  const preview = usePolicyPreview(planId, request, hasOwners && policy !== undefined);
  if (!hasOwners) return <Text size="sm">{t('workbench.policy.ladderNoOwners')}</Text>;
  if (!preview.data || policy === undefined) return null;
  return (
    <div>
      <Text size="sm" fw={600}>{t('workbench.policy.ladder')}</Text>
      <List size="sm" aria-label={t('workbench.policy.ladder')}>
        <List.Item>{preview.data.reminders}</List.Item>
        {preview.data.steps.map((s) => <List.Item key={s.step}>{s.words}</List.Item>)}
        {preview.data.repeat && <List.Item>{preview.data.repeat}</List.Item>}
      </List>
    </div>
  );
}
