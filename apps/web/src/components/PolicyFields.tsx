import { Checkbox, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NoticePolicy } from '../api';
import { policyInWords } from '../schedule-words';

/** A notice policy as a form edits it: durations as typed (ISO 8601 for now), working days or not. */
export interface PolicyDraft {
  remindBefore: string;
  escalateAfter: string;
  workingDays: boolean;
  /** Kept as they were: the form does not edit them (yet). */
  repeatEvery?: string;
}

export function policyDraftOf(policy: Partial<NoticePolicy> | null | undefined): PolicyDraft {
  return { remindBefore: policy?.remindBefore?.join(', ') ?? '', escalateAfter: policy?.escalateAfter?.join(', ') ?? '', workingDays: policy?.timing === 'working-days', repeatEvery: policy?.repeatEvery };
}

const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

export function policyOfDraft(draft: PolicyDraft): Partial<NoticePolicy> {
  return { remindBefore: list(draft.remindBefore), escalateAfter: list(draft.escalateAfter), timing: draft.workingDays ? 'working-days' : 'exact', ...(draft.repeatEvery ? { repeatEvery: draft.repeatEvery } : {}) };
}

const HELP = { description: { color: 'var(--mantine-color-gray-8)' } };

/** Reminders before the due date, escalation steps after it, and whether notices wait for a working day; said back in words. */
export function PolicyFields({ value, onChange }: { value: PolicyDraft; onChange: (next: PolicyDraft) => void }) {
  const { t } = useTranslation();
  const words = policyInWords({ ...policyOfDraft(value), remindBefore: list(value.remindBefore), escalateAfter: list(value.escalateAfter) });
  return (
    <>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t('action.remindBefore')} description="P14D, P1D" value={value.remindBefore} onChange={(e) => onChange({ ...value, remindBefore: e.currentTarget.value })} styles={HELP} />
        <TextInput label={t('action.escalateAfter')} description="P7D, P14D" value={value.escalateAfter} onChange={(e) => onChange({ ...value, escalateAfter: e.currentTarget.value })} styles={HELP} />
        <Checkbox label={t('workbench.workingDays')} checked={value.workingDays} onChange={(e) => onChange({ ...value, workingDays: e.currentTarget.checked })} mb={8} />
      </Group>
      <p style={{ margin: 0, fontSize: 'var(--mantine-font-size-sm)' }}>{words}</p>
    </>
  );
}
