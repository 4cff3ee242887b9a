import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { call, client, Me, session } from './api';

interface AuthState {
  me: Me | null | undefined; // undefined while checking a stored session
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** The API sends the browser back here (#oidc) after a sign-in with the organisation's provider. */
const backFromProvider = () => window.location.hash === '#oidc';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(session.token || backFromProvider() ? undefined : null);
  useEffect(() => {
    const takeOver = async () => {
      if (!backFromProvider()) return;
      // The marker goes at once: a reload or the back button must not try the same sign-in again.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      // The session waits in an httpOnly cookie the API set on the way back; it is traded once for the token.
      const { token } = await call(client.POST('/api/auth/oidc/session'));
      session.token = token;
    };
    takeOver()
      .catch(() => undefined)
      .then(() => (session.token ? call(client.GET('/api/me')) : null))
      .then(setMe, () => {
        session.token = null;
        setMe(null);
      });
  }, []);
  const login = async (email: string, password: string) => {
    const { token } = await call(client.POST('/api/auth/login', { body: { email, password } }));
    session.token = token;
    const who = await call(client.GET('/api/me'));
    setMe(who);
    return who;
  };
  const logout = async () => {
    await call(client.POST('/api/auth/logout')).catch(() => undefined);
    session.token = null;
    setMe(null);
  };
  return <AuthContext.Provider value={{ me, login, logout }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

/** The first screen fits the role (issue 6): coordinators see plans, owners their tasks, heads escalations. */
export function landingFor(me: Me): string {
  if (me.roles.includes('coordinator') || me.roles.includes('admin')) return '/oversikt';
  if (me.roles.includes('owner')) return '/uppgifter';
  if (me.roles.includes('executive')) return '/eskaleringar';
  return '/planer';
}
