import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { api, authHeaders, unwrap } from '../api/client';
import { openStream } from '../api/sse';
import type { DocumentDetail, DocumentPage } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { useAuth } from '../auth/Auth';
import { VENDORS } from '../ui/vendors';
import { formatTime } from '../cases/CaseList';

interface Upload {
  key: string;
  fileName: string;
  docId?: string;
  status: string;
  progress: number;
  message?: string;
}

/** The knowledge documents: drag-and-drop upload with a live bar per document, the list, re-parse and delete. */
export function Documents() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [page, setPage] = useState<DocumentPage | null>(null);
  const [filters, setFilters] = useState({ status: '', vendor: '', page: 1 });
  const [refresh, setRefresh] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.GET('/api/v1/knowledge/documents', {
      params: { query: { status: (filters.status || undefined) as DocumentDetail['status'] | undefined, vendor: filters.vendor || undefined, page: filters.page, pageSize: 10 } },
    }).then((r) => setPage(unwrap(r) as DocumentPage)).catch((e) => setError(e.message));
  }, [filters, refresh]);

  const update = useCallback((key: string, change: Partial<Upload>) =>
    setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u))), []);

  return (
    <div>
      <h1>{t('navDocuments')}</h1>
      {hasRole('admin') && <UploadZone onStart={(u) => setUploads((all) => [...u, ...all])} update={update} onDone={() => setRefresh((n) => n + 1)} />}
      {uploads.length > 0 && (
        <ul className="uploads" aria-label={t('progress')}>
          {uploads.map((u) => (
            <li key={u.key} data-testid="upload">
              <span>{u.fileName}</span>
              <progress max={100} value={u.progress} aria-label={`${u.fileName} ${t('progress')}`} data-progress={u.progress} />
              <span className={`badge doc-${u.status}`} data-testid="upload-status">{u.status} {u.progress}%</span>
              {u.message && <span className="muted">{u.message}</span>}
            </li>
          ))}
        </ul>
      )}
      <form className="filters row wrap" aria-label={t('filter')} onSubmit={(e) => e.preventDefault()}>
        <label>{t('status')}
          <select value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value, page: 1 })}>
            <option value="">{t('all')}</option>
            {['QUEUED', 'PARSING', 'INDEXED', 'FAILED'].map((s) => <option key={s}>{s}</option>)}
          </select>
        </label>
        <label>{t('vendor')}
          <select value={filters.vendor} onChange={(e) => setFilters({ ...filters, vendor: e.target.value, page: 1 })}>
            <option value="">{t('all')}</option>
            {VENDORS.map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {page && (
        <>
          <table className="table" data-testid="document-table">
            <thead><tr><th scope="col">{t('fileName')}</th><th scope="col">{t('vendor')}</th><th scope="col">{t('tags')}</th><th scope="col">{t('status')}</th><th scope="col">{t('uploadedAt')}</th><th /></tr></thead>
            <tbody>
              {page.items.map((d) => (
                <tr key={d.docId}>
                  <td>{d.fileName}</td><td>{d.vendor}</td><td>{d.tags?.join(', ')}</td>
                  <td><span className={`badge doc-${d.status}`}>{d.status}</span></td><td>{formatTime(d.uploadedAt)}</td>
                  <td className="actions">
                    {hasRole('admin') && <>
                      <button type="button" className="small" onClick={async () => {
                        try { unwrap(await api.PUT('/api/v1/knowledge/documents/{docId}/reparse', { params: { path: { docId: d.docId } } })); setRefresh((n) => n + 1); } catch (e) { setError((e as Error).message); }
                      }}>{t('reparse')}</button>
                      <button type="button" className="small danger" onClick={async () => {
                        if (!window.confirm(t('confirmDelete'))) return;
                        try { unwrap(await api.DELETE('/api/v1/knowledge/documents/{docId}', { params: { path: { docId: d.docId } } })); setRefresh((n) => n + 1); } catch (e) { setError((e as Error).message); }
                      }}>{t('delete')}</button>
                    </>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={filters.page} total={page.total} pageSize={page.pageSize} onPage={(p) => setFilters({ ...filters, page: p })} />
        </>
      )}
    </div>
  );
}

export function Pager({ page, total, pageSize, onPage }: { page: number; total: number; pageSize: number; onPage: (p: number) => void }) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="row pager" aria-label={t('page')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>{t('prev')}</button>
      <span>{page} / {pages} · {t('total')} {total}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>{t('next')}</button>
    </nav>
  );
}

function UploadZone({ onStart, update, onDone }: { onStart: (u: Upload[]) => void; update: (key: string, change: Partial<Upload>) => void; onDone: () => void }) {
  const { t } = useI18n();
  const [vendor, setVendor] = useState('');
  const [tags, setTags] = useState('');
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const send = (files: File[]) => {
    const started = files.map((f, i) => ({ key: `${Date.now()}-${i}-${f.name}`, fileName: f.name, status: 'UPLOADING', progress: 0 }));
    onStart(started);
    files.forEach((file, i) => void uploadOne(file, started[i].key));
  };

  const uploadOne = async (file: File, key: string) => {
    const form = new FormData();
    form.append('file', file);
    if (vendor) form.append('vendor', vendor);
    tags.split(',').map((s) => s.trim()).filter(Boolean).forEach((tag) => form.append('tags', tag));
    // multipart goes through fetch itself: the generated client would serialise the body as JSON
    const response = await fetch('/api/v1/knowledge/documents', { method: 'POST', headers: authHeaders(), body: form });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      update(key, { status: 'FAILED', message: body?.error?.message ?? response.statusText });
      return;
    }
    update(key, { docId: body.docId, status: body.status, message: body.message });
    const stop = openStream(`/api/v1/knowledge/documents/${body.docId}/stream`, (m) => {
      if (m.event !== 'document') return;
      const detail = JSON.parse(m.data) as DocumentDetail;
      update(key, { status: detail.status, progress: detail.progress ?? 0, message: detail.message ?? undefined });
      if (detail.status === 'INDEXED' || detail.status === 'FAILED') {
        stop();
        onDone();
      }
    });
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    send(Array.from(e.dataTransfer.files));
  };

  return (
    <div className="card">
      <div className="row wrap">
        <label>{t('vendor')}
          <select value={vendor} onChange={(e) => setVendor(e.target.value)}>
            <option value="">—</option>
            {VENDORS.map((v) => <option key={v}>{v}</option>)}
          </select>
        </label>
        <label>{t('tags')}<input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="ospf, bgp" /></label>
      </div>
      <div className={`dropzone ${over ? 'over' : ''}`} role="button" tabIndex={0} data-testid="dropzone"
           onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={drop}
           onClick={() => input.current?.click()} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); input.current?.click(); } }}>
        {t('dropFiles')}
        <input ref={input} type="file" multiple hidden aria-label={t('upload')} data-testid="file-input"
               accept=".pdf,.doc,.docx,.txt,.md,.png,.jpg,.jpeg,.html,.htm,.zip"
               onChange={(e) => { send(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
      </div>
    </div>
  );
}
