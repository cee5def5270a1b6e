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

// A file posted as multipart (payment proofs): the browser sets the multipart boundary itself.
export async function upload(path, file) {
  const form = new FormData();
  form.append('file', file, file.name);
  const session = current();
  const response = await fetch(path, { method: 'POST', body: form,
    headers: session ? { Authorization: 'Bearer ' + session.accessToken } : {} });
  const answer = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(answer?.code || 'HTTP_' + response.status, answer?.message);
  return answer;
}

// A file the API serves only with the caller's token, as a blob: URL the page may show or save.
export async function fileUrl(path) {
  const session = current();
  const response = await fetch(path, { headers: session ? { Authorization: 'Bearer ' + session.accessToken } : {} });
  if (!response.ok) {
    const answer = await response.json().catch(() => null);
    throw new ApiError(answer?.code || 'HTTP_' + response.status, answer?.message);
  }
  return URL.createObjectURL(await response.blob());
}
