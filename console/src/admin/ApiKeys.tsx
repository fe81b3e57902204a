import { useEffect, useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { ApiKey, ApiKeyRole, CreatedApiKey } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { formatTime } from '../cases/CaseList';

const ROLES: ApiKeyRole[] = ['user', 'admin', 'auditor', 'analyst', 'monitoring'];
const DAY_MS = 24 * 3600 * 1000;

/**
 * API keys for machine clients (a monitoring system opening cases on alarms): create one with its roles and expiry,
 * see the key once, list the keys with their last use, revoke one at once.
 */
export function ApiKeys() {
  const { t } = useI18n();
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [refresh, setRefresh] = useState(0);
  const [form, setForm] = useState({ name: '', roles: ['user'] as ApiKeyRole[], days: 90 });
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/api/v1/admin/api-keys').then((r) => setKeys(unwrap(r) as ApiKey[])).catch((e) => setError(e.message));
  }, [refresh]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const key = unwrap(await api.POST('/api/v1/admin/api-keys', {
        body: { name: form.name.trim(), roles: form.roles, expiresInDays: form.days },
      })) as CreatedApiKey;
      setCreated(key);
      setCopied(false);
      setForm({ name: '', roles: ['user'], days: 90 });
      setRefresh((n) => n + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const revoke = async (key: ApiKey) => {
    setError(null);
    try {
      unwrap(await api.DELETE('/api/v1/admin/api-keys/{id}', { params: { path: { id: key.id } } }));
      if (created?.id === key.id) setCreated(null);
      setRefresh((n) => n + 1);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
    } catch {
      // without clipboard permission the key is still selectable
    }
  };
  const toggle = (role: ApiKeyRole) => setForm((f) => ({ ...f, roles: f.roles.includes(role) ? f.roles.filter((r) => r !== role) : [...f.roles, role] }));
  const expiresOn = new Date(Date.now() + form.days * DAY_MS).toLocaleDateString();
  const state = (key: ApiKey) => {
    if (key.revokedAt) return <span className="bad-text">{t('revoked')} {formatTime(key.revokedAt)}</span>;
    if (new Date(key.expiresAt).getTime() <= Date.now()) return <span className="muted">{t('expired')}</span>;
    return <span className="ok">{t('active')}</span>;
  };

  return (
    <div>
      <h1>{t('navApiKeys')}</h1>
      <form className="card" onSubmit={submit} aria-labelledby="create-api-key">
        <h2 id="create-api-key">{t('createApiKey')}</h2>
        <div className="row wrap">
          <label>{t('keyName')}<input value={form.name} maxLength={100} onChange={(e) => setForm({ ...form, name: e.target.value })} required /></label>
          <label>{t('expiresInDays')}
            <input type="number" min={1} max={366} value={form.days} required aria-describedby="api-key-expiry"
              onChange={(e) => setForm({ ...form, days: Number(e.target.value) })} />
          </label>
        </div>
        <p id="api-key-expiry" className="muted">{t('expiresAt')}: {expiresOn}</p>
        <fieldset className="row wrap">
          <legend>{t('roles')}</legend>
          {ROLES.map((r) => <label key={r} className="inline"><input type="checkbox" checked={form.roles.includes(r)} onChange={() => toggle(r)} /> {r}</label>)}
        </fieldset>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={form.roles.length === 0}>{t('createApiKey')}</button>
      </form>

      {created && (
        <section className="card notice" aria-labelledby="new-api-key-title" data-testid="new-api-key">
          <h2 id="new-api-key-title">{t('newApiKey')}: {created.name}</h2>
          <p>{t('keyShownOnce')}</p>
          <div className="row wrap">
            <code className="secret" data-testid="api-key-secret">{created.key}</code>
            <button type="button" className="small" onClick={copy}>{copied ? t('copied') : t('copyKey')}</button>
            <button type="button" className="small" onClick={() => setCreated(null)}>{t('done')}</button>
          </div>
          <p className="muted">{t('useKeyAs')} <code>Authorization: ApiKey &lt;key&gt;</code></p>
        </section>
      )}

      <div className="table-scroll">
        <table className="table" data-testid="api-key-table">
          <thead>
            <tr>
              <th scope="col">{t('keyName')}</th><th scope="col">{t('prefix')}</th><th scope="col">{t('roles')}</th>
              <th scope="col">{t('createdAt')}</th><th scope="col">{t('expiresAt')}</th><th scope="col">{t('lastUsed')}</th>
              <th scope="col">{t('status')}</th><th scope="col"><span className="visually-hidden">{t('revoke')}</span></th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="api-key-row" data-key-id={k.id}>
                <td>{k.name}</td>
                <td><code>{k.prefix}…</code></td>
                <td>{k.roles.join(', ')}</td>
                <td>{formatTime(k.createdAt)}<div className="muted">{k.createdBy}</div></td>
                <td>{formatTime(k.expiresAt)}</td>
                <td data-testid="api-key-last-used">{k.lastUsedAt ? formatTime(k.lastUsedAt) : <span className="muted">{t('neverUsed')}</span>}</td>
                <td>{state(k)}</td>
                <td className="actions">
                  {!k.revokedAt && (
                    <button type="button" className="small danger" onClick={() => revoke(k)} aria-label={`${t('revoke')}: ${k.name}`}>{t('revoke')}</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {keys.length === 0 && <p className="muted">{t('noApiKeys')}</p>}
    </div>
  );
}
