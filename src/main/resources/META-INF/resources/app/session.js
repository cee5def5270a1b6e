import { ApiError } from './errors.js';

// The signed-in user's tokens, kept in localStorage so a reload keeps the session. The access token is renewed
// with the refresh token a minute before it expires; listeners hear of every change (the WebSocket signs in
// again with the new token).
const KEY = 'p2px.session';
const listeners = new Set();
let session = JSON.parse(localStorage.getItem(KEY) || 'null');
let timer = null;

export function current() {
  return session;
}

export function onChange(listener) {
  listeners.add(listener);
}

function store(next) {
  session = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  schedule();
  listeners.forEach(listener => listener(session));
}

function fromAnswer(answer) {
  return {
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    expiresAt: Date.now() + answer.expiresIn * 1000,
    user: answer.user,
  };
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(answer?.code || 'HTTP_' + response.status, answer?.message);
  return answer;
}

// totpCode: the authenticator's code (or a recovery code), for an account that has one (TOTP_REQUIRED otherwise).
export async function signIn(username, password, totpCode) {
  const body = totpCode ? { username, password, totpCode } : { username, password };
  store(fromAnswer(await post('/api/v1/auth/signin', body)));
}

export async function signUp(username, password) {
  store(fromAnswer(await post('/api/v1/auth/signup', { username, password })));
}

export async function signOut() {
  const refreshToken = session?.refreshToken;
  store(null);
  if (refreshToken) await post('/api/v1/auth/signout', { refreshToken }).catch(() => {});
}

export async function refresh() {
  if (!session) return;
  try {
    store(fromAnswer(await post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })));
  } catch (error) {
    // Refused (revoked, expired): the person signs in again.
    if (error.code) store(null);
  }
}

function schedule() {
  clearTimeout(timer);
  if (!session) return;
  const wait = Math.max(1000, session.expiresAt - Date.now() - 60_000);
  timer = setTimeout(refresh, wait);
}

schedule();
if (session && session.expiresAt - Date.now() < 60_000) refresh();
