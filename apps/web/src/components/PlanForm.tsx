import { Alert, Button, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../api';
import { errorText } from '../format';
import type { PlanFields } from '../resources/plans';
import { PolicyDraft, PolicyFields, policyDraftFrom, policyDraftProblems, policyRequestOf } from './PolicyFields';


/** A plan's facts, to create one or to change one. */
export function PlanForm(props: { plan?: PlanDetail; submitLabel: string; pending: boolean; error: unknown; onSubmit: (fields: PlanFields) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const { plan } = props;
  const [title, setTitle] = useState(plan?.title ?? '');
  const [startDate, setStartDate] = useState(plan?.startDate ?? new Date().toISOString().slice(0, 10));
  const [timezone, setTimezone] = useState<string | null>(plan?.timezone ?? 'Europe/Stockholm');
  const [cadence, setCadence] = useState<string | null>(plan?.reportingCadence ?? 'half-yearly');
  const [policy, setPolicy] = useState<PolicyDraft>(policyDraftFrom(plan?.policy));
  // Untouched, a plan keeps what it has (a new one: nothing, so the server's default and its calendar).
  const [policyTouched, setPolicyTouched] = useState(false);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo']), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit({
      title: title.trim(),
      startDate,
      timezone: timezone ?? 'Europe/Stockholm',
      reportingCadence: cadence === 'quarterly' ? 'quarterly' : 'half-yearly',
      ...(policyTouched ? { policy: policyRequestOf(policy) } : {}),
    });
  };
  return (
    <form onSubmit={submit} aria-label={props.submitLabel}>
      <Stack>
        {props.error ? <Alert color="red" role="alert">{errorText(props.error)}</Alert> : null}
        <TextInput label={t('workbench.planTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={300} />
        <Group align="flex-end" wrap="wrap">
          <TextInput type="date" label={t('workbench.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} required />
          <Select label={t('workbench.timezone')} data={zones} value={timezone} onChange={setTimezone} searchable allowDeselect={false} />
          <Select
            label={t('workbench.cadence')}
            data={[
              { value: 'half-yearly', label: t('plan.cadence.half-yearly') },
              { value: 'quarterly', label: t('plan.cadence.quarterly') },
            ]}
            value={cadence}
            onChange={setCadence}
            allowDeselect={false}
          />
        </Group>
        <Title order={3} size="h5">{t('workbench.defaultPolicy')}</Title>
        <PolicyFields value={policy} onChange={(next) => { setPolicy(next); setPolicyTouched(true); }} />
        <Group>
          <Button type="submit" loading={props.pending} disabled={!title.trim() || !startDate || policyDraftProblems(policy).length > 0}>{props.submitLabel}</Button>
          {props.onCancel && <Button variant="default" onClick={props.onCancel}>{t('tasks.cancel')}</Button>}
        </Group>
      </Stack>
    </form>
  );
}
