import { h, replace, toast } from '../dom.js';
import { request, subscribe, resync } from '../connection.js';
import { current } from '../session.js';
import { LocalBook } from '../localbook.js';
import { profile } from '../profiles.js';
import { compare, divide, divideUp, fromUnits as fromUnitsOf, isDecimal, multiply, scaleOf, toUnits as toUnitsOf } from '../decimal.js';

const minUnits = (a, b) => (a < b ? a : b);

// The market's book, live: Buy and Sell tabs (a buyer takes SELL ads), best price first, filters by amount and
// payment method, a row per ad with its merchant's stats; taking an ad opens the take dialog. The rows come from a
// local copy of book.<MARKET>, kept from the deltas and proven by each checksum. #/trade/<MARKET>/link/<link> opens
// the take dialog of the PRIVATE ad that link leads to (its owner shares it; such ads are in no book).
export function render(main, params) {
  const state = { market: null, markets: [], tab: 'BUY', book: new LocalBook(), index: null, amount: '', method: '',
    blocked: new Set() };
  const stops = [];
  const title = h('h1', {}, 'Trade');
  const marketSelect = h('select', { id: 'market', 'aria-label': 'Market', onchange: () => {
    location.hash = '#/trade/' + marketSelect.value;
  } });
  const indexLine = h('span', { className: 'muted', id: 'index-price' });
  const buyTab = h('button', { type: 'button', role: 'tab', className: 'buy-tab', onclick: () => tab('BUY') }, 'Buy');
  const sellTab = h('button', { type: 'button', role: 'tab', className: 'sell-tab', onclick: () => tab('SELL') }, 'Sell');
  const amountInput = h('input', { id: 'filter-amount', inputmode: 'decimal', placeholder: 'Any amount',
    oninput: () => { state.amount = amountInput.value.trim(); draw(); } });
  const methodSelect = h('select', { id: 'filter-method', onchange: () => { state.method = methodSelect.value; draw(); } });
  const rows = h('tbody');
  const table = h('table', { 'aria-label': 'Ads' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Merchant'), h('th', { className: 'num' }, 'Price'),
      h('th', { className: 'num' }, 'Available'), h('th', { className: 'hide-narrow' }, 'Limits'),
      h('th', { className: 'hide-narrow' }, 'Payment'), h('th', {}, ''))),
    rows);
  const express = h('details', { className: 'panel', id: 'express' });
  main.append(title,
    h('div', { className: 'row panel' },
      h('label', {}, 'Market', marketSelect), indexLine,
      h('div', { className: 'tabs', role: 'tablist' }, buyTab, sellTab),
      h('label', {}, 'Amount', amountInput),
      h('label', {}, 'Payment method', methodSelect)),
    express,
    table);

  function tab(side) {
    state.tab = side;
    buyTab.setAttribute('aria-selected', String(side === 'BUY'));
    sellTab.setAttribute('aria-selected', String(side === 'SELL'));
    draw();
  }

  function visibleAds() {
    // Buying takes SELL ads, selling takes BUY ads.
    const ads = state.book.sides[state.tab === 'BUY' ? 'SELL' : 'BUY'];
    const market = state.market;
    return ads.filter(ad => {
      // The channel is the public book; the person's own blocks are hidden here (book.get filters both ways).
      if (state.blocked.has(ad.ownerId)) return false;
      if (state.method && !ad.paymentMethods.includes(state.method)) return false;
      if (state.amount && isDecimal(state.amount)) {
        if (compare(state.amount, ad.minFiat) < 0 || compare(state.amount, ad.maxFiat) > 0) return false;
        if (compare(multiply(ad.remaining, ad.price, scaleOf(ad.minFiat)), state.amount) < 0) return false;
      }
      return market !== null;
    });
  }

  function draw() {
    const market = state.market;
    if (!market) return;
    drawExpressPreview();
    const ads = visibleAds();
    replace(rows, ads.length === 0
      ? h('tr', {}, h('td', { colspan: 6, className: 'muted' }, 'No ads match.'))
      : ads.map(ad => row(ad, market)));
  }

  function row(ad, market) {
    const stats = h('div', { className: 'muted' });
    const dot = h('span', { className: 'dot', 'aria-hidden': 'true' });
    profile(ad.ownerId).then(p => {
      if (!p) return;
      dot.className = 'dot ' + (p.online ? 'on' : '');
      dot.title = p.online ? 'Online' : 'Offline';
      const rate = p.completionRate30d === null ? 'no orders yet'
        : Math.round(Number(p.completionRate30d) * 1000) / 10 + '% completion';
      const release = p.avgReleaseSeconds === null ? '' : ', releases in ' + Math.max(1, Math.round(p.avgReleaseSeconds / 60)) + ' min';
      stats.textContent = p.completedOrders30d + ' orders (30d), ' + rate + release;
    });
    const mine = current()?.user?.id === ad.ownerId;
    const action = state.tab === 'BUY' ? 'Buy' : 'Sell';
    return h('tr', { dataset: { adId: ad.id } },
      h('td', {}, h('div', {}, dot, ' ', h('a', { href: '#/user/' + ad.ownerId }, ad.ownerName || 'user ' + ad.ownerId)), stats),
      h('td', { className: 'num price' }, ad.price, h('div', { className: 'muted' }, market.fiat)),
      h('td', { className: 'num' }, ad.remaining, h('span', { className: 'hide-narrow' }, ' ' + market.asset)),
      h('td', { className: 'hide-narrow' }, ad.minFiat + ' - ' + ad.maxFiat + ' ' + market.fiat),
      h('td', { className: 'hide-narrow' }, ad.paymentMethods.join(', ')),
      h('td', {}, h('button', { type: 'button', className: state.tab === 'BUY' ? 'buy' : 'sell', disabled: mine,
        title: mine ? 'Your own ad' : null, onclick: () => takeDialog(ad, market) }, action,
        h('span', { className: 'hide-narrow' }, ' ' + market.asset))));
  }

  // Express: the server picks the best ad that fills the amount whole, or several with split allowed; the
  // preview walks the local book the same way (best first, the person's own ads skipped).
  const expressAmount = h('input', { name: 'expressAmount', inputmode: 'decimal', oninput: () => drawExpressPreview() });
  const expressMethods = h('fieldset', { className: 'row' }, h('legend', {}, 'Payment methods'));
  const expressLimit = h('input', { name: 'priceLimit', inputmode: 'decimal', placeholder: 'None',
    oninput: () => drawExpressPreview() });
  const expressSplit = h('input', { type: 'checkbox', name: 'allowSplit', onchange: () => drawExpressPreview() });
  const expressPreview = h('p', { className: 'muted', id: 'express-preview' });
  const expressMessage = h('p', { className: 'error', role: 'alert' });
  const expressSubmit = h('button', { type: 'submit', className: 'primary' }, 'Express');

  function expressChoice() {
    const market = state.market;
    const amount = expressAmount.value.trim();
    if (!market || !isDecimal(amount) || compare(amount, '0') <= 0) return null;
    const methods = [...expressMethods.querySelectorAll('input:checked')].map(box => box.value);
    const limit = expressLimit.value.trim();
    const me = current()?.user?.id;
    const buying = state.tab === 'BUY';
    const ads = state.book.sides[buying ? 'SELL' : 'BUY'].filter(ad => ad.ownerId !== me
      && ad.paymentMethods.some(m => methods.includes(m))
      && (!isDecimal(limit) || (buying ? compare(ad.price, limit) <= 0 : compare(ad.price, limit) >= 0)));
    const fiatScale = scaleOf(market.minOrderFiat);
    const capacity = ad => {
      const left = multiply(ad.remaining, ad.price, fiatScale);
      return compare(left, ad.maxFiat) < 0 ? left : ad.maxFiat;
    };
    const whole = ads.find(ad => compare(amount, ad.minFiat) >= 0 && compare(amount, capacity(ad)) <= 0);
    if (whole || !expressSplit.checked) return whole ? [{ ad: whole, fiat: amount }] : [];
    const picks = [];
    let left = toUnitsOf(amount, fiatScale);
    for (const ad of ads) {
      if (left <= 0n) break;
      const part = minUnits(left, toUnitsOf(capacity(ad), fiatScale));
      if (part >= toUnitsOf(ad.minFiat, fiatScale)) {
        picks.push({ ad, fiat: fromUnitsOf(part, fiatScale) });
        left -= part;
      }
    }
    return left > 0n ? [] : picks;
  }

  function drawExpressPreview() {
    const market = state.market;
    if (!market) return;
    expressSubmit.textContent = (state.tab === 'BUY' ? 'Buy ' : 'Sell ') + market.asset + ' express';
    const picks = expressChoice();
    if (picks === null) {
      expressPreview.textContent = 'Enter an amount to see the ad or ads it would take.';
      expressSubmit.disabled = true;
      return;
    }
    expressSubmit.disabled = picks.length === 0;
    expressPreview.textContent = picks.length === 0 ? 'No ad can fill this amount now'
      + (expressSplit.checked ? '.' : ' whole; allow split to take several.')
      : 'Takes ' + picks.map(p => p.fiat + ' ' + market.fiat + ' at ' + p.ad.price + ' from ' + (p.ad.ownerName || 'user ' + p.ad.ownerId)).join(', ');
  }

  function buildExpress(market) {
    replace(expressMethods, h('legend', {}, 'Payment methods'), market.paymentMethods.map(m =>
      h('label', { className: 'row' }, h('input', { type: 'checkbox', value: m, checked: true, onchange: () => drawExpressPreview() }), m)));
    replace(express, h('summary', {}, 'Express: the best ad for an amount'),
      h('form', { className: 'stack', onsubmit: async event => {
        event.preventDefault();
        if (!current()) {
          location.hash = '#/signin';
          return;
        }
        expressMessage.textContent = '';
        expressSubmit.disabled = true;
        try {
          const result = await request('order.express', { market: market.symbol, side: state.tab,
            amount: expressAmount.value.trim(), paymentMethods: [...expressMethods.querySelectorAll('input:checked')].map(b => b.value),
            priceLimit: expressLimit.value.trim() || undefined, allowSplit: expressSplit.checked });
          location.hash = result.orders.length === 1 ? '#/order/' + result.orders[0].id : '#/orders';
        } catch (error) {
          expressMessage.textContent = error.message;
          expressSubmit.disabled = false;
        }
      } },
      h('label', {}, 'Amount (' + market.fiat + ')', expressAmount), expressMethods,
      h('label', {}, 'Price limit (' + market.fiat + ')', expressLimit),
      h('label', { className: 'row' }, expressSplit, 'Allow split across several ads'),
      expressPreview, expressMessage, expressSubmit));
    drawExpressPreview();
  }

  function takeDialog(ad, market) {
    if (!current()) {
      location.hash = '#/signin';
      return;
    }
    const buying = ad.side === 'SELL';
    const message = h('p', { className: 'error', role: 'alert' });
    const hint = h('p', { className: 'muted' });
    const amount = h('input', { name: 'amount', inputmode: 'decimal', required: true, placeholder: ad.minFiat + ' - ' + ad.maxFiat });
    const method = h('select', { name: 'method' }, ad.paymentMethods.map(m => h('option', { value: m }, m)));
    const submit = h('button', { type: 'submit', className: buying ? 'buy' : 'sell' }, (buying ? 'Buy ' : 'Sell ') + market.asset);
    let available = null;
    if (!buying) request('balances.get').then(list => {
      available = list.find(b => b.asset === market.asset)?.available ?? '0';
      check();
    }).catch(() => {});
    // The amount in fiat (what the ad's limits are in) or in the asset; both checked the same way, in fiat.
    const amountName = h('span', {}, 'Amount (' + market.fiat + ')');
    const unit = h('select', { name: 'amountIn', 'aria-label': 'Amount in', onchange: () => {
      amountName.textContent = 'Amount (' + (unit.value === 'ASSET' ? market.asset : market.fiat) + ')';
      check();
    } },
      h('option', { value: 'FIAT' }, market.fiat), h('option', { value: 'ASSET' }, market.asset));
    function check() {
      const value = amount.value.trim();
      const inAsset = unit.value === 'ASSET';
      const scale = inAsset ? scaleOf(ad.remaining) : scaleOf(ad.minFiat);
      let problem = '';
      if (value && !isDecimal(value)) problem = 'Enter an amount like 100 or 100.50.';
      else if (value && scaleOf(value) > scale) problem = 'At most ' + scale + ' decimals.';
      // Rounded in the taker's disfavour, as the server does (docs/trading-rules.md).
      const fiat = value && !problem ? (inAsset ? multiply(value, ad.price, scaleOf(ad.minFiat), buying) : value) : null;
      if (fiat && compare(fiat, ad.minFiat) < 0) problem = 'The minimum for this ad is ' + ad.minFiat + ' ' + market.fiat + '.';
      else if (fiat && compare(fiat, ad.maxFiat) > 0) problem = 'The maximum for this ad is ' + ad.maxFiat + ' ' + market.fiat + '.';
      else if (fiat && compare(fiat, market.minOrderFiat) < 0) problem = 'The market minimum is ' + market.minOrderFiat + ' ' + market.fiat + '.';
      const quantity = fiat && !problem ? (inAsset ? value : buying ? divide(value, ad.price, scaleOf(ad.remaining))
        : divideUp(value, ad.price, scaleOf(ad.remaining))) : null;
      if (quantity && compare(quantity, ad.remaining) > 0) problem = 'The ad has ' + ad.remaining + ' ' + market.asset + ' left.';
      if (quantity && !buying && available !== null && compare(quantity, available) > 0) {
        problem = 'You have ' + available + ' ' + market.asset + ' available.';
      }
      hint.textContent = !quantity || problem ? '' : inAsset
        ? 'You ' + (buying ? 'pay' : 'receive') + ' about ' + fiat + ' ' + market.fiat
        : 'You ' + (buying ? 'receive' : 'send') + ' about ' + quantity + ' ' + market.asset;
      message.textContent = problem;
      submit.disabled = !value || !!problem;
    }
    amount.addEventListener('input', check);
    // The book channel's ads carry no terms: ad.get has them (a PRIVATE ad opened by its link has them already).
    const terms = h('p', { className: 'terms' }, ad.terms || '');
    terms.hidden = !ad.terms;
    if (ad.terms === undefined) {
      request('ad.get', { adId: ad.id }).then(full => {
        terms.textContent = full.terms || '';
        terms.hidden = !full.terms;
      }).catch(() => {});
    }
    const dialog = h('dialog', { 'aria-label': 'Take ad' });
    const form = h('form', { className: 'stack', onsubmit: async event => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const order = await request('order.take', { adId: ad.id, amount: amount.value.trim(), amountIn: unit.value,
          paymentMethod: method.value, link: ad.link });
        dialog.close();
        location.hash = '#/order/' + order.id;
      } catch (error) {
        message.textContent = error.message;
        submit.disabled = false;
      }
    } },
    h('h2', {}, (buying ? 'Buy ' : 'Sell ') + market.asset + ' from ' + (ad.ownerName || 'user ' + ad.ownerId)),
    h('dl', { className: 'facts' }, h('dt', {}, 'Price'), h('dd', {}, ad.price + ' ' + market.fiat),
      h('dt', {}, 'Limits'), h('dd', {}, ad.minFiat + ' - ' + ad.maxFiat + ' ' + market.fiat),
      h('dt', {}, 'Pay within'), h('dd', {}, ad.paymentWindowMinutes + ' min')),
    terms,
    h('div', { className: 'row' }, h('label', {}, amountName, amount), unit),
    h('label', {}, 'Payment method', method),
    hint, message,
    h('div', { className: 'row' }, submit, h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel')));
    dialog.appendChild(form);
    dialog.addEventListener('close', () => dialog.remove());
    document.body.appendChild(dialog);
    submit.disabled = true;
    dialog.showModal();
    amount.focus();
  }

  async function start() {
    if (current()) {
      request('blocks.list').then(blocks => {
        state.blocked = new Set(blocks.map(b => b.userId));
        draw();
      }).catch(() => {});
    }
    try {
      state.markets = await request('markets.list');
    } catch (error) {
      toast(error.message, 'error');
      return;
    }
    if (state.markets.length === 0) {
      replace(rows, h('tr', {}, h('td', { colspan: 6 }, 'No markets yet.')));
      return;
    }
    state.market = state.markets.find(m => m.symbol === params[0]) || state.markets[0];
    const market = state.market;
    replace(marketSelect, state.markets.map(m => h('option', { value: m.symbol, selected: m === market }, m.symbol)));
    replace(methodSelect, h('option', { value: '' }, 'All'), market.paymentMethods.map(m => h('option', { value: m }, m)));
    title.textContent = market.asset + ' / ' + market.fiat;
    buildExpress(market);
    const bookChannel = 'book.' + market.symbol;
    stops.push(subscribe(bookChannel, frame => {
      if (frame.type === 'snapshot') state.book.snapshot(frame.data);
      else state.book.apply(frame.data);
      if (state.book.checksum() !== frame.data.checksum) {
        resync(bookChannel);
        return;
      }
      draw();
    }));
    stops.push(subscribe('index.' + market.symbol, frame => {
      indexLine.textContent = frame.data.price ? 'Index ' + frame.data.price + ' ' + market.fiat : 'No index price';
    }));
    if (params[1] === 'link' && params[2]) openLink(params[2]);
  }

  async function openLink(link) {
    try {
      const ad = await request('ad.get', { link });
      const market = state.markets.find(m => m.symbol === ad.market) || state.market;
      tab(ad.side === 'SELL' ? 'BUY' : 'SELL');
      takeDialog(ad, market);
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  tab('BUY');
  start();
  return () => stops.forEach(stop => stop());
}
