import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

const engineer = { id: 'u1', username: 'engineer', email: 'e@example.com', roles: ['user'] };

/** A fake API: the session holds until `expired` is set, then every call but login answers 401. */
function server() {
  const state = { expired: false };
  vi.stubGlobal('fetch', vi.fn(async (input: Request | string, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(input, location.origin), init);
    const path = new URL(request.url).pathname;
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (path === '/api/v1/auth/login') {
      state.expired = false;
      return json(200, { access_token: 'fresh', token_type: 'Bearer', expires_in: 3600, user_info: engineer });
    }
    if (state.expired) return json(401, { code: 401, status: 'error', error: { type: 'UNAUTHORIZED', message: 'Log in first' } });
    if (path === '/api/v1/auth/me') return json(200, engineer);
    if (path === '/api/v1/cases') return json(200, []);
    return json(404, { code: 404, status: 'error', error: { type: 'NOT_FOUND', message: 'No such endpoint' } });
  }));
  return state;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  localStorage.clear();
  vi.resetModules();
});

describe('a session that expires', () => {
  it('asks for a login over the page and keeps what the engineer typed', async () => {
    const api = server();
    sessionStorage.setItem('ipexpert.token', 'old');
    localStorage.setItem('ipexpert.lang', 'en');
    const { App } = await import('../src/App');
    const user = userEvent.setup();
    render(<App />);

    const query = await screen.findByLabelText('Describe the fault');
    await user.type(query, 'BGP session flaps every 3 minutes');

    api.expired = true;
    await user.selectOptions(screen.getByLabelText('Status'), 'open');
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('status')).toHaveTextContent('Your session expired');
    expect(screen.getByLabelText('Describe the fault')).toHaveValue('BGP session flaps every 3 minutes');

    await user.type(within(dialog).getByLabelText('Username'), 'engineer');
    await user.type(within(dialog).getByLabelText('Password'), 'password-123');
    await user.click(within(dialog).getByRole('button', { name: 'Log in' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Describe the fault')).toHaveValue('BGP session flaps every 3 minutes');
    expect(sessionStorage.getItem('ipexpert.token')).toBe('fresh');
  });
});
