import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../resources/account';
import { useAuth } from '../auth';
import { errorText } from '../format';

/** Mitt konto: who is signed in, and changing one's own password (the current one is required). */
export function AccountPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  return (
    <Stack maw={520}>
      <Title order={1}>{t('account.title')}</Title>
      <Text>{t('account.signedInAs', { name: me?.name, email: me?.email })}</Text>
      <ChangePassword />
    </Stack>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const empty = { current: '', next: '', repeat: '' };
  const [form, setForm] = useState(empty);
  const [mismatch, setMismatch] = useState(false);
  const change = useChangePassword(() => setForm(empty));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = form.next !== form.repeat;
    setMismatch(differ);
    if (!differ) change.mutate({ currentPassword: form.current, newPassword: form.next });
  };
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} aria-label={t('account.changePassword')}>
        <Stack>
          <Title order={2} size="h4">{t('account.changePassword')}</Title>
          {mismatch && <Alert color="red" role="alert">{t('account.mismatch')}</Alert>}
          {change.error && !mismatch && <Alert color="red" role="alert">{errorText(change.error)}</Alert>}
          {change.isSuccess && <Alert color="green" role="status">{t('account.changed')}</Alert>}
          <PasswordInput label={t('account.current')} autoComplete="current-password" required value={form.current} onChange={(e) => setForm({ ...form, current: e.currentTarget.value })} />
          <PasswordInput
            label={t('account.new')}
            description={t('account.newHint')}
            autoComplete="new-password"
            required
            minLength={12}
            value={form.next}
            onChange={(e) => setForm({ ...form, next: e.currentTarget.value })}
            styles={{ description: { color: 'var(--mantine-color-gray-8)' } }}
          />
          <PasswordInput label={t('account.repeat')} autoComplete="new-password" required value={form.repeat} onChange={(e) => setForm({ ...form, repeat: e.currentTarget.value })} />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>{t('account.save')}</Button>
        </Stack>
      </form>
    </Card>
  );
}
