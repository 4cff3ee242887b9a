import { Alert, Button, Container, Divider, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { landingFor, useAuth } from '../auth';
import { call, client } from '../api';
import { errorText } from '../format';

const PROVIDER_ERROR = /^#oidc-fel=([\w-]+)$/;

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const navigate = useNavigate();
  // A link from a mail or a calendar leads here first; after login it still goes where it pointed.
  const location = useLocation();
  const deepLink = location.pathname === '/' ? null : `${location.pathname}${location.search}${PROVIDER_ERROR.test(location.hash) ? '' : location.hash}`;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A sign-in through the organisation's provider that failed comes back as #oidc-fel=<reason>.
  const [error, setError] = useState<string | null>(() => {
    const reason = PROVIDER_ERROR.exec(location.hash)?.[1];
    return reason ? t([`login.oidcError.${reason}`, 'login.oidcError.default']) : null;
  });
  const [busy, setBusy] = useState(false);
  const providers = useQuery({ queryKey: ['auth', 'providers'], queryFn: () => call(client.GET('/api/auth/providers')) });
  // Without an answer, the password form is offered: the API still says whether it is on.
  const passwordOn = providers.data?.password ?? !providers.isPending;
  const oidc = providers.data?.oidc;
  useEffect(() => {
    if (PROVIDER_ERROR.test(window.location.hash)) window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await login(email, password);
      navigate(deepLink ?? landingFor(me), { replace: true });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Container size={420} my={80}>
      <Title order={1} ta="center">{t('appName')}</Title>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
        <Stack>
          <Title order={2} size="h3">{t('login.title')}</Title>
          {error && <Alert color="red" role="alert">{error}</Alert>}
          {oidc && (
            // A navigation, not a fetch: the API sends the browser on to the provider's sign-in page.
            <Button component="a" href={`/api/auth/oidc/login${deepLink ? `?returnTo=${encodeURIComponent(deepLink)}` : ''}`} variant={passwordOn ? 'default' : 'filled'}>
              {t('login.withProvider', { name: oidc.name })}
            </Button>
          )}
          {oidc && passwordOn && <Divider label={t('login.orPassword')} labelPosition="center" />}
          {passwordOn && (
            <form onSubmit={submit} aria-label={t('login.title')}>
              <Stack>
                <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
                <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
                <Button type="submit" loading={busy}>{t('login.submit')}</Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
