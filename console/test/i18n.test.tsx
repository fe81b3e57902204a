import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nProvider, initialLanguage } from '../src/i18n/I18n';
import { LoginForm } from '../src/auth/LoginForm';
import { AuthProvider } from '../src/auth/Auth';
import { caseStatusLabel, messages, nodeStatusLabel, type MessageKey } from '../src/i18n/messages';

describe('the interface language', () => {
  it('is Chinese by default and follows an English Accept-Language', () => {
    expect(initialLanguage(null, [])).toBe('zh');
    expect(initialLanguage(null, ['zh-CN', 'en'])).toBe('zh');
    expect(initialLanguage(null, ['en-US', 'zh'])).toBe('en');
    expect(initialLanguage('zh', ['en-US'])).toBe('zh');
  });

  it('switches between 中文 and English on the login screen', async () => {
    const user = userEvent.setup();
    render(<I18nProvider lang="zh"><AuthProvider><LoginForm /></AuthProvider></I18nProvider>);
    expect(screen.getByRole('button', { name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows case and node statuses in the interface language, and an unknown one as it is', () => {
    const zh = (key: MessageKey) => messages.zh[key];
    const en = (key: MessageKey) => messages.en[key];
    expect(caseStatusLabel(zh, 'solved')).toBe('已解决');
    expect(caseStatusLabel(en, 'closed')).toBe('Closed');
    expect(nodeStatusLabel(zh, 'AWAITING_USER_INPUT')).toBe('待回答');
    expect(nodeStatusLabel(en, 'FAILED')).toBe('Failed');
    expect(nodeStatusLabel(en, 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(caseStatusLabel(en, null)).toBe('');
  });
});
