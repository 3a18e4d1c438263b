import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { getAccessToken } from '../../api/session';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem } from '../../test/mockApi';
import { renderApp } from '../../test/renderApp';

async function signIn(username: string, password: string) {
  const user = userEvent.setup();
  if (username) await user.type(screen.getByLabelText('Username'), username);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('Sign in', () => {
  it('has one h1, a page title and labelled fields with the hint described', () => {
    mockApi({});
    renderApp('/sign-in');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Sign in');
    expect(document.title).toBe('Sign in – Supervision');
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-describedby', 'username-hint');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
  });

  it('asks for both fields before sending anything', async () => {
    const api = mockApi({});
    renderApp('/sign-in');
    await signIn('', '');
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Enter your username');
    expect(summary).toHaveTextContent('Enter your password');
    expect(api.callsTo('POST /api/v1/auth/sign-in')).toHaveLength(0);
    expect(document.title).toBe('Error: Sign in – Supervision');
  });

  it('shows the problem+json errors[] in the error summary and beside each field', async () => {
    mockApi({
      'POST /api/v1/auth/sign-in': problem(400, 'Invalid request', {
        errors: [
          { pointer: '/password', message: 'Password must be 200 characters or fewer' },
          { pointer: '/username', message: 'Enter a username of 254 characters or fewer' },
        ],
      }),
    });
    renderApp('/sign-in');
    await signIn('someone@demo.test', 'x');

    const links = await screen.findAllByRole('link', { name: /characters or fewer/ });
    // In the order of the form's fields, each linking to its field.
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#username', '#password']);
    expect(links[0]).toHaveTextContent('Enter a username of 254 characters or fewer');
    expect(document.querySelector('.govuk-error-summary')).toHaveFocus();

    const username = screen.getByLabelText('Username');
    expect(username).toHaveAttribute('aria-describedby', 'username-hint username-error');
    expect(document.getElementById('username-error')).toHaveTextContent('Error: Enter a username of 254 characters or fewer');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-describedby', 'password-error');
    expect(document.getElementById('password-error')).toHaveTextContent('Password must be 200 characters or fewer');
  });

  it('says "Enter a correct username and password" on 401', async () => {
    mockApi({ 'POST /api/v1/auth/sign-in': problem(401, 'Unauthorized') });
    renderApp('/sign-in');
    await signIn('supervisor@demo.test', 'wrong');
    const link = await screen.findByRole('link', { name: 'Enter a correct username and password' });
    expect(link).toHaveAttribute('href', '#username');
    expect(document.getElementById('username-error')).toHaveTextContent('Enter a correct username and password');
    // The password is not kept; the username is.
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Username')).toHaveValue('supervisor@demo.test');
    expect(getAccessToken()).toBeNull();
  });

  it('says how long to wait on 429', async () => {
    mockApi({
      'POST /api/v1/auth/sign-in': { ...problem(429, 'Too many requests'), headers: { 'Retry-After': '300', 'Content-Type': 'application/problem+json' } },
    });
    renderApp('/sign-in');
    await signIn('supervisor@demo.test', 'wrong');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have tried to sign in too many times. Wait 5 minutes before you try again.',
    );
  });

  it('signs in, keeps the access token in memory and only the refresh token in sessionStorage', async () => {
    const api = mockApi({
      'POST /api/v1/auth/sign-in': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
    });
    renderApp('/sign-in');
    await signIn('supervisor@demo.test', 'Supervision2026!');
    expect(await screen.findByRole('heading', { level: 1, name: 'My supervision' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
    expect(api.callsTo('POST /api/v1/auth/sign-in')[0]?.body).toEqual({
      username: 'supervisor@demo.test',
      password: 'Supervision2026!',
    });
    expect(api.callsTo('GET /api/v1/me')[0]?.headers.get('Authorization')).toBe('Bearer access-1');
    expect(getAccessToken()).toBe('access-1');
    expect(window.sessionStorage.getItem('supervision.refreshToken')).toBe('refresh-1');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('access-1');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('access-1');
    // The header says who is signed in.
    expect(screen.getByTestId('account')).toHaveTextContent('Priya Shah');
    expect(screen.getByTestId('account')).toHaveTextContent('Supervisor, practitioner');
  });

  it('goes back to the page that needed signing in (deep link)', async () => {
    mockApi({
      'POST /api/v1/auth/sign-in': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      'GET /api/v1/staff': json({ items: [] }),
      'GET /api/v1/teams': json({ items: [] }),
    });
    renderApp('/staff?q=sam');
    await waitFor(() => expect(window.location.pathname).toBe('/sign-in'));
    expect(new URLSearchParams(window.location.search).get('returnTo')).toBe('/staff?q=sam');
    await signIn('supervisor@demo.test', 'Supervision2026!');
    expect(await screen.findByRole('heading', { level: 1, name: 'Staff directory' })).toBeInTheDocument();
    expect(window.location.pathname + window.location.search).toBe('/staff?q=sam');
  });

  it('never follows a returnTo that leaves the site', async () => {
    mockApi({ 'POST /api/v1/auth/sign-in': json(TOKENS), 'GET /api/v1/me': json(PRIYA) });
    renderApp('/sign-in?returnTo=%2F%2Fevil.example%2F');
    await signIn('supervisor@demo.test', 'Supervision2026!');
    expect(await screen.findByRole('heading', { level: 1, name: 'My supervision' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/');
  });
});
