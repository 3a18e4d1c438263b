import { render } from '@testing-library/react';
import { App } from '../App';

/** Renders the whole app at a path, as a browser opening that address. */
export function renderApp(path = '/') {
  window.history.replaceState(null, '', path);
  return render(<App />);
}

/** A reload after signing in: only the refresh token is left, in sessionStorage. */
export function withStoredRefreshToken(token = 'refresh-0') {
  window.sessionStorage.setItem('supervision.refreshToken', token);
}
