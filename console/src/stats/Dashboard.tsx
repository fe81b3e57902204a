import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import type { Statistics, StatisticsCasePage } from '../api/types';
import { useI18n } from '../i18n/I18n';
import { formatTime } from '../cases/CaseList';
import EChart, { type ChartClick } from './EChart';
import { caseStatusLabel } from '../i18n/messages';

type Range = '7d' | '30d' | '90d';
interface Drill { category?: string; vendor?: string; day?: string; status?: string; label: string }

/** The analyst's dashboard: fault categories, the resolution trend, knowledge coverage; any number lists its cases. */
export default function Dashboard() {
  const { t } = useI18n();
  const [range, setRange] = useState<Range>('30d');
  const [stats, setStats] = useState<Statistics | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.GET('/api/v1/statistics', { params: { query: { timeRange: range } } })
      .then((r) => setStats(unwrap(r) as Statistics)).catch((e) => setError(e.message));
  }, [range]);

  const categoryOption = useMemo(() => stats && ({
    tooltip: {}, grid: { left: 40, right: 10, top: 20, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: stats.faultCategories.map((c) => c.name), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('faultCategories'), data: stats.faultCategories.map((c) => c.value), itemStyle: { color: '#0b5cab' }, label: { show: true, position: 'top' } }],
  }), [stats, t]);

  const trendOption = useMemo(() => stats && ({
    tooltip: { trigger: 'axis' }, legend: { top: 0, data: [t('opened'), t('solvedPerDay')] },
    grid: { left: 40, right: 10, top: 40, bottom: 30, containLabel: true },
    xAxis: { type: 'category', data: stats.resolutionTrend.map((p) => p.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: t('opened'), data: stats.resolutionTrend.map((p) => p.opened), color: '#0b5cab', symbolSize: 8 },
      { type: 'line', name: t('solvedPerDay'), data: stats.resolutionTrend.map((p) => p.solved), color: '#1a7f37', symbolSize: 8 },
    ],
  }), [stats, t]);

  const coverage = stats?.knowledgeCoverage ?? [];
  const topics = [...new Set(coverage.map((c) => c.topic))];
  const vendors = [...new Set(coverage.map((c) => c.vendor))];
  const coverageOption = useMemo(() => stats && ({
    tooltip: {}, grid: { left: 80, right: 10, top: 10, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: vendors }, yAxis: { type: 'category', data: topics },
    visualMap: { min: 0, max: 100, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#fdecea', '#0b5cab'] } },
    series: [{ type: 'heatmap', name: t('knowledgeCoverage'), label: { show: true },
      data: coverage.map((c) => [vendors.indexOf(c.vendor), topics.indexOf(c.topic), c.coverage]) }],
  }), [stats, t]); // eslint-disable-line react-hooks/exhaustive-deps

  const trendClick = (p: ChartClick) => setDrill({
    day: p.name, status: p.seriesName === t('solvedPerDay') ? 'solved' : undefined, label: `${p.seriesName} · ${p.name}`,
  });
  const coverageClick = (p: ChartClick) => {
    const [v, tIndex] = p.value as [number, number];
    setDrill({ category: topics[tIndex], vendor: vendors[v], label: `${topics[tIndex]} × ${vendors[v]}` });
  };

  return (
    <div>
      <div className="row spread wrap">
        <h1>{t('dashboard')}</h1>
        <div className="row" role="group" aria-label="time range">
          {(['7d', '30d', '90d'] as const).map((r) => (
            <button key={r} type="button" aria-pressed={range === r} onClick={() => setRange(r)}>{t(r === '7d' ? 'days7' : r === '30d' ? 'days30' : 'days90')}</button>
          ))}
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {stats && (
        <div className="dashboard-grid">
          <section className="card" aria-labelledby="cat-title">
            <h2 id="cat-title">{t('faultCategories')}</h2>
            <EChart testId="chart-categories" label={t('faultCategories')} option={categoryOption!}
                    onClick={(p) => setDrill({ category: p.name, label: p.name })} />
            <ul className="chip-list" aria-label={t('faultCategories')}>
              {stats.faultCategories.map((c) => (
                <li key={c.name}><button type="button" className="link" onClick={() => setDrill({ category: c.name, label: c.name })}>{c.name}: {c.value}</button></li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="trend-title">
            <h2 id="trend-title">{t('resolutionTrend')}</h2>
            <EChart testId="chart-trend" label={t('resolutionTrend')} option={trendOption!} onClick={trendClick} />
          </section>
          <section className="card wide" aria-labelledby="cov-title">
            <h2 id="cov-title">{t('knowledgeCoverage')}</h2>
            {/* a row per topic that stays readable, whatever the number of topics */}
            <EChart testId="chart-coverage" label={t('knowledgeCoverage')} option={coverageOption!} onClick={coverageClick}
                    height={Math.max(300, topics.length * 26 + 110)} />
          </section>
        </div>
      )}
      {drill && <DrillDown drill={drill} onClose={() => setDrill(null)} />}
    </div>
  );
}

function DrillDown({ drill, onClose }: { drill: Drill; onClose: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState<StatisticsCasePage | null>(null);
  useEffect(() => {
    setPage(null);
    const { category, vendor, day } = drill;
    const status = drill.status as 'open' | 'solved' | 'closed' | undefined;
    api.GET('/api/v1/statistics/cases', { params: { query: { category, vendor, day, status, page: 1, pageSize: 50 } } })
      .then((r) => setPage(unwrap(r) as StatisticsCasePage));
  }, [drill]);
  return (
    <section className="card" aria-labelledby="drill-title" data-testid="drilldown">
      <div className="row spread">
        <h2 id="drill-title">{t('casesBehind')}: {drill.label}</h2>
        <button type="button" onClick={onClose}>{t('close')}</button>
      </div>
      {!page ? <p role="status">{t('loading')}</p> : (
        <table className="table">
          <thead><tr><th scope="col">{t('title')}</th><th scope="col">{t('category')}</th><th scope="col">{t('vendor')}</th><th scope="col">{t('status')}</th><th scope="col">{t('createdAt')}</th></tr></thead>
          <tbody>
            {page.items.map((c) => (
              <tr key={c.caseId}><td><Link to={`/audit/${c.caseId}`}>{c.title}</Link></td><td>{c.category}</td><td>{c.vendor}</td><td>{caseStatusLabel(t, c.status)}</td><td>{formatTime(c.createdAt)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
