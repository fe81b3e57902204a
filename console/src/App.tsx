import { lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, NavLink, Route, Routes } from 'react-router';
import { AuthProvider, useAuth, type Role } from './auth/Auth';
import { LoginForm } from './auth/LoginForm';
import { I18nProvider, useI18n } from './i18n/I18n';
import type { MessageKey } from './i18n/messages';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { CaseList } from './cases/CaseList';
import { CasePage } from './cases/CasePage';
import { Documents } from './knowledge/Documents';
import { SearchPage } from './knowledge/SearchPage';
import { FeedbackReview } from './admin/FeedbackReview';
import { Users } from './admin/Users';
import { ApiKeys } from './admin/ApiKeys';
import { Projections } from './admin/Projections';
import { AuditList } from './audit/AuditList';
import { AuditCase } from './audit/AuditCase';

// the chart library loads only with the dashboard
const Dashboard = lazy(() => import('./stats/Dashboard'));

const NAV: { to: string; label: MessageKey; roles: Role[] }[] = [
  { to: '/cases', label: 'navCases', roles: ['user', 'admin'] },
  { to: '/documents', label: 'navDocuments', roles: ['admin', 'user'] },
  { to: '/search', label: 'navSearch', roles: ['admin', 'user'] },
  { to: '/feedback', label: 'navFeedback', roles: ['admin'] },
  { to: '/users', label: 'navUsers', roles: ['admin'] },
  { to: '/api-keys', label: 'navApiKeys', roles: ['admin'] },
  { to: '/projections', label: 'navProjections', roles: ['admin'] },
  { to: '/dashboard', label: 'navDashboard', roles: ['analyst', 'admin'] },
  { to: '/audit', label: 'navAudit', roles: ['auditor', 'admin'] },
];

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Shell />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}

function Shell() {
  const { user, expired, checking, logout, hasRole } = useAuth();
  const { t } = useI18n();
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    // when the first usable screen is on the page (the e2e test reads it as "interactive")
    if (!checking && performance.getEntriesByName('console-interactive').length === 0) performance.mark('console-interactive');
  }, [checking]);
  if (checking) return <p role="status" className="center">{t('loading')}</p>;
  if (!user) return <main className="center"><LoginForm /></main>;
  const nav = NAV.filter((n) => hasRole(...n.roles));
  const home = nav[0]?.to ?? '/cases';
  return (
    <>
      <a className="skip" href="#main">{t('skip')}</a>
      <header className="topbar">
        <span className="brand">IP Expert</span>
        <button type="button" className="menu-toggle" aria-label={t('menu')} aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>☰</button>
        <nav id="main-nav" aria-label="main" className={menuOpen ? 'open' : ''} onClick={() => setMenuOpen(false)}>
          {nav.map((n) => <NavLink key={n.to} to={n.to}>{t(n.label)}</NavLink>)}
        </nav>
        <div className="row user-box">
          <span data-testid="whoami" title={user.roles.join(', ')}>{t('signedInAs')}: <strong>{user.username}</strong> ({user.roles.join(', ')})</span>
          <LanguageSwitch />
          <button type="button" onClick={() => void logout()}>{t('logout')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <Routes>
            <Route path="/" element={<Navigate to={home} replace />} />
            <Route path="/login" element={<Navigate to={home} replace />} />
            <Route path="/cases" element={<CaseList />} />
            <Route path="/cases/:caseId" element={<CasePage />} />
            <Route path="/documents" element={<Documents />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/feedback" element={<FeedbackReview />} />
            <Route path="/users" element={<Users />} />
            <Route path="/api-keys" element={<ApiKeys />} />
            <Route path="/projections" element={<Projections />} />
            <Route path="/dashboard" element={<Dashboard />} />
            <Route path="/audit" element={<AuditList />} />
            <Route path="/audit/:caseId" element={<AuditCase />} />
            <Route path="*" element={<p>{t('notFound')}</p>} />
          </Routes>
        </Suspense>
      </main>
      {expired && (
        <div className="overlay" role="dialog" aria-modal="true" aria-label={t('login')}>
          <LoginForm notice={t('sessionExpired')} />
        </div>
      )}
    </>
  );
}
