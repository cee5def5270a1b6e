import { h, replace, toast } from '../dom.js';
import { rest } from '../api.js';
import { request } from '../connection.js';

// The fund password (asked on every release) and API keys for bots (the secret is shown once).
export const needsSignIn = true;

export function render(main) {
  const fundMessage = h('p', { role: 'status' });
  const fundForm = h('form', { className: 'stack panel', onsubmit: async event => {
    event.preventDefault();
    try {
      await rest('PUT', '/api/v1/account/fund-password', { password: fundForm.elements.password.value,
        fundPassword: fundForm.elements.fundPassword.value });
      fundMessage.className = 'ok';
      fundMessage.textContent = 'Fund password set.';
      fundForm.reset();
    } catch (error) {
      fundMessage.className = 'error';
      fundMessage.textContent = error.message;
    }
  } }, h('h2', {}, 'Fund password'),
  h('p', { className: 'muted' }, 'Asked every time you release crypto to a buyer.'),
  h('label', {}, 'Account password', h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' })),
  h('label', {}, 'New fund password', h('input', { type: 'password', name: 'fundPassword', required: true, autocomplete: 'new-password' })),
  h('button', { type: 'submit', className: 'primary' }, 'Set fund password'), fundMessage);

  const keys = h('tbody');
  const secret = h('div', { 'aria-live': 'polite' });
  const keyForm = h('form', { className: 'row panel', onsubmit: async event => {
    event.preventDefault();
    const permissions = [...keyForm.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
    try {
      const created = await rest('POST', '/api/v1/account/api-keys', { label: keyForm.elements.label.value.trim(), permissions });
      replace(secret, h('div', { className: 'panel' }, h('p', {}, 'Key ', h('code', {}, created.keyId),
        ' created. Its secret is shown this once:'), h('code', { id: 'api-secret' }, created.secret)));
      loadKeys();
    } catch (error) {
      toast(error.message, 'error');
    }
  } }, h('label', {}, 'Label', h('input', { name: 'label', required: true, maxlength: 64 })),
  ['READ', 'TRADE', 'RELEASE'].map(p => h('label', { className: 'row' }, h('input', { type: 'checkbox', value: p, checked: p === 'READ' }), p)),
  h('button', { type: 'submit' }, 'Create API key'));

  async function loadKeys() {
    try {
      const list = await rest('GET', '/api/v1/account/api-keys');
      replace(keys, list.map(key => h('tr', {}, h('td', {}, h('code', {}, key.keyId)), h('td', {}, key.label),
        h('td', {}, (key.permissions || []).join(', ')), h('td', {}, key.revoked ? 'revoked'
          : h('button', { type: 'button', onclick: async () => {
            await rest('DELETE', '/api/v1/account/api-keys/' + key.keyId).catch(error => toast(error.message, 'error'));
            loadKeys();
          } }, 'Revoke')))));
    } catch (error) {
      toast(error.message, 'error');
    }
  }

  // Payment accounts: where buyers pay this person, one per method.
  const accounts = h('tbody');
  const methodSelect = h('select', { name: 'method', 'aria-label': 'Payment method' });
  const accountMessage = h('p', { role: 'status' });
  const accountForm = h('form', { className: 'stack panel', onsubmit: async event => {
    event.preventDefault();
    try {
      await request('payment_account.set', { method: methodSelect.value, holder: accountForm.elements.holder.value,
        details: accountForm.elements.details.value });
      accountMessage.className = 'ok';
      accountMessage.textContent = methodSelect.value + ' account saved.';
      accountForm.reset();
      loadAccounts();
    } catch (error) {
      accountMessage.className = 'error';
      accountMessage.textContent = error.message;
    }
  } }, h('h2', {}, 'Payment accounts'),
  h('p', { className: 'muted' }, 'The buyer of your open order sees your account for the order\'s method, and nobody else.'),
  h('label', {}, 'Method', methodSelect),
  h('label', {}, 'Account holder', h('input', { name: 'holder', required: true, maxlength: 100 })),
  h('label', {}, 'Details (IBAN, account number, tag)', h('input', { name: 'details', required: true, maxlength: 300 })),
  h('button', { type: 'submit' }, 'Save account'), accountMessage,
  h('table', { 'aria-label': 'Payment accounts' }, accounts));

  async function loadAccounts() {
    const list = await request('payment_accounts.list').catch(error => { toast(error.message, 'error'); return []; });
    replace(accounts, list.map(account => h('tr', { dataset: { method: account.method } }, h('td', {}, account.method),
      h('td', {}, account.holder), h('td', {}, account.details), h('td', {}, h('button', { type: 'button', onclick: async () => {
        await request('payment_account.delete', { method: account.method }).catch(error => toast(error.message, 'error'));
        loadAccounts();
      } }, 'Remove')))));
  }

  request('markets.list').then(markets => {
    const methods = [...new Set(markets.flatMap(m => m.paymentMethods))].sort();
    replace(methodSelect, methods.map(m => h('option', { value: m }, m)));
  }).catch(() => {});
  loadAccounts();

  main.append(h('h1', {}, 'Account'), fundForm, accountForm, h('h2', {}, 'API keys'), keyForm, secret,
    h('table', { 'aria-label': 'API keys' }, h('thead', {}, h('tr', {}, h('th', {}, 'Key'), h('th', {}, 'Label'),
      h('th', {}, 'Permissions'), h('th', {}, ''))), keys));
  loadKeys();
}
