import { Box, Button, Container, Group, Loader, Title } from '@mantine/core';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { landingFor, useAuth } from './auth';
import { EscalationsPage } from './pages/EscalationsPage';
import { LoginPage } from './pages/LoginPage';
import { ActionPage } from './pages/ActionPage';
import { DashboardPage } from './pages/DashboardPage';
import { ImportPage } from './pages/ImportPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { PlansPage } from './pages/PlansPage';
import { TasksPage } from './pages/TasksPage';

export function App() {
  const { me } = useAuth();
  if (me === undefined) return <Loader aria-label="…" m="xl" />;
  if (me === null) {
    return (
      <Routes>
        <Route path="*" element={<LoginPage />} />
      </Routes>
    );
  }
  return (
    <Shell>
      <Routes>
        <Route path="/uppgifter" element={<TasksPage />} />
        <Route path="/eskaleringar" element={<EscalationsPage />} />
        <Route path="/planer" element={<PlansPage />} />
        <Route path="/oversikt" element={<DashboardPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/atgarder/:id" element={<ActionPage />} />
        <Route path="/organisation" element={<OrganisationPage />} />
        <Route path="*" element={<Navigate to={landingFor(me)} replace />} />
      </Routes>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, logout } = useAuth();
  const coordinates = me?.roles.includes('coordinator') || me?.roles.includes('admin');
  const toggleLanguage = () => {
    const next = i18n.language === 'sv' ? 'en' : 'sv';
    localStorage.setItem('bevaka.language', next);
    document.documentElement.lang = next;
    void i18n.changeLanguage(next);
  };
  return (
    // A header in the flow of the page (not fixed), so that its menu may wrap on a phone.
    <>
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" px="md" py="xs" wrap="wrap" gap="xs">
          <Title order={2} size="h3">{t('appName')}</Title>
          <nav aria-label={t('appName')}>
            <Group gap="xs" wrap="wrap">
              {coordinates && <Button component={NavLink} to="/oversikt" variant="subtle">{t('nav.dashboard')}</Button>}
              {coordinates && <Button component={NavLink} to="/import" variant="subtle">{t('nav.import')}</Button>}
              {coordinates && <Button component={NavLink} to="/organisation" variant="subtle">{t('nav.organisation')}</Button>}
              <Button component={NavLink} to="/uppgifter" variant="subtle">{t('nav.tasks')}</Button>
              <Button component={NavLink} to="/eskaleringar" variant="subtle">{t('nav.escalations')}</Button>
              <Button component={NavLink} to="/planer" variant="subtle">{t('nav.plans')}</Button>
              <Button variant="subtle" onClick={toggleLanguage} lang={i18n.language === 'sv' ? 'en' : 'sv'}>{t('nav.language')}</Button>
              <Button variant="outline" onClick={() => void logout()} title={me?.email}>{t('nav.logout')}</Button>
            </Group>
          </nav>
        </Group>
      </Box>
      <Container component="main" size="lg" py="md">
        {children}
      </Container>
    </>
  );
}
