import { loadErrorMessages } from './errors.js';
import { current, onChange, signOut } from './session.js';
import { onStatus, start } from './connection.js';
import { replace, h } from './dom.js';
import * as auth from './views/auth.js';
import * as trade from './views/trade.js';
import * as order from './views/order.js';
import * as orders from './views/orders.js';
import * as wallet from './views/wallet.js';
import * as ads from './views/ads.js';
import * as account from './views/account.js';
import * as disputes from './views/disputes.js';
import * as user from './views/user.js';
import * as admin from './views/admin.js';

// Routes by the URL's hash: #/trade/USDT-EUR, #/order/42, #/orders, #/ads, #/wallet, #/account, #/disputes,
// #/user/7, #/admin, #/signin.
const routes = { trade, order, orders, wallet, ads, account, disputes, user, admin, signin: auth, signup: auth };
const main = document.getElementById('view');
let leave = null;

function route() {
  const [name = 'trade', ...params] = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const view = routes[name] || trade;
  if (leave) leave();
  leave = null;
  replace(main);
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.nav === name));
  if (view.needsSignIn && !current()) {
    location.hash = '#/signin';
    return;
  }
  leave = view.render(main, params, name) || null;
  main.focus({ preventScroll: true });
}

function header(session) {
  document.getElementById('username').textContent = session ? session.user.username : '';
  document.getElementById('signin-link').hidden = !!session;
  document.getElementById('signout').hidden = !session;
  document.querySelectorAll('nav a[data-private]').forEach(a => { a.hidden = !session; });
  const staff = session && ['ARBITER', 'ADMIN'].includes(session.user.role);
  document.querySelectorAll('nav a[data-staff]').forEach(a => { a.hidden = !staff; });
  document.querySelectorAll('nav a[data-admin]').forEach(a => { a.hidden = !(session && session.user.role === 'ADMIN'); });
}

document.getElementById('signout').addEventListener('click', async () => {
  await signOut();
  location.hash = '#/trade';
});
onStatus(state => {
  const dot = document.getElementById('connection');
  dot.className = 'dot ' + state;
  const label = state === 'on' ? 'Connected' : 'Reconnecting';
  dot.title = label;
  dot.setAttribute('aria-label', 'Connection: ' + label.toLowerCase());
});
// A renewed token (the same person) must not redraw the page and lose what is being typed: only signing in or out
// does.
let signedInAs = current()?.user.id ?? null;
onChange(session => {
  header(session);
  const now = session?.user.id ?? null;
  if (now === signedInAs) return;
  signedInAs = now;
  route();
});
window.addEventListener('hashchange', route);

await loadErrorMessages();
header(current());
start();
route();
