import { useEffect, useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { Role, UserInfo } from '../api/types';
import { useI18n } from '../i18n/I18n';

const ROLES: Role[] = ['user', 'admin', 'auditor', 'analyst'];

/** The accounts, and a form to create one with its roles. */
export function Users() {
  const { t } = useI18n();
  const [users, setUsers] = useState<UserInfo[]>([]);
  const [refresh, setRefresh] = useState(0);
  const [form, setForm] = useState({ username: '', email: '', password: '', roles: ['user'] as Role[] });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/api/v1/users').then((r) => setUsers(unwrap(r))).catch((e) => setError(e.message));
  }, [refresh]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      unwrap(await api.POST('/api/v1/users', { body: form }));
      setForm({ username: '', email: '', password: '', roles: ['user'] });
      setRefresh((n) => n + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const toggle = (role: Role) => setForm((f) => ({ ...f, roles: f.roles.includes(role) ? f.roles.filter((r) => r !== role) : [...f.roles, role] }));
  return (
    <div>
      <h1>{t('navUsers')}</h1>
      <form className="card" onSubmit={submit} aria-labelledby="create-user">
        <h2 id="create-user">{t('createUser')}</h2>
        <div className="row wrap">
          <label>{t('username')}<input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} required /></label>
          <label>{t('email')}<input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} required /></label>
          <label>{t('password')}<input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} required minLength={8} /></label>
        </div>
        <fieldset className="row wrap">
          <legend>{t('roles')}</legend>
          {ROLES.map((r) => <label key={r} className="inline"><input type="checkbox" checked={form.roles.includes(r)} onChange={() => toggle(r)} /> {r}</label>)}
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary">{t('createUser')}</button>
      </form>
      <table className="table">
        <thead><tr><th scope="col">{t('username')}</th><th scope="col">{t('email')}</th><th scope="col">{t('roles')}</th></tr></thead>
        <tbody>{users.map((u) => <tr key={u.id}><td>{u.username}</td><td>{u.email}</td><td>{u.roles.join(', ')}</td></tr>)}</tbody>
      </table>
    </div>
  );
}
