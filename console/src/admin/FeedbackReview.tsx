import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { FeedbackPage } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { Pager } from '../knowledge/Documents';
import { formatTime } from '../cases/CaseList';

/** Engineers' feedback awaiting an admin's decision; an approved correction becomes knowledge. */
export function FeedbackReview() {
  const { t } = useI18n();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const [pageNo, setPageNo] = useState(1);
  const [page, setPage] = useState<FeedbackPage | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.GET('/api/v1/feedback', { params: { query: { review_status: status, page: pageNo, pageSize: 10 } } })
      .then((r) => setPage(unwrap(r) as FeedbackPage)).catch((e) => setError(e.message));
  }, [status, pageNo, refresh]);
  const decide = async (feedbackId: string, decision: 'approve' | 'reject') => {
    try {
      unwrap(await api.POST('/api/v1/feedback/{feedbackId}/review', { params: { path: { feedbackId } }, body: { decision, comment: '' } }));
      setRefresh((n) => n + 1);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div>
      <h1>{t('navFeedback')}</h1>
      <div className="row" role="tablist" aria-label={t('status')}>
        {(['pending', 'approved', 'rejected'] as const).map((s) => (
          <button key={s} type="button" role="tab" aria-selected={status === s} onClick={() => { setStatus(s); setPageNo(1); }}>{t(s)}</button>
        ))}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {page && (
        <>
          <ul className="feedback-list">
            {page.items.map((f) => (
              <li key={f.feedbackId} className="card">
                <div className="row spread wrap">
                  <Link to={`/cases/${f.caseId}`}>{f.caseId}</Link>
                  <span className="badge">{f.outcome}</span>
                  <span className="muted">{formatTime(f.createdAt)}</span>
                </div>
                {f.comment && <p>{f.comment}</p>}
                {f.corrected_solution != null && (
                  <blockquote className="prose">{typeof f.corrected_solution === 'string' ? f.corrected_solution : JSON.stringify(f.corrected_solution, null, 2)}</blockquote>
                )}
                {f.review_status === 'pending' ? (
                  <div className="row">
                    <button type="button" className="primary" onClick={() => decide(f.feedbackId, 'approve')}>{t('approve')}</button>
                    <button type="button" className="danger" onClick={() => decide(f.feedbackId, 'reject')}>{t('reject')}</button>
                  </div>
                ) : <p className="muted">{f.review_status} · {f.reviewedBy} · {formatTime(f.reviewedAt)}</p>}
              </li>
            ))}
          </ul>
          <Pager page={pageNo} total={page.total} pageSize={page.pageSize} onPage={setPageNo} />
        </>
      )}
    </div>
  );
}
