import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider } from '../src/i18n/I18n';
import { ApiKeys } from '../src/admin/ApiKeys';

interface StoredKey {
  id: string; name: string; prefix: string; roles: string[]; createdBy: string; createdAt: string; expiresAt: string;
  lastUsedAt: string | null; revokedAt: string | null; actor: string;
}

/** The API-key endpoints as the application answers them, over a list held in memory. */
function server(initial: StoredKey[] = []) {
  const keys = [...initial];
  const calls: { method: string; path: string; body?: unknown }[] = [];
  const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body),
    { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal('fetch', vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === 'POST' ? await request.json() : undefined;
    calls.push({ method: request.method, path, body });
    if (request.method === 'GET' && path === '/api/v1/admin/api-keys') return json(200, keys);
    if (request.method === 'POST' && path === '/api/v1/admin/api-keys') {
      if (!body.name) return json(400, { code: 400, status: 'error', error: { type: 'INVALID_REQUEST', message: 'name is required (at most 100 characters)' } });
      const key: StoredKey = {
        id: `k${keys.length + 1}`, name: body.name, prefix: 'ipx_ab12', roles: body.roles, createdBy: 'u-admin',
        createdAt: '2026-12-02T10:00:00Z', expiresAt: new Date(Date.now() + body.expiresInDays * 86_400_000).toISOString(),
        lastUsedAt: null, revokedAt: null, actor: `apikey:k${keys.length + 1}`,
      };
      keys.push(key);
      return json(201, { ...key, key: 'ipx_ab12cd34ef56secret' });
    }
    const revoked = /^\/api\/v1\/admin\/api-keys\/(.+)$/.exec(path);
    if (request.method === 'DELETE' && revoked) {
      const key = keys.find((k) => k.id === revoked[1]);
      if (!key) return json(404, { code: 404, status: 'error', error: { type: 'NOT_FOUND', message: 'No API key' } });
      key.revokedAt = '2026-12-02T11:00:00Z';
      return new Response(null, { status: 204 });
    }
    return json(404, { code: 404, status: 'error', error: { type: 'NOT_FOUND', message: 'unknown' } });
  }));
  return { keys, calls };
}

const used: StoredKey = {
  id: 'k0', name: 'nms-alarms', prefix: 'ipx_9f3e', roles: ['user'], createdBy: 'u-admin', createdAt: '2026-11-01T08:00:00Z',
  expiresAt: '2099-01-01T00:00:00Z', lastUsedAt: '2026-12-01T09:30:00Z', revokedAt: null, actor: 'apikey:k0',
};

const renderKeys = () => render(<I18nProvider lang="en"><ApiKeys /></I18nProvider>);

afterEach(() => vi.unstubAllGlobals());

describe('the API-key screen', () => {
  it('creates a key with its roles and expiry, and shows the key once with a copy button', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const { calls } = server();
    renderKeys();
    expect(await screen.findByText('No API keys yet')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Name'), 'zabbix');
    await user.click(screen.getByLabelText('monitoring'));
    await user.click(screen.getByLabelText('user')); // off: monitoring only
    await user.clear(screen.getByLabelText('Valid for (days)'));
    await user.type(screen.getByLabelText('Valid for (days)'), '30');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));

    expect(await screen.findByTestId('api-key-secret')).toHaveTextContent('ipx_ab12cd34ef56secret');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ name: 'zabbix', roles: ['monitoring'], expiresInDays: 30 });
    await user.click(screen.getByRole('button', { name: 'Copy key' }));
    expect(writeText).toHaveBeenCalledWith('ipx_ab12cd34ef56secret');
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /zabbix/ });
    expect(row).toHaveTextContent('monitoring');
    expect(row).toHaveTextContent('Never');

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByText('ipx_ab12cd34ef56secret')).not.toBeInTheDocument();
  });

  it('lists the keys with their last use and revokes one at once', async () => {
    const user = userEvent.setup();
    const { calls } = server([used]);
    renderKeys();
    const row = await screen.findByRole('row', { name: /nms-alarms/ });
    expect(within(row).getByTestId('api-key-last-used')).toHaveTextContent(new Date('2026-12-01T09:30:00Z').toLocaleString());
    expect(row).toHaveTextContent('Active');

    await user.click(within(row).getByRole('button', { name: 'Revoke: nms-alarms' }));

    expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/admin/api-keys/k0')).toBe(true);
    const after = await screen.findByRole('row', { name: /Revoked/ });
    expect(within(after).queryByRole('button', { name: /Revoke/ })).not.toBeInTheDocument();
  });

  it("shows the application's refusal", async () => {
    const user = userEvent.setup();
    server();
    renderKeys();
    await screen.findByText('No API keys yet');
    const name = screen.getByLabelText('Name');
    await user.type(name, '   ');
    name.removeAttribute('required');
    await user.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('name is required');
  });
});
