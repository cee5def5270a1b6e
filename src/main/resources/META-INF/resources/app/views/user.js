import { h, replace, toast } from '../dom.js';
import { request } from '../connection.js';
import { current } from '../session.js';

// A user's public profile: stats, online flag, the feedback others left; block or unblock (signed in).
export function render(main, params) {
  const userId = Number(params[0]);
  const heading = h('h1', {}, 'User');
  const facts = h('dl', { className: 'facts', id: 'profile' });
  const blockButton = h('button', { type: 'button', id: 'block', hidden: true });
  const feedback = h('ul', { id: 'feedback-list' });
  main.append(heading, h('div', { className: 'panel' }, facts, h('div', { className: 'row' }, blockButton)),
    h('h2', {}, 'Feedback'), feedback);

  function percent(rate) {
    return rate === null ? 'none yet' : Math.round(Number(rate) * 1000) / 10 + '%';
  }

  function minutes(seconds) {
    return seconds === null ? 'no sample yet' : Math.max(1, Math.round(seconds / 60)) + ' min';
  }

  async function drawBlock() {
    const me = current()?.user?.id;
    if (!me || me === userId) return;
    const blocks = await request('blocks.list').catch(() => []);
    const blocked = blocks.some(b => b.userId === userId);
    blockButton.hidden = false;
    blockButton.textContent = blocked ? 'Unblock' : 'Block';
    blockButton.onclick = async () => {
      try {
        await request(blocked ? 'user.unblock' : 'user.block', { userId });
        toast(blocked ? 'Unblocked.' : 'Blocked: you will not trade with each other or see each other\'s ads.');
        drawBlock();
      } catch (error) {
        toast(error.message, 'error');
      }
    };
  }

  async function start() {
    try {
      const p = await request('user.profile', { userId });
      heading.textContent = p.username;
      replace(facts,
        h('dt', {}, 'Status'), h('dd', {}, p.online ? 'Online' : 'Offline'),
        h('dt', {}, 'Role'), h('dd', {}, p.role),
        h('dt', {}, 'Completed orders'), h('dd', {}, p.completedOrders + ' (' + p.completedOrders30d + ' in 30 days)'),
        h('dt', {}, 'Completion rate (30 days)'), h('dd', {}, percent(p.completionRate30d)),
        h('dt', {}, 'Average time to pay'), h('dd', {}, minutes(p.avgPaySeconds)),
        h('dt', {}, 'Average time to release'), h('dd', {}, minutes(p.avgReleaseSeconds)),
        h('dt', {}, 'Positive feedback'), h('dd', { id: 'positive-rate' }, percent(p.positiveRate) + ' of ' + p.feedbackCount),
        h('dt', {}, 'Account age'), h('dd', {}, p.accountAgeDays + ' days'));
      const page = await request('user.feedback', { userId, size: 50 });
      replace(feedback, page.items.length === 0 ? h('li', { className: 'muted' }, 'No feedback yet.')
        : page.items.map(f => h('li', {}, h('strong', {}, f.positive ? 'Positive' : 'Negative'), ' from ',
          f.fromUsername || 'user ' + f.fromUserId, f.comment ? ': ' + f.comment : '')));
      drawBlock();
    } catch (error) {
      replace(main, h('h1', {}, 'User'), h('p', { className: 'error' }, error.message));
    }
  }

  start();
}
