import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetSessionForTests } from '../api/session';
import { resetDeviceAccountForTests } from '../offline/account';
import { draftsSettled, resetDraftsForTests } from '../offline/drafts';
import { resetOutboxForTests } from '../offline/outbox';
import { resetRecentForTests } from '../offline/recent';
import { resetSealingForTests } from '../offline/sealing';

// Whole-app renders under a parallel run can take over a second on a busy machine: wait longer
// for findBy*/waitFor than the 1s default, so a slow CI box does not make tests flaky.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: scrolling is a no-op rather than a console error.
window.scrollTo = () => {};

beforeEach(async () => {
  resetDeviceAccountForTests();
  await resetSealingForTests();
  await resetOutboxForTests();
  await resetDraftsForTests();
  await resetRecentForTests();
  window.sessionStorage.clear();
  window.localStorage.clear();
  // jsdom's default window: 1024px wide, a landscape tablet.
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: 1024 });
  window.history.replaceState(null, '', '/');
  resetSessionForTests();
});

afterEach(async () => {
  cleanup();
  // Drafts saved as a page closes land before the next test starts from an empty device.
  await draftsSettled();
});
