import { Badge, Box, Button, VisuallyHidden, Container, Group, Loader, Title } from '@mantine/core';
import { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useNavigate } from 'react-router-dom';
import { landingFor, useAuth } from './auth';
import { EscalationsPage } from './pages/EscalationsPage';
import { LoginPage } from './pages/LoginPage';
import { AccountPage } from './pages/AccountPage';
import { ActionPage } from './pages/ActionPage';
import { DashboardPage } from './pages/DashboardPage';
import { ImportPage } from './pages/ImportPage';
import { MinutesPage } from './pages/MinutesPage';
import { NewActionPage } from './pages/NewActionPage';
import { NewPlanPage } from './pages/NewPlanPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { ActionLink, OccurrenceLink, PlanLink } from './pages/Permalinks';
import { NotificationsPage } from './pages/NotificationsPage';
import { useUnreadCount } from './resources/notifications';
import { PlanPage } from './pages/PlanPage';
import { PlansPage } from './pages/PlansPage';
import { RoundPage } from './pages/RoundPage';
import { StatusReportPage } from './pages/StatusReportPage';
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
        <Route path="/lagesrapporter/:id" element={<StatusReportPage />} />
        <Route path="/eskaleringar" element={<EscalationsPage />} />
        <Route path="/planer" element={<PlansPage />} />
        <Route path="/planer/ny" element={<NewPlanPage />} />
        <Route path="/planer/:id" element={<PlanPage />} />
        <Route path="/planer/:id/ny-atgard" element={<NewActionPage />} />
        <Route path="/planer/:id/protokoll" element={<MinutesPage />} />
        <Route path="/planer/:id/rapportering/:period" element={<RoundPage />} />
        <Route path="/oversikt" element={<DashboardPage />} />
        <Route path="/import" element={<ImportPage />} />
        <Route path="/atgarder/:id" element={<ActionPage />} />
        <Route path="/organisation" element={<OrganisationPage />} />
        <Route path="/aviseringar" element={<NotificationsPage />} />
        <Route path="/konto" element={<AccountPage />} />
        <Route path="/occurrences/:id" element={<OccurrenceLink />} />
        <Route path="/actions/:id" element={<ActionLink />} />
        <Route path="/plans/:id" element={<PlanLink />} />
        <Route path="*" element={<Navigate to={landingFor(me)} replace />} />
      </Routes>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { me, logout } = useAuth();
  const unread = useUnreadCount();
  const navigate = useNavigate(); // after logout the next login starts from its own first screen
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
              {coordinates && <MenuLink to="/oversikt">{t('nav.dashboard')}</MenuLink>}
              {coordinates && <MenuLink to="/import">{t('nav.import')}</MenuLink>}
              {coordinates && <MenuLink to="/organisation">{t('nav.organisation')}</MenuLink>}
              <MenuLink to="/uppgifter">{t('nav.tasks')}</MenuLink>
              <MenuLink to="/eskaleringar">{t('nav.escalations')}</MenuLink>
              <MenuLink to="/planer">{t('nav.plans')}</MenuLink>
              <MenuLink to="/aviseringar">
                {t('nav.notifications')}
                {unread > 0 && (
                  <>
                    {' '}
                    <Badge ml={6} size="sm" variant="filled" color="red.8">{unread}</Badge>
                    <VisuallyHidden> {t('nav.unread')}</VisuallyHidden>
                  </>
                )}
              </MenuLink>
              <MenuLink to="/konto">{t('nav.account')}</MenuLink>
              <Button variant="subtle" c="blue.9" style={HOVER} onClick={toggleLanguage} lang={i18n.language === 'sv' ? 'en' : 'sv'}>{t('nav.language')}</Button>
              <Button variant="outline" onClick={() => void logout().then(() => navigate('/', { replace: true }))} title={me?.email}>{t('nav.logout')}</Button>
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

// Subtle buttons' default hover tint is too dark for their text (WCAG AA); a paler one keeps 4.5:1.
const HOVER = { '--button-hover': 'var(--mantine-color-blue-0)' } as CSSProperties;

/** A menu entry; the current page (aria-current) is marked by an underline, not by colour alone. */
function MenuLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Button component={NavLink} to={to} variant="subtle" c="blue.9" style={HOVER} className="menu-link">
      {children}
    </Button>
  );
}
