import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../src/i18n/I18n';
import { NewCase } from '../src/cases/CaseList';

/** POST /cases as the application answers it; the bodies sent are kept. */
function server() {
  const sent: { query: string; attachments: { name: string; content: string }[] }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    sent.push(await request.json());
    return new Response(JSON.stringify({ caseId: 'c-1', title: 'OSPF', nodes: [], edges: [] }),
      { status: 200, headers: { 'Content-Type': 'application/json' } });
  }));
  return sent;
}

const renderForm = () => render(
  <I18nProvider lang="en">
    <MemoryRouter initialEntries={['/cases']}>
      <Routes>
        <Route path="/cases" element={<NewCase />} />
        <Route path="/cases/:caseId" element={<p>case opened</p>} />
      </Routes>
    </MemoryRouter>
  </I18nProvider>);

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('opening a case with a screenshot', () => {
  it('sends the screenshot as a data URL the API reads by OCR', async () => {
    const user = userEvent.setup();
    const sent = server();
    renderForm();
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'ospf.png', { type: 'image/png' });

    await user.type(screen.getByLabelText('Describe the fault'), 'OSPF neighbour stuck in ExStart');
    await user.upload(screen.getByLabelText('Attach screenshots of device output'), png);
    expect(await screen.findByText('ospf.png')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Submit' }));

    expect(await screen.findByText('case opened')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0].query).toBe('OSPF neighbour stuck in ExStart');
    expect(sent[0].attachments).toEqual([{ name: 'ospf.png', content: 'data:image/png;base64,iVBORw0KGgo=' }]);
  });

  it('refuses a screenshot over 5 MB before sending anything, and one can be removed', async () => {
    const user = userEvent.setup();
    const sent = server();
    renderForm();
    const large = new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' });
    const small = new File([new Uint8Array([1, 2, 3])], 'small.png', { type: 'image/png' });

    await user.upload(screen.getByLabelText('Attach screenshots of device output'), large);
    expect(await screen.findByRole('alert')).toHaveTextContent('at most 5 MB');
    await user.upload(screen.getByLabelText('Attach screenshots of device output'), small);
    await user.click(await screen.findByRole('button', { name: 'Remove small.png' }));
    expect(screen.queryByText('small.png')).not.toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});
