import { h, replace, toast } from '../dom.js';
import { request, subscribe } from '../connection.js';

// The user's orders, newest first, by state; open ones update live.
export const needsSignIn = true;

export function render(main) {
  const stateSelect = h('select', { 'aria-label': 'State', onchange: () => load() },
    ['', 'PENDING_PAYMENT', 'PAID', 'DISPUTED', 'COMPLETED', 'CANCELLED', 'EXPIRED']
      .map(s => h('option', { value: s }, s || 'All states')));
  const rows = h('tbody');
  main.append(h('h1', {}, 'My orders'), h('div', { className: 'row panel' }, h('label', {}, 'State', stateSelect)),
    h('table', { 'aria-label': 'Orders' }, h('thead', {}, h('tr', {}, h('th', {}, 'Order'), h('th', {}, 'Market'),
      h('th', { className: 'num' }, 'Amount'), h('th', {}, 'State'), h('th', { className: 'hide-narrow' }, 'Opened'))), rows));
  let items = [];

  function draw() {
    replace(rows, items.length === 0 ? h('tr', {}, h('td', { colspan: 5, className: 'muted' }, 'No orders.'))
      : items.map(o => h('tr', { dataset: { orderId: o.id } }, h('td', {}, h('a', { href: '#/order/' + o.id }, '#' + o.id)),
        h('td', {}, o.market), h('td', { className: 'num' }, o.fiatAmount), h('td', {}, o.state),
        h('td', { className: 'hide-narrow' }, new Date(o.createdAt).toLocaleString()))));
  }

  async function load() {
    try {
      const page = await request('orders.mine', { state: stateSelect.value || undefined, size: 50 });
      items = page.items;
      draw();
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  load();
  return subscribe('orders', frame => {
    if (frame.type === 'snapshot') return;
    const index = items.findIndex(o => o.id === frame.data.id);
    if (index >= 0) items[index] = frame.data;
    else if (!stateSelect.value || stateSelect.value === frame.data.state) items.unshift(frame.data);
    draw();
  });
}
