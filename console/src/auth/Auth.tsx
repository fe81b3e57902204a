import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, currentToken, onSessionExpired, setToken, unwrap } from '../api/client';
import type { UserInfo } from '../api/types';

export type { Role } from '../api/types';
import type { Role } from '../api/types';

interface AuthValue {
  user: UserInfo | null;
  /** true while a session that existed has expired: the page stays, a login dialog sits over it. */
  expired: boolean;
  checking: boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserInfo | null>(null);
  const [expired, setExpired] = useState(false);
  const [checking, setChecking] = useState(() => currentToken() !== null);

  useEffect(() => {
    onSessionExpired(() => {
      setToken(null);
      setExpired(true);
    });
    if (!currentToken()) return;
    api.GET('/api/v1/auth/me').then((r) => {
      if (r.response.ok && r.data) setUser(r.data);
      else setToken(null);
    }).catch(() => setToken(null)).finally(() => setChecking(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = unwrap(await api.POST('/api/v1/auth/login', { body: { username, password } }));
    setToken(answer.access_token);
    setUser(answer.user_info);
    setExpired(false);
    // the token's own lifetime: when it ends, the session ends with it
    const ttl = Number(answer.expires_in ?? 0);
    if (ttl > 0) window.setTimeout(() => { if (currentToken() === answer.access_token) { setToken(null); setExpired(true); } }, ttl * 1000);
  }, []);

  const logout = useCallback(async () => {
    await fetch('/api/v1/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${currentToken()}` } }).catch(() => undefined);
    setToken(null);
    setUser(null);
    setExpired(false);
  }, []);

  const hasRole = useCallback((...roles: Role[]) => !!user && roles.some((r) => user.roles.includes(r)), [user]);

  const value = useMemo(() => ({ user, expired, checking, login, logout, hasRole }), [user, expired, checking, login, logout, hasRole]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
