// Operations (ADMIN): every view's position, lag and replay progress, a replay button with a confirmation, and the
// nodes sharing the database. Refreshed every two seconds while the page is open.
import { api, ApiError } from './api.js';
import { $, el, clear, setText, count } from './dom.js';
import { showError, showInfo } from './app.js';

let timer = null;
let pending = null;

export function init() {
  $('operations-refresh').addEventListener('click', () => refresh().catch(stop));
  $('replay-dialog').addEventListener('close', () => {
    const name = pending;
    pending = null;
    if ($('replay-dialog').returnValue === 'confirm' && name) replay(name).catch(showError);
  });
}

export async function show() {
  await refresh();
  clearInterval(timer);
  timer = setInterval(() => refresh().catch(stop), 2000);
}

export function leave() {
  clearInterval(timer);
  timer = null;
}

function stop(error) {
  leave();
  showError(error);
}

async function refresh() {
  let views;
  try {
    views = await api('/api/admin/projections');
  } catch (error) {
    clear($('view-rows'));
    clear($('node-rows'));
    throw error;
  }
  // The replay progress is on each view's own answer.
  const details = await Promise.all(views.map((v) => api('/api/admin/projections/' + encodeURIComponent(v.name))));
  clear($('view-rows')).append(...details.map(({ view, replay }) => el('tr', { 'data-testid': 'view-' + view.name },
    el('th', { scope: 'row', text: view.name }),
    el('td', { text: view.running ? 'yes' : 'no' }),
    el('td', { className: 'num', text: `${view.segments} (${view.segmentsClaimedHere})` }),
    el('td', { className: 'num', 'data-testid': `view-${view.name}-position`, text: count(view.position) }),
    el('td', { className: 'num', 'data-testid': `view-${view.name}-head`, text: count(view.head) }),
    el('td', { className: 'num', 'data-testid': `view-${view.name}-lag`, text: count(view.lag) }),
    el('td', { className: 'num', text: `${view.deadLetters} (${view.parkedCustomers} customers)` }),
    el('td', { 'data-testid': `view-${view.name}-replay` }, replayCell(replay)),
    el('td', {}, el('button', { type: 'button', className: 'small secondary', 'data-testid': `replay-${view.name}`,
                                'aria-label': 'Rebuild the view ' + view.name, text: 'Replay',
                                disabled: replay && replay.replaying,
                                onclick: () => confirmReplay(view.name) })))));
  await refreshNodes();
}

function replayCell(replay) {
  if (!replay) return '–';
  const text = `${replay.replaying ? 'replaying' : 'done'} ${replay.percentage}% · ${replay.eventsPerSecond} events/s`;
  return el('span', {}, el('progress', { className: 'progress', max: 100, value: replay.percentage,
                                         'aria-label': 'Replay progress' }), ' ', text);
}

async function refreshNodes() {
  let nodes;
  try {
    nodes = await api('/api/admin/nodes');
  } catch (error) {
    // An engine without the cluster endpoint still shows its views.
    if (error instanceof ApiError && error.status === 404) return;
    throw error;
  }
  setText('nodes-summary', `${nodes.liveNodes} live node(s); answered by ${nodes.answeredBy}`);
  clear($('node-rows')).append(...nodes.nodes.map((n) => el('tr', {},
    el('th', { scope: 'row', text: n.nodeId + (n.self ? ' (this node)' : '') }),
    el('td', { text: n.live ? 'yes' : 'no' }), el('td', { text: n.startedAt }), el('td', { text: n.lastSeen }),
    el('td', { text: Object.entries(n.segments).map(([v, s]) => `${v} [${s.join(', ')}]`).join('; ') }))));
}

function confirmReplay(name) {
  pending = name;
  setText('replay-dialog-name', name);
  $('replay-dialog').returnValue = '';
  $('replay-dialog').showModal();
  $('replay-cancel').focus();
}

async function replay(name) {
  await api('/api/admin/projections/' + encodeURIComponent(name) + '/replay', { method: 'POST' });
  showInfo(`Replay of ${name} started; its progress shows below.`);
  await refresh();
}
