import { h, replace, toast } from '../dom.js';
import { rest } from '../api.js';
import { request } from '../connection.js';

// Admin: assets, markets, index prices, deposits and withdrawals, roles and KYC levels (the REST admin API).
export const needsSignIn = true;

export function render(main) {
  const markets = h('select', { name: 'market', 'aria-label': 'Market' });

  function form(title, id, fields, submitLabel, action) {
    const message = h('p', { role: 'status' });
    const element = h('form', { className: 'stack panel', id, onsubmit: async event => {
      event.preventDefault();
      message.className = '';
      message.textContent = '';
      try {
        message.textContent = await action(element);
        message.className = 'ok';
        loadMarkets();
      } catch (error) {
        message.className = 'error';
        message.textContent = error.message;
      }
    } }, h('h2', {}, title), fields, h('button', { type: 'submit', className: 'primary' }, submitLabel), message);
    return element;
  }

  const input = (label, name, attrs = {}) => h('label', {}, label, h('input', { name, required: true, ...attrs }));
  const value = (el, name) => el.elements[name].value.trim();

  async function userId(name) {
    return (await rest('GET', '/api/v1/admin/users?username=' + encodeURIComponent(name))).id;
  }

  const assetForm = form('Assets and fiat currencies', 'admin-asset', [
    input('Code', 'code', { maxlength: 12 }), input('Decimals', 'scale', { inputmode: 'numeric', value: '6' }),
    h('label', { className: 'row' }, h('input', { type: 'checkbox', name: 'fiat' }), 'Fiat currency')],
  'Add asset', async el => {
    const asset = await rest('POST', '/api/v1/admin/assets', { code: value(el, 'code'), scale: Number(value(el, 'scale')),
      fiat: el.elements.fiat.checked });
    return 'Added ' + asset.code + '.';
  });

  const marketForm = form('Markets', 'admin-market', [
    h('div', { className: 'row' }, input('Asset', 'asset'), input('Fiat', 'fiat')),
    h('div', { className: 'row' }, input('Price decimals', 'priceScale', { inputmode: 'numeric', value: '4' }),
      input('Price tick', 'priceTick', { value: '0.0001' }), input('Minimum order (fiat)', 'minOrderFiat', { value: '10' })),
    h('div', { className: 'row' }, input('Maker fee (bps)', 'makerFeeBps', { value: '10' }),
      input('Taker fee (bps)', 'takerFeeBps', { value: '0' })),
    input('Payment methods (comma separated)', 'paymentMethods', { value: 'SEPA,WISE,REVOLUT' })],
  'Open market', async el => {
    const market = await rest('POST', '/api/v1/admin/markets', { asset: value(el, 'asset'), fiat: value(el, 'fiat'),
      priceScale: Number(value(el, 'priceScale')), priceTick: value(el, 'priceTick'), minOrderFiat: value(el, 'minOrderFiat'),
      makerFeeBps: Number(value(el, 'makerFeeBps')), takerFeeBps: Number(value(el, 'takerFeeBps')),
      paymentMethods: value(el, 'paymentMethods').split(',').map(m => m.trim()).filter(Boolean) });
    return 'Opened ' + market.symbol + '.';
  });

  const indexForm = form('Index price', 'admin-index', [h('label', {}, 'Market', markets), input('Price', 'price', { inputmode: 'decimal' })],
    'Set index price', async el => {
      const market = await rest('PUT', '/api/v1/admin/markets/' + markets.value + '/index-price', { price: value(el, 'price') });
      return market.symbol + ' index is ' + market.indexPrice + '.';
    });

  const transferForm = form('Deposits and withdrawals', 'admin-transfer', [input('Username', 'username'),
    h('div', { className: 'row' }, input('Asset', 'asset'), input('Amount', 'amount', { inputmode: 'decimal' })),
    h('label', {}, 'Direction', h('select', { name: 'direction' }, h('option', { value: 'deposits' }, 'Deposit'),
      h('option', { value: 'withdrawals' }, 'Withdrawal')))],
  'Apply', async el => {
    const id = await userId(value(el, 'username'));
    await rest('POST', '/api/v1/admin/' + el.elements.direction.value, { userId: id, asset: value(el, 'asset'),
      amount: value(el, 'amount') });
    return (el.elements.direction.value === 'deposits' ? 'Deposited ' : 'Withdrew ') + value(el, 'amount') + ' '
      + value(el, 'asset') + (el.elements.direction.value === 'deposits' ? ' to ' : ' from ') + value(el, 'username') + '.';
  });

  const userForm = form('Roles and KYC', 'admin-user', [input('Username', 'username'),
    h('div', { className: 'row' }, h('label', {}, 'Role', h('select', { name: 'role' },
      ['USER', 'MERCHANT', 'ARBITER', 'ADMIN'].map(r => h('option', { value: r }, r)))),
    h('label', {}, 'KYC level', h('select', { name: 'kyc' }, [0, 1, 2, 3].map(k => h('option', { value: k }, String(k))))))],
  'Save user', async el => {
    const id = await userId(value(el, 'username'));
    await rest('PUT', '/api/v1/admin/users/' + id + '/role', { role: el.elements.role.value });
    const user = await rest('PUT', '/api/v1/admin/users/' + id + '/kyc', { kycLevel: Number(el.elements.kyc.value) });
    return user.username + ' is ' + user.role + ' with KYC level ' + user.kycLevel + '.';
  });

  function loadMarkets() {
    request('markets.list').then(list => {
      const chosen = markets.value;
      replace(markets, list.map(m => h('option', { value: m.symbol, selected: m.symbol === chosen }, m.symbol)));
    }).catch(error => toast(error.message, 'error'));
  }

  main.append(h('h1', {}, 'Admin'), assetForm, marketForm, indexForm, transferForm, userForm);
  loadMarkets();
}
