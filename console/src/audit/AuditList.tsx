import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { AuditCasePage } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { Pager } from '../knowledge/Documents';
import { formatTime } from '../cases/CaseList';
import { caseStatusLabel } from '../i18n/messages';

/** Every user's cases, for auditors: filter by owner, open one's history. */
export function AuditList() {
  const { t } = useI18n();
  const [user, setUser] = useState('');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<AuditCasePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/api/v1/audit/cases', { params: { query: { user: user || undefined, page: pageNo, pageSize: 10 } } })
      .then((r) => setPage(unwrap(r) as AuditCasePage)).catch((e) => setError(e.message));
  }, [user, pageNo]);
  return (
    <div>
      <h1>{t('navAudit')}</h1>
      <form className="filters row" onSubmit={(e) => e.preventDefault()} aria-label={t('filter')}>
        <label>{t('owner')}<input value={user} onChange={(e) => { setUser(e.target.value); setPageNo(1); }} /></label>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {page && (
        <>
          <table className="table" data-testid="audit-table">
            <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('owner')}</th><th scope="col">{t('status')}</th><th scope="col">{t('createdAt')}</th></tr></thead>
            <tbody>
              {page.items.map((c) => (
                <tr key={c.caseId}><td><Link to={`/audit/${c.caseId}`}>{c.title}</Link></td><td>{c.owner}</td><td>{caseStatusLabel(t, c.status)}</td><td>{formatTime(c.createdAt)}</td></tr>
              ))}
            </tbody>
          </table>
          <Pager page={pageNo} total={page.total} pageSize={page.pageSize} onPage={setPageNo} />
        </>
      )}
    </div>
  );
}
