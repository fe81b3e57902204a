import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../src/i18n/I18n';
import { AuditCase } from '../src/audit/AuditCase';

const event = (sequence: number, type: string) => ({
  sequence, aggregateType: 'Case', aggregateId: 'c1', aggregateSequence: sequence, type, occurredAt: `2026-12-01T10:00:0${sequence}Z`,
  actor: 'u-alice', correlationId: 't1', payload: { caseId: 'c1' },
});

function server(verdict: unknown) {
  vi.stubGlobal('fetch', vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname.endsWith('/events')) return json(200, { caseId: 'c1', events: [event(0, 'CaseOpened'), event(1, 'AnalysisConcluded')] });
    if (url.pathname.endsWith('/verify')) return json(200, verdict);
    return json(404, { code: 404, status: 'error', error: { type: 'NOT_FOUND', message: 'no graph here' } });
  }));
}

const renderAudit = () => render(
  <I18nProvider lang="en">
    <MemoryRouter initialEntries={['/audit/c1']}>
      <Routes><Route path="/audit/:caseId" element={<AuditCase />} /></Routes>
    </MemoryRouter>
  </I18nProvider>);

afterEach(() => vi.unstubAllGlobals());

describe("the auditor's case history", () => {
  it('lists every event with its actor and time, and a slider over them', async () => {
    server({ valid: true, events: 2 });
    renderAudit();
    expect(await screen.findByText('CaseOpened')).toBeInTheDocument();
    expect(screen.getByText('AnalysisConcluded')).toBeInTheDocument();
    expect(screen.getAllByText(/Actor: u-alice/)).toHaveLength(2);
    const slider = screen.getByRole('slider');
    expect(slider).toHaveAttribute('max', '1');
    expect(await screen.findByTestId('verify-badge')).toHaveTextContent('Event chain intact (2)');
  });

  it('names the first bad event when the chain does not verify', async () => {
    server({ valid: false, events: 2, firstInvalid: { aggregateId: 'node-7', sequence: 3 } });
    renderAudit();
    const badge = await screen.findByTestId('verify-badge');
    expect(badge).toHaveTextContent('node-7 #3');
    expect(badge).toHaveAttribute('role', 'alert');
  });
});
