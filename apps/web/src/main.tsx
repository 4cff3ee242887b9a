import '@mantine/core/styles.css';
import { createTheme, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { AuthProvider } from './auth';
import './i18n';
import './app.css';

// Darker primary shades than Mantine's default keep text on buttons above WCAG AA contrast.
// Dialogs and menus appear without motion for people who asked their system for less of it.
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, respectReducedMotion: true });
// Deadlines pass while a screen is open: refresh every half minute as well as on focus.
const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true, refetchInterval: 30_000 } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <QueryClientProvider client={queries}>
        <BrowserRouter>
          <AuthProvider>
            <App />
          </AuthProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
