import { h, replace, toast } from '../dom.js';
import { rest } from '../api.js';
import { request } from '../connection.js';

// The fund password (asked on every release), an authenticator app (TOTP), and API keys for bots (the secret is
// shown once).
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

  // The authenticator: set up with the password, confirmed with a first code (which shows the recovery codes once).
  const totp = h('section', { className: 'stack panel', 'aria-label': 'Authenticator' });
  let authenticatorOn = false;
  async function drawTotp() {
    let status;
    try {
      status = await rest('GET', '/api/v1/account/totp');
    } catch (error) {
      replace(totp, h('p', { className: 'error' }, error.message));
      return;
    }
    authenticatorOn = status.enabled;
    keyCode.hidden = !status.enabled;
    const message = h('p', { role: 'status' });
    if (status.enabled) {
      const off = h('form', { className: 'stack', onsubmit: async event => {
        event.preventDefault();
        try {
          await rest('POST', '/api/v1/account/totp/disable', { password: off.elements.password.value,
            code: off.elements.code.value.trim() });
          drawTotp();
        } catch (error) {
          message.className = 'error';
          message.textContent = error.message;
        }
      } }, h('label', {}, 'Account password', h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' })),
      h('label', {}, 'Code or recovery code', h('input', { name: 'code', required: true, autocomplete: 'one-time-code', maxlength: 16 })),
      h('button', { type: 'submit' }, 'Turn off'));
      replace(totp, h('h2', {}, 'Authenticator'), h('p', { className: 'ok' }, 'On. ' + status.recoveryCodesLeft
        + ' recovery codes left. Sign-in, new API keys and releases ask for its code.'), off, message);
      return;
    }
    const begin = h('form', { className: 'stack', onsubmit: async event => {
      event.preventDefault();
      try {
        const setup = await rest('POST', '/api/v1/account/totp', { password: begin.elements.password.value });
        const confirm = h('form', { className: 'stack', onsubmit: async event2 => {
          event2.preventDefault();
          try {
            const answer = await rest('POST', '/api/v1/account/totp/confirm', { code: confirm.elements.code.value.trim() });
            replace(totp, h('h2', {}, 'Authenticator'), h('p', { className: 'ok' }, 'On. Keep these recovery codes '
              + 'somewhere safe: each signs in once if you lose your phone. They are shown this once.'),
              h('ul', { id: 'recovery-codes' }, answer.recoveryCodes.map(code => h('li', {}, h('code', {}, code)))),
              h('button', { type: 'button', onclick: drawTotp }, 'Done'));
            authenticatorOn = true;
            keyCode.hidden = false;
          } catch (error) {
            message.className = 'error';
            message.textContent = error.message;
          }
        } }, h('label', {}, 'Code from the app', h('input', { name: 'code', required: true, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6 })),
        h('button', { type: 'submit', className: 'primary' }, 'Turn on'));
        replace(totp, h('h2', {}, 'Authenticator'),
          h('p', {}, 'Add this key to your authenticator app (or open the link on the phone), then enter the code it shows.'),
          h('p', {}, h('code', { id: 'totp-secret' }, setup.secret)),
          h('p', {}, h('a', { href: setup.otpauthUri }, 'Add to an authenticator app')), confirm, message);
      } catch (error) {
        message.className = 'error';
        message.textContent = error.message;
      }
    } }, h('label', {}, 'Account password', h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' })),
    h('button', { type: 'submit' }, 'Set up an authenticator'));
    replace(totp, h('h2', {}, 'Authenticator'),
      h('p', { className: 'muted' }, 'Off. With an authenticator app, a stolen password is not enough to sign in or release.'),
      begin, message);
  }

  const keys = h('tbody');
  const secret = h('div', { 'aria-live': 'polite' });
  const keyCode = h('label', { hidden: true }, 'Authenticator code',
    h('input', { name: 'totpCode', autocomplete: 'one-time-code', maxlength: 16 }));
  const keyForm = h('form', { className: 'row panel', onsubmit: async event => {
    event.preventDefault();
    const permissions = [...keyForm.querySelectorAll('input[type=checkbox]:checked')].map(box => box.value);
    try {
      const body = { label: keyForm.elements.label.value.trim(), permissions };
      if (authenticatorOn) body.totpCode = keyForm.elements.totpCode.value.trim();
      const created = await rest('POST', '/api/v1/account/api-keys', body);
      replace(secret, h('div', { className: 'panel' }, h('p', {}, 'Key ', h('code', {}, created.keyId),
        ' created. Its secret is shown this once:'), h('code', { id: 'api-secret' }, created.secret)));
      loadKeys();
    } catch (error) {
      toast(error.message, 'error');
    }
  } }, h('label', {}, 'Label', h('input', { name: 'label', required: true, maxlength: 64 })),
  ['READ', 'TRADE', 'RELEASE'].map(p => h('label', { className: 'row' }, h('input', { type: 'checkbox', value: p, checked: p === 'READ' }), p)),
  keyCode,
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

  main.append(h('h1', {}, 'Account'), fundForm, totp, accountForm, h('h2', {}, 'API keys'), keyForm, secret,
    h('table', { 'aria-label': 'API keys' }, h('thead', {}, h('tr', {}, h('th', {}, 'Key'), h('th', {}, 'Label'),
      h('th', {}, 'Permissions'), h('th', {}, ''))), keys));
  loadKeys();
  drawTotp();
}
