import { useState, type FormEvent } from 'react';
import { api, authHeaders, unwrap } from '../api/client';
import type { CaseNode, ClarificationContent, SolutionContent, SourceRef } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { useDraft } from '../ui/useDraft';
import { nodeStatusLabel } from '../i18n/messages';

/** What one node says, and what can be done with it: answer, retry, copy a command, open a source. */
export function NodePanel({ caseId, node, draft, caseOpen }: { caseId: string; node: CaseNode; draft?: string; caseOpen: boolean }) {
  const { t } = useI18n();
  const content = (node.content ?? {}) as Record<string, unknown>;
  return (
    <section className="card node-panel" aria-labelledby={`node-${node.id}`} data-testid="node-panel" data-node-type={node.type} data-node-status={node.status}>
      <h2 id={`node-${node.id}`}>{node.title} <span className={`badge status-${node.status}`}>{nodeStatusLabel(t, node.status)}</span></h2>
      {node.type === 'USER_QUERY' && <p className="prose">{String(content.text ?? '')}</p>}
      {node.type === 'USER_RESPONSE' && <p className="prose">{typeof content.text === 'string' ? content.text : JSON.stringify(content)}</p>}
      {node.type === 'AI_ANALYSIS' && node.status === 'PROCESSING' && (
        <div aria-live="polite" data-testid="analysis-draft">
          <p className="muted">{t('analysisStreaming')}</p>
          {draft && <p className="prose draft">{draft}</p>}
        </div>
      )}
      {node.status === 'FAILED' && <FailedNode caseId={caseId} node={node} />}
      {node.type === 'AI_CLARIFICATION' && (
        <Clarification caseId={caseId} node={node} content={content as unknown as ClarificationContent} caseOpen={caseOpen} />
      )}
      {node.type === 'SOLUTION' && <Solution content={content as unknown as SolutionContent} />}
    </section>
  );
}

function FailedNode({ caseId, node }: { caseId: string; node: CaseNode }) {
  const { t } = useI18n();
  const content = (node.content ?? {}) as { error?: string; attempts?: number };
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    try {
      unwrap(await api.POST('/api/v1/cases/{caseId}/nodes/{nodeId}/retry', { params: { path: { caseId, nodeId: node.id } } }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="failed" role="alert">
      <p><strong>{t('failedReason')}:</strong> {content.error}</p>
      <button type="button" className="primary" onClick={retry}>{t('retry')}</button>
      {error && <p className="error">{error}</p>}
    </div>
  );
}

function Clarification({ caseId, node, content, caseOpen }: { caseId: string; node: CaseNode; content: ClarificationContent; caseOpen: boolean }) {
  const { t } = useI18n();
  const [answer, setAnswer, clearAnswer] = useDraft(`answer:${caseId}:${node.id}`);
  const [weight, setWeight] = useState(0.7);
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const awaiting = node.status === 'AWAITING_USER_INPUT' && caseOpen;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      unwrap(await api.POST('/api/v1/cases/{caseId}/interactions', {
        params: { path: { caseId } },
        body: { parentNodeId: node.id, response: answer, retrievalWeight: weight,
          filterTags: tags.split(',').map((s) => s.trim()).filter(Boolean) },
      }));
      clearAnswer();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      {content.analysis && <p className="prose">{content.analysis}</p>}
      {content.suggestedQuestions?.length ? (
        <>
          <h3>{t('suggestedQuestions')}</h3>
          <ul className="suggestions">
            {content.suggestedQuestions.map((q) => (
              <li key={q}>
                {awaiting ? <button type="button" className="link" onClick={() => setAnswer(answer ? `${answer}\n${q} ` : `${q} `)}>{q}</button> : q}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {awaiting && (
        <form onSubmit={submit}>
          <label>
            {t('yourAnswer')}
            <textarea name="answer" rows={4} value={answer} onChange={(e) => setAnswer(e.target.value)} required />
          </label>
          <details>
            <summary>{t('advanced')}</summary>
            <label>
              {t('retrievalWeight')}: <output>{weight.toFixed(2)}</output>
              <input type="range" min={0} max={1} step={0.05} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
            </label>
            <label>
              {t('filterTags')}
              <input name="tags" value={tags} onChange={(e) => setTags(e.target.value)} />
            </label>
          </details>
          {error && <p className="error" role="alert">{error}</p>}
          <button type="submit" className="primary" disabled={busy}>{t('send')}</button>
        </form>
      )}
    </div>
  );
}

function Solution({ content }: { content: SolutionContent }) {
  const { t } = useI18n();
  const details = content.commandDetails ?? [];
  const commands = details.length ? details : (content.commands ?? []).map((command) => ({ command }));
  return (
    <div data-testid="solution">
      <p className="prose">{content.answer}</p>
      {commands.length > 0 && (
        <>
          <h3>{t('commands')}</h3>
          <ol className="commands">
            {commands.map((c, i) => <CommandLine key={i} {...c} />)}
          </ol>
        </>
      )}
      {content.sources?.length ? (
        <>
          <h3>{t('sources')}</h3>
          <ul className="sources">{content.sources.map((s, i) => <Source key={i} source={s} />)}</ul>
        </>
      ) : null}
    </div>
  );
}

function CommandLine({ command, safety, purpose, rollback }: { command: string; safety?: string; purpose?: string; rollback?: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
    } catch {
      // without clipboard permission the command is still selectable
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <li>
      <code>{command}</code>
      {safety && <span className={`badge safety-${safety}`} title={t('safety')}>{safety}</span>}
      <button type="button" className="small" onClick={copy} aria-label={`${t('copy')}: ${command}`}>{copied ? t('copied') : t('copy')}</button>
      {purpose && <div className="muted">{t('purpose')}: {purpose}</div>}
      {rollback && <div className="muted">{t('rollback')}: <code>{rollback}</code></div>}
    </li>
  );
}

function Source({ source }: { source: SourceRef }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState<string | null>(source.text ?? null);
  const toggle = async () => {
    setOpen(!open);
    if (!open && text === null && source.docId && source.chunkId) {
      const r = await fetchChunk(source.docId, source.chunkId);
      setText(r);
    }
  };
  const where = [source.location?.section, source.location?.page ? `p.${source.location.page}` : null].filter(Boolean).join(' · ');
  return (
    <li>
      <button type="button" className="link" aria-expanded={open} onClick={toggle}>
        {source.fileName ?? source.docId} {where && <span className="muted">({where})</span>}
        {typeof source.score === 'number' && <span className="muted"> {source.score.toFixed(3)}</span>}
      </button>
      {open && <blockquote className="prose" data-testid="source-text">{text ?? '…'}</blockquote>}
    </li>
  );
}

/** A cited passage's text: the chunk endpoint when this build has it, else the search index by chunk id. */
async function fetchChunk(docId: string, chunkId: string): Promise<string> {
  const response = await fetch(`/api/v1/knowledge/documents/${encodeURIComponent(docId)}/chunks/${encodeURIComponent(chunkId)}`, { headers: authHeaders() });
  if (response.ok) {
    const chunk = await response.json();
    return chunk.text ?? JSON.stringify(chunk);
  }
  return `${docId} / ${chunkId}`;
}
