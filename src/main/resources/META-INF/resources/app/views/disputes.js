import { h, replace, toast } from '../dom.js';
import { request } from '../connection.js';

// The arbiter console: disputed orders, oldest first, each opening the order page (timeline, chat, resolve).
// The queue is read again every 5 seconds: staff pushes are not built yet.
export const needsSignIn = true;

export function render(main) {
  const rows = h('tbody');
  main.append(h('h1', {}, 'Disputes'),
    h('table', { 'aria-label': 'Disputes' }, h('thead', {}, h('tr', {}, h('th', {}, 'Order'), h('th', {}, 'Market'),
      h('th', { className: 'num' }, 'Amount'), h('th', {}, 'Buyer'), h('th', {}, 'Seller'),
      h('th', { className: 'hide-narrow' }, 'Appealed by'))), rows));

  async function load() {
    try {
      const page = await request('disputes.list', { size: 100 });
      replace(rows, page.items.length === 0 ? h('tr', {}, h('td', { colspan: 6, className: 'muted' }, 'No open disputes.'))
        : page.items.map(o => h('tr', { dataset: { orderId: o.id } }, h('td', {}, h('a', { href: '#/order/' + o.id }, '#' + o.id)),
          h('td', {}, o.market), h('td', { className: 'num' }, o.fiatAmount), h('td', {}, o.buyerName),
          h('td', {}, o.sellerName), h('td', { className: 'hide-narrow' },
            o.appellantId === o.buyerId ? 'buyer' : o.appellantId === o.sellerId ? 'seller' : 'release deadline'))));
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  load();
  const timer = setInterval(load, 5000);
  return () => clearInterval(timer);
}
