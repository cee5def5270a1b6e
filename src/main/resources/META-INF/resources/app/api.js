import { ApiError } from './errors.js';
import { current } from './session.js';

// REST calls for what the WebSocket does not carry (the account, API keys). Errors become ApiError.
export async function rest(method, path, body) {
  const headers = { 'Content-Type': 'application/json' };
  const session = current();
  if (session) headers.Authorization = 'Bearer ' + session.accessToken;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(answer?.code || 'HTTP_' + response.status, answer?.message);
  return answer;
}
