import { h, replace } from '../dom.js';
import { subscribe } from '../connection.js';

// The arbiter console: every open dispute, live from the staff's `disputes` channel (an appeal adds a row, a
// withdrawal or a resolution removes it, a chat line marks it), each opening the order page to resolve it.
export const needsSignIn = true;

export function render(main) {
  const orders = new Map();
  const unread = new Map();
  const rows = h('tbody');
  main.append(h('h1', {}, 'Disputes'),
    h('table', { 'aria-label': 'Disputes' }, h('thead', {}, h('tr', {}, h('th', {}, 'Order'), h('th', {}, 'Market'),
      h('th', { className: 'num' }, 'Amount'), h('th', {}, 'Buyer'), h('th', {}, 'Seller'),
      h('th', { className: 'hide-narrow' }, 'Appealed by'), h('th', {}, 'New messages'))), rows));

  function draw() {
    const open = [...orders.values()].sort((a, b) => a.id - b.id);
    replace(rows, open.length === 0 ? h('tr', {}, h('td', { colspan: 7, className: 'muted' }, 'No open disputes.'))
      : open.map(o => h('tr', { dataset: { orderId: o.id } }, h('td', {}, h('a', { href: '#/order/' + o.id }, '#' + o.id)),
        h('td', {}, o.market), h('td', { className: 'num' }, o.fiatAmount), h('td', {}, o.buyerName),
        h('td', {}, o.sellerName), h('td', { className: 'hide-narrow' },
          o.appellantId === o.buyerId ? 'buyer' : o.appellantId === o.sellerId ? 'seller' : 'release deadline'),
        h('td', {}, String(unread.get(o.id) || 0)))));
  }

  return subscribe('disputes', frame => {
    if (frame.type === 'snapshot') {
      orders.clear();
      frame.data.orders.forEach(o => orders.set(o.id, o));
    } else if (frame.type === 'order') {
      if (frame.data.state === 'DISPUTED') orders.set(frame.data.id, frame.data);
      else orders.delete(frame.data.id);
    } else if (frame.type === 'message' && (frame.data.kind === 'USER' || frame.data.kind === 'EVIDENCE')) {
      unread.set(frame.data.orderId, (unread.get(frame.data.orderId) || 0) + 1);
    }
    draw();
  });
}
