import { h, replace, toast } from '../dom.js';
import { request, serverNow, subscribe } from '../connection.js';
import { current } from '../session.js';
import { profile } from '../profiles.js';
import { fileUrl, rest, upload } from '../api.js';

// One order: its state timeline, live countdowns to its deadlines, the counterparty, exactly the actions the
// state and the person's side allow, the live chat, and feedback once completed.
export const needsSignIn = true;

const STEPS = ['PENDING_PAYMENT', 'PAID', 'COMPLETED'];
const LABELS = { PENDING_PAYMENT: 'Awaiting payment', PAID: 'Paid', COMPLETED: 'Completed', CANCELLED: 'Cancelled',
  EXPIRED: 'Expired', DISPUTED: 'In dispute' };

export function render(main, params) {
  const orderId = Number(params[0]);
  const me = current().user.id;
  const stops = [];
  let order = null;
  // Whether this person has an authenticator: the release form then asks for its code first.
  let authenticatorOn = false;
  rest('GET', '/api/v1/account/totp').then(status => {
    authenticatorOn = status.enabled;
    if (order && order.state === 'PAID') draw();
  }).catch(() => {});
  const heading = h('h1', {}, 'Order #' + orderId);
  const timeline = h('ol', { className: 'timeline', 'aria-label': 'Order state' });
  const facts = h('dl', { className: 'facts' });
  const clocks = h('p', { className: 'muted', id: 'deadlines' });
  const counterparty = h('p', { className: 'muted' });
  const actions = h('div', { className: 'row', id: 'actions' });
  const payment = h('div', { id: 'payment-details' });
  const actionMessage = h('p', { className: 'error', role: 'alert' });
  const lines = h('div', { className: 'chat', id: 'chat', 'aria-live': 'polite' });
  const seen = new Set();
  const chatInput = h('input', { name: 'text', maxlength: 2000, 'aria-label': 'Message', placeholder: 'Write a message' });
  // A payment proof: uploaded over REST first, then referred to by the chat line that carries it.
  const fileInput = h('input', { type: 'file', name: 'file', 'aria-label': 'Attach a proof',
    accept: 'image/png,image/jpeg,image/webp,application/pdf' });
  const chatForm = h('form', { className: 'row', onsubmit: async event => {
    event.preventDefault();
    const text = chatInput.value.trim();
    const file = fileInput.files[0];
    if (!text && !file) return;
    try {
      const attachmentIds = file ? [(await upload('/api/v1/orders/' + orderId + '/attachments', file)).id] : [];
      addLine(await request('chat.send', { orderId, text, attachmentIds }));
      chatInput.value = '';
      fileInput.value = '';
    } catch (error) {
      toast(error.message, 'error');
    }
  } }, chatInput, fileInput, h('button', { type: 'submit' }, 'Send'));
  const feedback = h('div', { id: 'feedback' });
  // The appeal's dossier: every statement of evidence, with its files, in one place for both parties and the arbiter.
  const appeal = h('div', { id: 'appeal' });
  main.append(heading, h('div', { className: 'panel' }, timeline, facts, clocks, counterparty, payment, actions, actionMessage),
    appeal, h('div', { className: 'panel' }, h('h2', {}, 'Chat'), lines, chatForm), feedback);

  function side() {
    return order.buyerId === me ? 'buyer' : order.sellerId === me ? 'seller' : 'arbiter';
  }

  function draw() {
    const state = order.state;
    replace(timeline, (STEPS.includes(state) ? STEPS : ['PENDING_PAYMENT', state]).map((step, i, all) =>
      h('li', { className: step === state ? 'current' : all.indexOf(state) > i ? 'done' : '' }, LABELS[step] || step)));
    const [asset, fiat] = order.market.split('-');
    replace(facts,
      h('dt', {}, 'You'), h('dd', {}, side() === 'buyer' ? 'buy ' + order.quantity + ' ' + asset
        : side() === 'seller' ? 'sell ' + order.quantity + ' ' + asset : 'arbitrate'),
      h('dt', {}, 'Amount'), h('dd', { id: 'fiat-amount' }, order.fiatAmount + ' ' + fiat),
      h('dt', {}, 'Price'), h('dd', {}, order.price + ' ' + fiat),
      h('dt', {}, 'Payment method'), h('dd', {}, order.paymentMethod),
      h('dt', {}, 'State'), h('dd', { id: 'order-state' }, LABELS[state] || state),
      order.cancelRequested ? [h('dt', {}, 'Cancel'), h('dd', {}, 'The seller asked to cancel')] : null);
    const other = side() === 'buyer' ? order.sellerId : order.buyerId;
    const otherName = side() === 'buyer' ? order.sellerName : order.buyerName;
    profile(other).then(p => {
      replace(counterparty, 'Counterparty ', h('a', { href: '#/user/' + other }, otherName || 'user ' + other),
        p ? ': ' + p.completedOrders30d + ' orders in 30 days' + (p.online ? ', online' : '') : '');
    });
    drawActions();
    drawFeedback();
    drawPayment();
    drawAppeal();
    tick();
  }

  // Where the buyer pays: the seller's account for the order's method, while the order is open.
  let paymentShownFor = null;
  async function drawPayment() {
    const open = ['PENDING_PAYMENT', 'PAID', 'DISPUTED'].includes(order.state);
    if (!open || (side() === 'arbiter' && order.state !== 'DISPUTED')) {
      replace(payment);
      paymentShownFor = null;
      return;
    }
    if (paymentShownFor === order.state) return;
    paymentShownFor = order.state;
    try {
      const account = await request('order.payment_details', { orderId });
      replace(payment, h('div', { className: 'panel' }, h('h2', {}, side() === 'seller' ? 'Your ' + account.method
        + ' account, shown to the buyer' : 'Pay to (' + account.method + ')'),
      h('dl', { className: 'facts' }, h('dt', {}, 'Holder'), h('dd', { id: 'payee' }, account.holder),
        h('dt', {}, 'Details'), h('dd', { id: 'payee-details' }, account.details),
        h('dt', {}, 'Amount'), h('dd', {}, order.fiatAmount + ' ' + order.market.split('-')[1]))));
    } catch (error) {
      replace(payment, h('p', { className: 'muted' }, error.message));
    }
  }

  function act(label, op, args, className) {
    return h('button', { type: 'button', className, onclick: async () => {
      actionMessage.textContent = '';
      try {
        order = await request(op, { orderId, ...(typeof args === 'function' ? args() : args) });
        draw();
      } catch (error) {
        actionMessage.textContent = error.message;
      }
    } }, label);
  }

  function drawActions() {
    const s = order.state;
    const appealable = order.appealableFrom && Date.parse(order.appealableFrom) <= serverNow();
    appealShown = Boolean(appealable);
    const buttons = [];
    if (side() === 'buyer') {
      if (s === 'PENDING_PAYMENT') buttons.push(act('I have paid', 'order.paid', {}, 'primary'));
      if (s === 'PENDING_PAYMENT' || s === 'PAID') buttons.push(act('Cancel order', 'order.cancel', {}));
      if (s === 'PAID' && order.cancelRequested) {
        buttons.push(act('Accept cancel', 'order.review_cancel', { accept: true }));
        buttons.push(act('Reject cancel', 'order.review_cancel', { accept: false }));
      }
    }
    if (side() === 'seller') {
      if (s === 'PAID') buttons.push(releaseForm());
      if ((s === 'PENDING_PAYMENT' || s === 'PAID') && !order.cancelRequested) {
        buttons.push(act('Ask to cancel', 'order.cancel_request', {}));
      }
    }
    if (s === 'PAID' && side() !== 'arbiter') {
      buttons.push(appealable ? (appealInput ??= appealForm())
        : h('span', { className: 'muted' }, 'Appeal possible from ' + time(order.appealableFrom)));
    }
    if (s === 'DISPUTED' && order.appellantId === me) buttons.push(act('Withdraw appeal', 'order.withdraw_appeal', {}));
    if (s === 'DISPUTED' && side() === 'arbiter') {
      buttons.push(act('Release to buyer', 'order.resolve', { outcome: 'RELEASE' }));
      buttons.push(act('Refund seller', 'order.resolve', { outcome: 'REFUND' }));
    }
    replace(actions, buttons);
  }

  // Opening an appeal, with an optional first statement and file (checked before the dispute opens). Built once:
  // what is typed into it survives the actions being drawn again (an order push, the authenticator's status).
  let appealInput = null;
  function appealForm() {
    const statement = h('input', { name: 'statement', maxlength: 2000, 'aria-label': 'Appeal statement',
      placeholder: 'What happened (optional)' });
    const file = evidenceFile('Appeal evidence file');
    return h('form', { className: 'row', onsubmit: async event => {
      event.preventDefault();
      actionMessage.textContent = '';
      try {
        order = await rest('POST', '/api/v1/orders/' + orderId + '/appeal', await evidence(statement, file, false));
        draw();
      } catch (error) {
        actionMessage.textContent = error.message;
      }
    } }, statement, file, h('button', { type: 'submit' }, 'Appeal'));
  }

  function evidenceFile(label) {
    return h('input', { type: 'file', name: 'file', 'aria-label': label, accept: 'image/png,image/jpeg,image/webp,application/pdf' });
  }

  // A statement's body: the file uploaded first, then named; none at all when both are empty and none is needed.
  async function evidence(statementInput, fileInput, required) {
    const statement = statementInput.value.trim();
    const file = fileInput.files[0];
    if (!statement && !file) {
      if (required) throw new Error('Write a statement or attach a file');
      return undefined;
    }
    const attachmentIds = file ? [(await upload('/api/v1/orders/' + orderId + '/attachments', file)).id] : [];
    return { statement: statement || undefined, attachmentIds };
  }

  // Built once and kept, so that a statement being written survives the dossier being drawn again.
  const opened = h('p', { className: 'muted' });
  const statements = h('ol', { className: 'statements', id: 'statements' });
  const evidenceInput = evidenceForm();
  let dossierLoading = null;
  let dossierAgain = false;
  function drawAppeal() {
    if (order.state !== 'DISPUTED' && !appeal.firstChild) return;
    if (dossierLoading) {
      dossierAgain = true;
      return;
    }
    dossierLoading = rest('GET', '/api/v1/orders/' + orderId + '/appeal').then(dossier => {
      if (!appeal.firstChild) appeal.append(h('div', { className: 'panel' }, h('h2', {}, 'Appeal'), opened, statements, evidenceInput));
      opened.textContent = dossier.openedBy ? 'Opened by ' + (dossier.openedByName || 'user ' + dossier.openedBy)
        + ' at ' + time(dossier.openedAt) : 'Withdrawn';
      replace(statements, dossier.statements.map(statementItem));
      evidenceInput.hidden = order.state !== 'DISPUTED';
    }).catch(error => {
      if (order.state === 'DISPUTED') toast(error.message, 'error');
    }).finally(() => {
      dossierLoading = null;
      if (dossierAgain) {
        dossierAgain = false;
        drawAppeal();
      }
    });
  }

  function statementItem(statement) {
    return h('li', { dataset: { statementId: statement.id } },
      h('strong', {}, statement.authorName + ' (' + statement.role.toLowerCase() + ')'),
      h('span', { className: 'muted' }, ' ' + time(statement.sentAt)),
      statement.statement ? h('p', {}, statement.statement) : null,
      (statement.attachments || []).map(attachmentLink));
  }

  function evidenceForm() {
    const statement = h('textarea', { name: 'statement', maxlength: 2000, rows: 2, 'aria-label': 'Statement',
      placeholder: 'Your statement' });
    const file = evidenceFile('Evidence file');
    return h('form', { className: 'row', onsubmit: async event => {
      event.preventDefault();
      try {
        await rest('POST', '/api/v1/orders/' + orderId + '/appeal/evidence', await evidence(statement, file, true));
        statement.value = '';
        file.value = '';
        drawAppeal();
      } catch (error) {
        toast(error.message, 'error');
      }
    } }, statement, file, h('button', { type: 'submit' }, 'Add evidence'));
  }

  // The fund password or, for an account with an authenticator, its code (a recovery code works too).
  function releaseForm() {
    let useCode = authenticatorOn;
    const secret = h('input', { type: 'password', name: 'fundPassword', autocomplete: 'off', required: true });
    const switcher = h('button', { type: 'button', className: 'link' });
    function label() {
      const name = useCode ? 'Authenticator code' : 'Fund password';
      secret.type = useCode ? 'text' : 'password';
      secret.name = useCode ? 'totpCode' : 'fundPassword';
      secret.setAttribute('aria-label', name);
      secret.placeholder = name;
      switcher.textContent = useCode ? 'Use the fund password' : 'Use an authenticator code';
      switcher.hidden = !authenticatorOn;
    }
    switcher.onclick = () => { useCode = !useCode; label(); };
    label();
    return h('form', { className: 'row', onsubmit: async event => {
      event.preventDefault();
      actionMessage.textContent = '';
      try {
        order = await request('order.release', useCode ? { orderId, totpCode: secret.value.trim() }
          : { orderId, fundPassword: secret.value });
        draw();
      } catch (error) {
        actionMessage.textContent = error.message;
      }
    } }, secret, h('button', { type: 'submit', className: 'primary' }, 'Release ' + order.market.split('-')[0]), switcher);
  }


  let feedbackLeft = false;
  function drawFeedback() {
    if (order.state !== 'COMPLETED' || side() === 'arbiter') {
      replace(feedback);
      return;
    }
    if (feedbackLeft) {
      replace(feedback, h('p', { className: 'ok panel' }, 'Thanks for your feedback.'));
      return;
    }
    if (feedback.firstChild) return;
    const comment = h('input', { name: 'comment', maxlength: 500, 'aria-label': 'Comment', placeholder: 'Comment (optional)' });
    const leave = positive => async () => {
      try {
        await request('feedback.leave', { orderId, positive, comment: comment.value.trim() || undefined });
        feedbackLeft = true;
        drawFeedback();
      } catch (error) {
        toast(error.message, 'error');
      }
    };
    replace(feedback, h('div', { className: 'panel' }, h('h2', {}, 'How did it go?'), h('div', { className: 'row' }, comment,
      h('button', { type: 'button', onclick: leave(true) }, 'Positive'),
      h('button', { type: 'button', onclick: leave(false) }, 'Negative'))));
  }

  function time(iso) {
    return new Date(iso).toLocaleTimeString();
  }

  function left(iso) {
    const ms = Date.parse(iso) - serverNow();
    if (ms <= 0) return 'now';
    const s = Math.floor(ms / 1000);
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function tick() {
    if (!order) return;
    const parts = [];
    if (order.state === 'PENDING_PAYMENT' && order.payBy) parts.push('Pay within ' + left(order.payBy));
    if (order.state === 'PAID' && order.releaseBy) parts.push('Release due within ' + left(order.releaseBy));
    if (order.state === 'PAID' && order.appealableFrom && Date.parse(order.appealableFrom) > serverNow()) {
      parts.push('appeal possible in ' + left(order.appealableFrom));
    }
    clocks.textContent = parts.join(', ');
  }

  function addLine(message) {
    if (message.orderId !== orderId || seen.has(message.id)) return;
    seen.add(message.id);
    const kind = message.kind === 'SYSTEM' ? 'system' : message.authorId === me ? 'mine' : '';
    const evidenceLine = message.kind === 'EVIDENCE';
    lines.appendChild(h('div', { className: 'line ' + kind + (evidenceLine ? ' evidence' : ''),
      dataset: { messageId: message.id } },
      message.kind === 'SYSTEM' ? '' : h('strong', {}, (message.authorName || 'auto-reply')
        + (evidenceLine ? ' (evidence)' : '') + ': '), message.text,
      (message.attachments || []).map(attachmentLink)));
    lines.scrollTop = lines.scrollHeight;
    if (evidenceLine && order) drawAppeal();
  }

  // A file of a chat line: its thumbnail (images) and a link that saves it; both fetched with the token.
  function attachmentLink(attachment) {
    const path = '/api/v1/orders/' + orderId + '/attachments/' + attachment.id;
    const link = h('a', { href: '#', className: 'attachment', dataset: { attachmentId: attachment.id },
      onclick: async event => {
        event.preventDefault();
        try {
          const save = h('a', { href: await fileUrl(path), download: attachment.fileName });
          save.click();
        } catch (error) {
          toast(error.message, 'error');
        }
      } }, attachment.fileName);
    const box = h('div', { className: 'attachment-box' }, link);
    if (attachment.thumbnail) {
      fileUrl(path + '/thumbnail').then(url => box.prepend(h('img', { src: url, alt: attachment.fileName })))
        .catch(() => {});
    }
    return box;
  }

  async function start() {
    try {
      order = await request('order.get', { orderId });
    } catch (error) {
      replace(main, h('h1', {}, 'Order #' + orderId), h('p', { className: 'error' }, error.message));
      return;
    }
    draw();
    (await request('chat.history', { orderId }).catch(() => [])).forEach(addLine);
    stops.push(subscribe('orders', frame => {
      const changed = frame.type === 'snapshot' ? frame.data.orders : [frame.data];
      const mine = changed.find(o => o.id === orderId);
      if (mine) {
        order = mine;
        draw();
      }
    }));
    stops.push(subscribe('chat', frame => {
      (frame.type === 'snapshot' ? frame.data.messages : [frame.data]).forEach(addLine);
    }));
    // An arbiter is no party: the order's lines (and its evidence) reach staff on the disputes channel.
    if (side() === 'arbiter') {
      stops.push(subscribe('disputes', frame => {
        if (frame.type === 'message') addLine(frame.data);
        if (frame.type === 'order' && frame.data.id === orderId) {
          order = frame.data;
          draw();
        }
      }));
    }
  }

  const clock = setInterval(() => { tick(); if (order?.state === 'PAID') drawActionsIfAppealable(); }, 1000);
  let appealShown = false;
  function drawActionsIfAppealable() {
    const now = order.appealableFrom && Date.parse(order.appealableFrom) <= serverNow();
    if (now && !appealShown) {
      appealShown = true;
      drawActions();
    }
  }
  start();
  return () => {
    clearInterval(clock);
    stops.forEach(stop => stop());
  };
}
