import { useState, type FormEvent } from 'react';
import { useAuth } from './Auth';
import { useI18n } from '../i18n/I18n';
import { LanguageSwitch } from '../ui/LanguageSwitch';

/** The login form; on its own page, or in a dialog over the page whose session expired. */
export function LoginForm({ notice }: { notice?: string }) {
  const { login } = useAuth();
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="login card" onSubmit={submit} aria-labelledby="login-title">
      <div className="row spread">
        <h1 id="login-title">{t('appName')}</h1>
        <LanguageSwitch />
      </div>
      {notice && <p className="notice" role="status">{notice}</p>}
      <label>
        {t('username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>{busy ? t('loggingIn') : t('login')}</button>
    </form>
  );
}
