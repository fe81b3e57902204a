import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { CaseSummary } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { useAuth } from '../auth/Auth';
import { useDraft } from '../ui/useDraft';
import { VENDORS } from '../ui/vendors';

/** The engineer's cases, filtered by status, vendor and category, and a form to open a new one. */
export function CaseList() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const status = params.get('status') ?? '';
  const vendor = params.get('vendor') ?? '';
  const category = params.get('category') ?? '';

  useEffect(() => {
    api.GET('/api/v1/cases', { params: { query: { status: (status || undefined) as CaseSummary['status'] | undefined, vendor: vendor || undefined, category: category || undefined } } })
      .then((r) => setCases(unwrap(r) as CaseSummary[])).catch((e) => setError(e.message));
  }, [status, vendor, category]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  return (
    <div>
      <h1>{t('navCases')}</h1>
      {hasRole('user', 'admin') && <NewCase />}
      <form className="filters row wrap" aria-label={t('filter')} onSubmit={(e) => e.preventDefault()}>
        <label>{t('status')}
          <select value={status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('all')}</option>
            <option value="open">{t('statusOpen')}</option>
            <option value="solved">{t('statusSolved')}</option>
            <option value="closed">{t('statusClosed')}</option>
          </select>
        </label>
        <label>{t('vendor')}
          <select value={vendor} onChange={(e) => setFilter('vendor', e.target.value)}>
            <option value="">{t('all')}</option>
            {VENDORS.map((v) => <option key={v} value={v}>{v}</option>)}
          </select>
        </label>
        <label>{t('category')}
          <input value={category} onChange={(e) => setFilter('category', e.target.value)} placeholder="OSPF" />
        </label>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {cases === null ? <p role="status">{t('loading')}</p> : cases.length === 0 ? <p>{t('noCases')}</p> : (
        <table className="table" data-testid="case-table">
          <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('status')}</th><th scope="col">{t('updatedAt')}</th></tr></thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.caseId}>
                <td><Link to={`/cases/${c.caseId}`}>{c.title}</Link></td>
                <td><span className={`badge case-${c.status}`}>{c.status}</span></td>
                <td>{formatTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function NewCase() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery, clear] = useDraft('new-case');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const opened = unwrap(await api.POST('/api/v1/cases', { body: { query, attachments: [] } }));
      clear();
      navigate(`/cases/${opened.caseId}`);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-case-title">
      <h2 id="new-case-title">{t('newCase')}</h2>
      <label>{t('describeFault')}
        <textarea name="query" rows={3} value={query} onChange={(e) => setQuery(e.target.value)} required placeholder="OSPF邻居状态卡在ExStart" />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary">{t('create')}</button>
    </form>
  );
}

export function formatTime(value?: string | null): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toLocaleString();
}
