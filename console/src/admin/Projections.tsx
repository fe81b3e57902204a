import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import type { ProjectionStatus } from '../api/types';
import { useI18n } from '../i18n/I18n';

/** Every event processor with its position and lag; a rebuild replays one from the start. Refreshes every 2 s. */
export function Projections() {
  const { t } = useI18n();
  const [rows, setRows] = useState<ProjectionStatus[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => api.GET('/api/v1/admin/projections').then((r) => setRows(unwrap(r) as ProjectionStatus[])).catch((e) => setError(e.message));
    void load();
    const timer = window.setInterval(load, 2000);
    return () => window.clearInterval(timer);
  }, []);
  const rebuild = async (name: string) => {
    try {
      unwrap(await api.POST('/api/v1/admin/projections/{name}/rebuild', { params: { path: { name } } }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div>
      <h1>{t('navProjections')}</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <table className="table">
        <thead><tr><th scope="col">{t('projections')}</th><th scope="col">{t('processingGroup')}</th><th scope="col">{t('position')}</th><th scope="col">{t('lag')}</th><th scope="col">{t('replaying')}</th><th /></tr></thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.name}>
              <td>{p.name}</td><td>{p.processingGroup}</td><td>{p.position}</td>
              <td><span className={p.lag > 0 ? 'warn' : 'ok'}>{p.lag}</span></td><td>{p.replaying ? '✓' : ''}</td>
              <td><button type="button" className="small" onClick={() => rebuild(p.name)}>{t('rebuild')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
