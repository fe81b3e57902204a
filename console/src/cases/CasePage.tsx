import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { useDraft } from '../ui/useDraft';
import { useLiveCase } from './useLiveCase';
import { answeredNodes, casePhase, pickLatest } from './caseState';
import { NodePanel } from './NodePanel';
import type { CaseNode } from '../api/types';
import { casePhaseLabel, nodeStatusLabel } from '../i18n/messages';

const CaseGraphView = lazy(() => import('./CaseGraphView'));

/** One case, live: its graph, the selected node, feedback and close. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useI18n();
  const { graph, drafts, connected } = useLiveCase(caseId);
  const [selected, setSelected] = useState<string | null>(null);
  const [follow, setFollow] = useState(true);

  // follow the newest node until the user picks one
  const nodes = graph?.nodes ?? [];
  const answered = answeredNodes(nodes, graph?.edges ?? []);
  const latest = pickLatest(nodes, answered);
  useEffect(() => {
    if (follow && latest) setSelected(latest.id);
  }, [follow, latest?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!graph) return <p role="status">{t('loading')}</p>;
  const node = nodes.find((n) => n.id === selected) ?? latest;
  const select = (id: string) => {
    setFollow(false);
    setSelected(id);
  };
  const hasSolution = nodes.some((n) => n.type === 'SOLUTION');
  const phase = casePhase(graph.status, latest, answered);

  return (
    <div className="case-page">
      <header className="row spread wrap">
        <div>
          <Link to="/cases">← {t('back')}</Link>
          <h1 data-testid="case-title">{graph.title}</h1>
          <p className="muted">
            <span className={`badge case-${graph.status}`} data-testid="case-status"
                  data-phase={phase}>{casePhaseLabel(t, phase)}</span>{' '}
            {graph.category && <>{t('category')}: {graph.category} · </>}{graph.vendor && <>{t('vendor')}: {graph.vendor} · </>}
            <span className={connected ? 'ok' : 'warn'} aria-live="polite">{connected ? t('live') : t('offline')}</span>
          </p>
        </div>
      </header>
      <div className="case-layout">
        <div>
          <Suspense fallback={<div className="graph" role="status">{t('loading')}</div>}>
            <CaseGraphView nodes={nodes} edges={graph.edges} selected={node?.id} onSelect={select} ariaLabel={t('graph')} />
          </Suspense>
          <nav aria-label={t('node')}>
            <ol className="node-list">
              {nodes.map((n) => (
                <li key={n.id}>
                  <button type="button" aria-current={n.id === node?.id} onClick={() => select(n.id)}
                          data-testid={`node-${n.type}-${n.status}`} className={`node-chip status-${n.status}`}>
                    {n.title} <small>{nodeStatusLabel(t, n.status)}</small>
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        </div>
        <div>
          {node && <NodePanel caseId={graph.caseId} node={node} draft={drafts[node.id]}
                              caseOpen={graph.status === 'open' && !answered.has(node.id)} />}
          {hasSolution && graph.status !== 'closed' && <FeedbackForm caseId={graph.caseId} />}
          {graph.status !== 'closed' && <CloseCase caseId={graph.caseId} />}
        </div>
      </div>
    </div>
  );
}

function FeedbackForm({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'solved' | 'unsolved'>('solved');
  const [comment, setComment, clearComment] = useDraft(`feedback-comment:${caseId}`);
  const [corrected, setCorrected, clearCorrected] = useDraft(`feedback-corrected:${caseId}`);
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      unwrap(await api.POST('/api/v1/cases/{caseId}/feedback', {
        params: { path: { caseId } },
        body: { outcome, comment, ...(corrected ? { corrected_solution: corrected } : {}) },
      }));
      clearComment();
      clearCorrected();
      setMessage(t('feedbackSent'));
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('feedback')}</h2>
      <fieldset className="row">
        <legend>{t('outcome')}</legend>
        <label className="inline"><input type="radio" name="outcome" checked={outcome === 'solved'} onChange={() => setOutcome('solved')} /> {t('solved')}</label>
        <label className="inline"><input type="radio" name="outcome" checked={outcome === 'unsolved'} onChange={() => setOutcome('unsolved')} /> {t('unsolved')}</label>
      </fieldset>
      <label>{t('comment')}<textarea rows={2} value={comment} onChange={(e) => setComment(e.target.value)} /></label>
      <label>{t('correctedSolution')}<textarea rows={3} value={corrected} onChange={(e) => setCorrected(e.target.value)} /></label>
      <button type="submit" className="primary">{t('submitFeedback')}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}

function CloseCase({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const close = async () => {
    try {
      unwrap(await api.POST('/api/v1/cases/{caseId}/close', { params: { path: { caseId } } }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="row">
      <button type="button" onClick={close}>{t('closeCase')}</button>
      {error && <span className="error" role="alert">{error}</span>}
    </div>
  );
}
