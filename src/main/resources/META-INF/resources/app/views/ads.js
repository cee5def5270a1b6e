import { h, replace, toast, field } from '../dom.js';
import { request, subscribe } from '../connection.js';
import { compare, isDecimal } from '../decimal.js';

// My ads: create one (fixed or floating price with a live preview against the index), then top up, reduce, take
// online or offline, close.
export const needsSignIn = true;

export function render(main) {
  const stops = [];
  const list = h('tbody');
  const message = h('p', { className: 'error', role: 'alert' });
  const preview = h('p', { className: 'muted', id: 'price-preview' });
  const marketSelect = h('select', { name: 'market', onchange: () => watchIndex() });
  const priceType = h('select', { name: 'priceType', onchange: () => drawPreview() },
    h('option', { value: 'FIXED' }, 'Fixed price'), h('option', { value: 'FLOATING' }, 'Floating (index + margin)'));
  const methods = h('fieldset', { className: 'row' }, h('legend', {}, 'Payment methods'));
  let markets = [];
  let index = null;
  let editing = null;   // the ad whose terms the form edits, or null to post a new one
  const formTitle = h('h2', {}, 'Post an ad');
  const submitButton = h('button', { type: 'submit', className: 'primary' }, 'Post ad');
  const cancelEdit = h('button', { type: 'button', hidden: true, onclick: () => stopEditing() }, 'Cancel edit');
  const form = h('form', { className: 'stack panel', onsubmit: async event => {
    event.preventDefault();
    message.textContent = '';
    const floating = priceType.value === 'FLOATING';
    const chosen = [...methods.querySelectorAll('input:checked')].map(box => box.value);
    const terms = { priceType: priceType.value, price: floating ? undefined : field(form, 'price'),
      marginBps: floating ? Number(field(form, 'margin')) : undefined, minFiat: field(form, 'minFiat'),
      maxFiat: field(form, 'maxFiat'), paymentMethods: chosen, paymentWindowMinutes: Number(field(form, 'window')),
      terms: field(form, 'terms') || undefined, autoReply: field(form, 'autoReply') || undefined,
      visibility: form.elements.visibility.value };
    try {
      if (editing) {
        await request('ad.update', { adId: editing.id, terms });
        toast('Ad #' + editing.id + ' changed.');
        stopEditing();
      } else {
        await request('ad.create', { market: marketSelect.value, side: field(form, 'side'),
          quantity: field(form, 'quantity'), terms });
        toast('Ad posted.');
        form.reset();
      }
      load();
    } catch (error) {
      message.textContent = error.message;
    }
  } },
  formTitle,
  h('label', {}, 'Market', marketSelect),
  h('label', {}, 'I want to', h('select', { name: 'side' }, h('option', { value: 'SELL' }, 'Sell (buyers take it)'),
    h('option', { value: 'BUY' }, 'Buy (sellers take it)'))),
  h('label', {}, 'Quantity', h('input', { name: 'quantity', inputmode: 'decimal', required: true })),
  h('label', {}, 'Price type', priceType),
  h('label', {}, 'Price', h('input', { name: 'price', inputmode: 'decimal', oninput: () => drawPreview() })),
  h('label', {}, 'Margin (basis points, floating)', h('input', { name: 'margin', inputmode: 'numeric', value: '0',
    oninput: () => drawPreview() })),
  preview,
  h('div', { className: 'row' }, h('label', {}, 'Min per order', h('input', { name: 'minFiat', inputmode: 'decimal', required: true })),
    h('label', {}, 'Max per order', h('input', { name: 'maxFiat', inputmode: 'decimal', required: true }))),
  methods,
  h('label', {}, 'Payment window (minutes)', h('input', { name: 'window', inputmode: 'numeric', value: '15' })),
  h('label', {}, 'Visibility', h('select', { name: 'visibility' }, h('option', { value: 'PUBLIC' }, 'Public (in the book)'),
    h('option', { value: 'PRIVATE' }, 'Private (only with its link)'))),
  h('label', {}, 'Terms', h('textarea', { name: 'terms', maxlength: 1000, rows: 2 })),
  h('label', {}, 'Auto-reply', h('textarea', { name: 'autoReply', maxlength: 500, rows: 2 })),
  h('div', { className: 'row' }, submitButton, cancelEdit), message);

  function startEditing(ad) {
    editing = ad;
    formTitle.textContent = 'Edit ad #' + ad.id;
    submitButton.textContent = 'Save changes';
    cancelEdit.hidden = false;
    marketSelect.value = ad.market;
    watchIndex();
    for (const name of ['side', 'quantity']) form.elements[name].disabled = true;
    marketSelect.disabled = true;
    form.elements.side.value = ad.side;
    form.elements.quantity.value = ad.remaining;
    priceType.value = ad.priceType;
    form.elements.price.value = ad.priceType === 'FIXED' ? ad.price : '';
    form.elements.margin.value = ad.marginBps ?? 0;
    form.elements.minFiat.value = ad.minFiat;
    form.elements.maxFiat.value = ad.maxFiat;
    form.elements.window.value = ad.paymentWindowMinutes;
    form.elements.terms.value = ad.terms || '';
    form.elements.autoReply.value = ad.autoReply || '';
    form.elements.visibility.value = ad.visibility;
    methods.querySelectorAll('input[type=checkbox]').forEach(box => { box.checked = ad.paymentMethods.includes(box.value); });
    drawPreview();
    form.scrollIntoView();
  }

  function stopEditing() {
    editing = null;
    formTitle.textContent = 'Post an ad';
    submitButton.textContent = 'Post ad';
    cancelEdit.hidden = true;
    for (const name of ['side', 'quantity']) form.elements[name].disabled = false;
    marketSelect.disabled = false;
    form.reset();
    drawPreview();
  }

  main.append(h('h1', {}, 'My ads'), form,
    h('table', { 'aria-label': 'My ads' }, h('thead', {}, h('tr', {}, h('th', {}, 'Ad'), h('th', { className: 'num' }, 'Price'),
      h('th', { className: 'num' }, 'Remaining'), h('th', {}, 'Status'), h('th', {}, ''))), list));

  function drawPreview() {
    const floating = priceType.value === 'FLOATING';
    form.elements.price.disabled = floating;
    form.elements.margin.disabled = !floating;
    if (!floating) {
      preview.textContent = '';
      return;
    }
    const margin = Number(form.elements.margin.value);
    if (!index || !Number.isInteger(margin)) {
      preview.textContent = index ? 'Enter a whole number of basis points.' : 'The market has no index price yet.';
      return;
    }
    // Shown with the index's decimals; the server rounds down to the market's tick.
    const scale = (index.split('.')[1] || '').length;
    const units = BigInt(index.replace('.', ''));
    const priced = units * BigInt(10000 + margin) / 10000n;
    const text = priced.toString().padStart(scale + 1, '0');
    preview.textContent = 'At today\'s index ' + index + ' the price is ' + text.slice(0, -scale) + '.' + text.slice(-scale);
  }

  function watchIndex() {
    stops.splice(0).forEach(stop => stop());
    const market = markets.find(m => m.symbol === marketSelect.value);
    if (!market) return;
    replace(methods, h('legend', {}, 'Payment methods'), market.paymentMethods.map((m, i) =>
      h('label', { className: 'row' }, h('input', { type: 'checkbox', value: m, checked: i === 0 }), m)));
    stops.push(subscribe('index.' + market.symbol, frame => {
      index = frame.data.price;
      drawPreview();
    }));
  }

  function change(ad, op, args, success) {
    return async () => {
      try {
        await request(op, { adId: ad.id, ...args });
        toast(success);
        load();
      } catch (error) {
        toast(error.message, 'error');
      }
    };
  }

  // A PRIVATE ad is reached by its link only: the owner shares this address.
  function copyLink(ad) {
    const address = location.origin + location.pathname + '#/trade/' + ad.market + '/link/' + ad.link;
    (navigator.clipboard ? navigator.clipboard.writeText(address) : Promise.reject(new Error('no clipboard')))
      .then(() => toast('Link copied: ' + address))
      .catch(() => prompt('The ad\'s link:', address));
  }

  function quantityButton(ad, label, sign) {
    return h('button', { type: 'button', onclick: async () => {
      const amount = prompt(label + ' by how much?');
      if (!amount) return;
      if (!isDecimal(amount) || compare(amount, '0') <= 0) {
        toast('Enter a positive amount.', 'error');
        return;
      }
      await change(ad, 'ad.quantity', { delta: sign + amount }, 'Quantity changed.')();
    } }, label);
  }

  async function load() {
    const ads = await request('ads.mine', {}).catch(error => { toast(error.message, 'error'); return []; });
    replace(list, ads.filter(ad => ad.status !== 'CLOSED').map(ad => h('tr', { dataset: { adId: ad.id } },
      h('td', {}, ad.side + ' ' + ad.market + ' #' + ad.id), h('td', { className: 'num' }, ad.price ?? '-'),
      h('td', { className: 'num' }, ad.remaining), h('td', {}, ad.status),
      h('td', { className: 'row' },
        ad.status === 'ONLINE' ? h('button', { type: 'button', onclick: change(ad, 'ad.status', { status: 'OFFLINE' }, 'Offline.') }, 'Go offline')
          : h('button', { type: 'button', onclick: change(ad, 'ad.status', { status: 'ONLINE' }, 'Online.') }, 'Go online'),
        h('button', { type: 'button', onclick: () => startEditing(ad) }, 'Edit'),
        ad.link ? h('button', { type: 'button', className: 'copy-link', onclick: () => copyLink(ad) }, 'Copy link') : null,
        quantityButton(ad, 'Top up', ''), quantityButton(ad, 'Reduce', '-'),
        h('button', { type: 'button', onclick: change(ad, 'ad.close', {}, 'Closed.') }, 'Close')))));
  }

  request('markets.list').then(found => {
    markets = found;
    replace(marketSelect, markets.map(m => h('option', { value: m.symbol }, m.symbol)));
    watchIndex();
  }).catch(error => toast(error.message, 'error'));
  load();
  drawPreview();
  return () => stops.forEach(stop => stop());
}
