import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { CaseSummary } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { useAuth } from '../auth/Auth';
import { useDraft } from '../ui/useDraft';
import { VENDORS } from '../ui/vendors';
import { caseStatusLabel } from '../i18n/messages';

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
                <td><span className={`badge case-${c.status}`}>{caseStatusLabel(t, c.status)}</span></td>
                <td>{formatTime(c.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** What the API reads from a screenshot at most (ipexpert.cases.screenshots defaults), checked here before sending. */
const MAX_SCREENSHOT_BYTES = 5 * 1024 * 1024;
const MAX_SCREENSHOTS = 4;
const SCREENSHOT_TYPES = 'image/png,image/jpeg,image/gif,image/bmp,image/tiff,image/webp';

type Screenshot = { name: string; content: string };

function dataUrlOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

/** Opens a case; screenshots of device output go along as data URLs, which the API reads by OCR before the case opens. */
export function NewCase() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery, clear] = useDraft('new-case');
  const [screenshots, setScreenshots] = useState<Screenshot[]>([]);
  const [error, setError] = useState<string | null>(null);
  const attach = async (files: FileList | null) => {
    const chosen = Array.from(files ?? []);
    if (chosen.length === 0) return;
    if (screenshots.length + chosen.length > MAX_SCREENSHOTS) return setError(t('tooManyScreenshots'));
    if (chosen.some((f) => f.size > MAX_SCREENSHOT_BYTES)) return setError(t('screenshotTooLarge'));
    try {
      const read = await Promise.all(chosen.map(async (f) => ({ name: f.name, content: await dataUrlOf(f) })));
      setError(null);
      setScreenshots((before) => [...before, ...read]);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const opened = unwrap(await api.POST('/api/v1/cases', { body: { query, attachments: screenshots } }));
      clear();
      setScreenshots([]);
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
      <label>{t('attachScreenshots')}
        <input type="file" name="screenshots" accept={SCREENSHOT_TYPES} multiple aria-describedby="screenshot-hint"
          onChange={(e) => { void attach(e.target.files); e.target.value = ''; }} />
      </label>
      <p id="screenshot-hint" className="muted">{t('screenshotHint')}</p>
      {screenshots.length > 0 && (
        <ul className="screenshots">
          {screenshots.map((s, i) => (
            <li key={`${s.name}-${i}`} className="row">
              <span>{s.name}</span>
              <button type="button" onClick={() => setScreenshots(screenshots.filter((_, j) => j !== i))}
                aria-label={`${t('removeAttachment')} ${s.name}`}>{t('removeAttachment')}</button>
            </li>
          ))}
        </ul>
      )}
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
