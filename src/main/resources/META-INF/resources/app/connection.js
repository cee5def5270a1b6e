import { ApiError } from './errors.js';
import { current, onChange } from './session.js';

// The page's one WebSocket (docs/protocol.md): signed in on the upgrade with the browser's subprotocol
// ("bearer", token), requests matched to replies by id, channels kept across reconnects. A seq gap resubscribes;
// a dropped connection reconnects with backoff, signs in again and resubscribes: a private channel restarts with
// a snapshot, a public one (book, index) resumes from its seq when the server still has what it missed (its
// handlers then get only those updates), else restarts with a snapshot. A renewed token signs the open
// connection in again with auth.login.
const PRIVATE = new Set(['orders', 'balances', 'chat']);
const pending = new Map();
const channels = new Map();   // channel -> { handlers: Set, seq, since }
const statusListeners = new Set();
let socket = null;
let nextId = 1;
let backoff = 500;
let open = null;              // resolves when the socket is open
let signedInAs = null;
let clockOffset = 0;          // the server's clock minus this browser's, from ping

/** The server's time now (deadlines are the server's: a browser whose clock is off still counts right). */
export function serverNow() {
  return Date.now() + clockOffset;
}

async function measureClock() {
  const sent = Date.now();
  const answer = await send('ping', {});
  const received = Date.now();
  clockOffset = answer.pong - Math.round((sent + received) / 2);
}

export function onStatus(listener) {
  statusListeners.add(listener);
}

function status(state) {
  statusListeners.forEach(listener => listener(state));
}

function connect() {
  const session = current();
  signedInAs = session?.user?.id ?? null;
  const url = location.origin.replace(/^http/, 'ws') + '/ws';
  const ws = session ? new WebSocket(url, ['bearer', session.accessToken]) : new WebSocket(url);
  socket = ws;
  let opened;
  open = new Promise(resolve => { opened = resolve; });
  ws.onopen = () => {
    backoff = 500;
    status('on');
    opened();
    measureClock().catch(() => {});
    for (const [channel, state] of channels) {
      if (PRIVATE.has(channel)) {
        state.seq = null;
        if (current()) send('subscribe', { channel }).catch(() => {});
      } else {
        resume(channel, state);
      }
    }
  };
  ws.onmessage = event => receive(JSON.parse(event.data));
  ws.onclose = () => {
    if (socket !== ws) return;
    status('off');
    for (const [, waiter] of pending) waiter.reject(new ApiError('DISCONNECTED', 'The connection dropped; trying again.'));
    pending.clear();
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 8000);
  };
}

function receive(frame) {
  if ('ok' in frame) {
    const waiter = pending.get(frame.id);
    if (!waiter) return;
    pending.delete(frame.id);
    if (frame.ok) waiter.resolve(frame.result);
    else waiter.reject(new ApiError(frame.error.code, frame.error.message));
    return;
  }
  const state = channels.get(frame.channel);
  if (!state) return;
  if (frame.type !== 'snapshot') {
    if (state.seq === null) return;
    // A public channel's update is numbered by the exchange's batch: old when at or below the copy's seq, a
    // gap when it applies to a later copy than ours (prev). A private channel counts up by one.
    const isPublic = 'prev' in frame;
    if (isPublic && frame.seq <= state.seq) return;
    if (isPublic ? frame.prev > state.seq : frame.seq !== state.seq + 1) {
      resubscribe(frame.channel);
      return;
    }
  }
  state.seq = frame.seq;
  state.handlers.forEach(handler => handler(frame));
}

async function resubscribe(channel) {
  const state = channels.get(channel);
  state.seq = null;
  state.since = null;
  try {
    await send('unsubscribe', { channel });
  } catch (ignored) {
    // Not subscribed any more: subscribing again is all that is needed.
  }
  await send('subscribe', { channel }).catch(() => {});
}

// Subscribes a public channel again on a new connection, from the seq of what the handlers hold when there is one
// (kept in state.since until the answer, so that a connection that drops again meanwhile resumes from it too).
async function resume(channel, state) {
  if (state.seq !== null) state.since = state.seq;
  state.seq = null;
  const since = state.since;
  try {
    const result = await send('subscribe', since === null ? { channel } : { channel, since });
    if (state.since !== since) return;   // a snapshot was asked for meanwhile
    state.since = null;
    if (result.resumed && state.seq === null) state.seq = since;
  } catch (ignored) {
    // The connection dropped again: the next one resumes.
  }
}

async function send(op, args) {
  await open;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, op, args: args || {} }));
  });
}

/** Sends an operation and resolves with its result; rejects with an ApiError. */
export function request(op, args) {
  if (!socket) connect();
  return send(op, args);
}

/**
 * Calls `handler(frame)` with each push of the channel, the snapshot first; again after every reconnect. Returns
 * a function that stops it (and unsubscribes when nobody else listens).
 */
export function subscribe(channel, handler) {
  if (!socket) connect();
  let state = channels.get(channel);
  if (!state) {
    state = { handlers: new Set(), seq: null, since: null };
    channels.set(channel, state);
    send('subscribe', { channel }).catch(() => {});
  } else if (state.seq !== null || state.since !== null) {
    // The new listener needs the whole state (a resume would bring it only what changed): a fresh snapshot for
    // everyone (they all treat one as a reset).
    resubscribe(channel);
  }
  state.handlers.add(handler);
  return () => {
    state.handlers.delete(handler);
    if (state.handlers.size === 0 && channels.get(channel) === state) {
      channels.delete(channel);
      send('unsubscribe', { channel }).catch(() => {});
    }
  };
}

/** Starts over after a sign-in or sign-out; renews the open connection's sign-in when only the token changed. */
onChange(session => {
  if (!socket) return;
  if (session && session.user.id === signedInAs) {
    send('auth.login', { token: session.accessToken }).catch(() => socket.close());
    return;
  }
  for (const channel of [...channels.keys()]) if (PRIVATE.has(channel)) channels.delete(channel);
  const old = socket;
  socket = null;
  old.onclose = null;
  old.close();
  for (const [, waiter] of pending) waiter.reject(new ApiError('DISCONNECTED', 'Signed in again.'));
  pending.clear();
  connect();
});

export function start() {
  if (!socket) connect();
  // Keeps the clock offset fresh (and the connection inside the server's idle timeout).
  setInterval(() => { if (socket && socket.readyState === WebSocket.OPEN) measureClock().catch(() => {}); }, 20_000);
}

/** Drops what the client holds of a channel and takes a fresh snapshot (a checksum that does not agree). */
export function resync(channel) {
  if (channels.has(channel)) resubscribe(channel);
}
