import { request } from './connection.js';

// Merchants' public profiles (stats, online flag) for the book's rows, fetched once a minute at most.
const cache = new Map();

export function profile(userId) {
  const hit = cache.get(userId);
  if (hit && Date.now() - hit.at < 60_000) return hit.value;
  const value = request('user.profile', { userId }).catch(() => null);
  cache.set(userId, { at: Date.now(), value });
  return value;
}
