import { h, replace } from '../dom.js';
import { request, subscribe } from '../connection.js';
import { current } from '../session.js';

// Balances per asset, live, and what each lock belongs to: open orders where the user sells, SELL ads' reservations.
export const needsSignIn = true;

export function render(main) {
  const balances = new Map();
  const rows = h('tbody');
  const locks = h('ul', { id: 'locks' });
  main.append(h('h1', {}, 'Wallet'),
    h('table', { 'aria-label': 'Balances' }, h('thead', {}, h('tr', {}, h('th', {}, 'Asset'),
      h('th', { className: 'num' }, 'Available'), h('th', { className: 'num' }, 'Locked'))), rows),
    h('h2', {}, 'Locked for'), locks);

  function draw() {
    replace(rows, balances.size === 0 ? h('tr', {}, h('td', { colspan: 3, className: 'muted' }, 'Nothing yet.'))
      : [...balances.values()].map(b => h('tr', { dataset: { asset: b.asset } }, h('td', {}, b.asset),
        h('td', { className: 'num' }, b.available), h('td', { className: 'num' }, b.locked))));
  }

  async function drawLocks() {
    const me = current().user.id;
    const [orders, ads] = await Promise.all([
      request('orders.mine', { size: 50 }).catch(() => ({ items: [] })),
      request('ads.mine', { status: 'ONLINE' }).catch(() => [])]);
    const open = orders.items.filter(o => ['PENDING_PAYMENT', 'PAID', 'DISPUTED'].includes(o.state));
    const items = [];
    for (const o of open) {
      if (o.sellerId === me) items.push(h('li', {}, h('a', { href: '#/order/' + o.id }, 'Order #' + o.id),
        ' (' + o.state + '): ' + o.quantity + ' ' + o.market.split('-')[0] + ' in escrow'));
    }
    for (const ad of ads.filter(a => a.side === 'SELL')) {
      items.push(h('li', {}, 'SELL ad #' + ad.id + ': ' + ad.remaining + ' ' + ad.market.split('-')[0] + ' reserved'));
    }
    replace(locks, items.length ? items : h('li', { className: 'muted' }, 'Nothing is locked.'));
  }

  drawLocks();
  return subscribe('balances', frame => {
    if (frame.type === 'snapshot') {
      balances.clear();
      frame.data.balances.forEach(b => balances.set(b.asset, b));
    } else {
      balances.set(frame.data.asset, frame.data);
      drawLocks();
    }
    draw();
  });
}
