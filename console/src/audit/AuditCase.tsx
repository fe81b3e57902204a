import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, authHeaders, unwrap } from '../api/client';
import type { AuditEvent, CaseGraph, ChainVerdict } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { formatTime } from '../cases/CaseList';

const CaseGraphView = lazy(() => import('../cases/CaseGraphView'));

/** A case's history for auditors: the event timeline, the graph at any moment, the chain's verdict, the NDJSON export. */
export function AuditCase() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [index, setIndex] = useState(0);
  const [graph, setGraph] = useState<CaseGraph | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.GET('/api/v1/audit/cases/{caseId}/events', { params: { path: { caseId } } })
      .then((r) => {
        const list = (unwrap(r) as { events: AuditEvent[] }).events;
        setEvents(list);
        setIndex(Math.max(0, list.length - 1));
      }).catch((e) => setError(e.message));
    api.GET('/api/v1/audit/cases/{caseId}/verify', { params: { path: { caseId } } })
      .then((r) => setVerdict(unwrap(r) as ChainVerdict)).catch((e) => setError(e.message));
  }, [caseId]);

  // the moment just after the chosen event (its stored time may carry more digits than the listing shows)
  const occurred = events?.[index]?.occurredAt;
  const at = occurred ? new Date(new Date(occurred).getTime() + 1).toISOString() : undefined;
  useEffect(() => {
    if (!at) return;
    let current = true;
    api.GET('/api/v1/audit/cases/{caseId}', { params: { path: { caseId }, query: { at } } })
      .then((r) => { if (current) { setGraph(unwrap(r) as CaseGraph); setError(null); } })
      .catch((e) => { if (current) { setGraph(null); setError(e.message); } });
    return () => { current = false; };
  }, [caseId, at]);

  const exportNdjson = async () => {
    const response = await fetch(`/api/v1/audit/cases/${encodeURIComponent(caseId)}/export`, { headers: authHeaders() });
    const blob = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `case-${caseId}.ndjson`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div>
      <Link to="/audit">← {t('back')}</Link>
      <div className="row spread wrap">
        <h1>{t('audit')} · {graph?.title ?? caseId}</h1>
        <div className="row">
          {verdict && (verdict.valid
            ? <span className="badge verify-ok" data-testid="verify-badge" role="status">✓ {t('verified')} ({verdict.events})</span>
            : <span className="badge verify-bad" data-testid="verify-badge" role="alert">✗ {t('tampered')}: {verdict.firstInvalid?.aggregateId} #{verdict.firstInvalid?.sequence}</span>)}
          <button type="button" onClick={exportNdjson} data-testid="export">{t('exportNdjson')}</button>
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {events && events.length > 0 && (
        <div className="case-layout">
          <section className="card" aria-labelledby="graph-at">
            <h2 id="graph-at">{t('graphAt')}</h2>
            <label>
              {t('time')}: <output data-testid="slider-time">{formatTime(occurred)}</output> (#{index + 1}/{events.length})
              <input type="range" min={0} max={events.length - 1} step={1} value={index} data-testid="time-slider"
                     onChange={(e) => setIndex(Number(e.target.value))} aria-valuetext={`${events[index].type} ${formatTime(occurred)}`} />
            </label>
            {graph && (
              <Suspense fallback={<div className="graph" role="status">{t('loading')}</div>}>
                <CaseGraphView nodes={graph.nodes} edges={graph.edges} onSelect={() => {}} ariaLabel={t('graphAt')} />
              </Suspense>
            )}
            <p className="muted" data-testid="graph-node-count">{graph ? `${graph.nodes.length} ${t('node')}` : ''}</p>
          </section>
          <section className="card" aria-labelledby="timeline">
            <h2 id="timeline">{t('timeline')}</h2>
            <ol className="timeline" data-testid="timeline">
              {events.map((e, i) => (
                <li key={e.sequence} className={i === index ? 'current' : ''}>
                  <button type="button" className="link" onClick={() => setIndex(i)} aria-current={i === index}>
                    <strong>{e.type}</strong>
                  </button>
                  <div className="muted">{t('actor')}: {e.actor} · {t('time')}: {formatTime(e.occurredAt)} · {e.aggregateType} #{e.aggregateSequence}</div>
                  <details><summary>{t('payload')}</summary><pre>{JSON.stringify(e.payload, null, 2)}</pre></details>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
    </div>
  );
}
