import { h, field } from '../dom.js';
import { signIn, signUp } from '../session.js';

// Sign in, or sign up (which signs in). Usernames 3 to 32 characters, passwords at least 10 (the server says which).
// An account with an authenticator is asked for its code (or a recovery code) once the password is right.
export function render(main, params, name) {
  const creating = name === 'signup';
  const message = h('p', { className: 'error', role: 'alert' });
  const codeLabel = h('label', { hidden: true }, 'Authenticator code',
    h('input', { name: 'totpCode', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 16 }));
  const form = h('form', { className: 'stack panel', onsubmit: async event => {
    event.preventDefault();
    message.textContent = '';
    try {
      if (creating) {
        await signUp(field(form, 'username'), form.elements.password.value);
      } else {
        await signIn(field(form, 'username'), form.elements.password.value, field(form, 'totpCode'));
      }
      location.hash = '#/trade';
    } catch (error) {
      if (error.code === 'TOTP_REQUIRED') {
        codeLabel.hidden = false;
        form.elements.totpCode.focus();
      }
      message.textContent = error.message;
    }
  } },
  h('h1', {}, creating ? 'Create an account' : 'Sign in'),
  h('label', {}, 'Username', h('input', { name: 'username', autocomplete: 'username', required: true })),
  h('label', {}, 'Password', h('input', { name: 'password', type: 'password', required: true,
    autocomplete: creating ? 'new-password' : 'current-password' })),
  codeLabel,
  h('button', { className: 'primary', type: 'submit' }, creating ? 'Sign up' : 'Sign in'),
  message,
  creating ? h('p', {}, 'Have an account? ', h('a', { href: '#/signin' }, 'Sign in'))
    : h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')));
  main.appendChild(form);
  form.elements.username.focus();
}
