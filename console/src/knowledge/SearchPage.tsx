import { useState, type FormEvent } from 'react';
import { api, unwrap } from '../api/client';
import type { SearchHit } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { VENDORS } from '../ui/vendors';

/** Tries retrieval on its own: the ranked passages with their scores. */
export function SearchPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [weight, setWeight] = useState(0.7);
  const [vendor, setVendor] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = unwrap(await api.GET('/api/v1/knowledge/search', { params: { query: { q, weight, vendor: vendor || undefined, k: 10 } } }));
      setHits((r as { items: SearchHit[] }).items);
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div>
      <h1>{t('navSearch')}</h1>
      <form className="card" onSubmit={submit} role="search">
        <label>{t('query')}<input value={q} onChange={(e) => setQ(e.target.value)} required /></label>
        <div className="row wrap">
          <label>{t('weight')}: <output>{weight.toFixed(2)}</output>
            <input type="range" min={0} max={1} step={0.05} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
          </label>
          <label>{t('vendor')}
            <select value={vendor} onChange={(e) => setVendor(e.target.value)}>
              <option value="">{t('all')}</option>
              {VENDORS.map((v) => <option key={v}>{v}</option>)}
            </select>
          </label>
        </div>
        <button type="submit" className="primary">{t('search')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {hits && (hits.length === 0 ? <p>{t('noResults')}</p> : (
        <ol className="hits">
          {hits.map((h) => (
            <li key={h.chunkId} className="card">
              <div className="row spread"><strong>{h.fileName}</strong><span className="badge">{t('score')} {h.score.toFixed(4)}</span></div>
              <p className="prose">{h.text}</p>
            </li>
          ))}
        </ol>
      ))}
    </div>
  );
}
