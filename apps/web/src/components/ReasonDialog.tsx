import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format';

/**
 * Asks why before a change that others will read about (pause, withdraw, skip, archive): the
 * reason goes to the audit log and the timeline. `required` makes the reason mandatory.
 */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  description?: string;
  confirm: string;
  danger?: boolean;
  required?: boolean;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onConfirm(reason.trim());
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} closeButtonProps={{ 'aria-label': t('organisation.close') }}>
      <form onSubmit={submit}>
        <Stack>
          {props.description && <Text>{props.description}</Text>}
          {props.error ? <Alert color="red" role="alert">{errorText(props.error)}</Alert> : null}
          <Textarea label={t('workbench.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required={props.required} autosize minRows={2} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>{t('tasks.cancel')}</Button>
            <Button type="submit" color={props.danger ? 'red.8' : undefined} loading={props.pending} disabled={props.required && !reason.trim()}>{props.confirm}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
