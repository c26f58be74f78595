// The journey debugger: one customer's raw event stream (DEVELOPER) on a time axis, one lane per channel, with
// arrows from cause to effect; a selected event shows its payload, its metadata and the journey's state right
// after it (time travel: GET /api/customers/{id}/state?atSequence=N). Step with the buttons or ← and →.
import { api, query, ApiError } from './api.js';
import { $, el, clear, setText, when, json } from './dom.js';
import { chart, CHANNELS } from './charts.js';
import { showError } from './app.js';

const ENGINE = 'ENGINE';

let customerId = null;
let events = [];
let causes = new Map();      // sequence -> { from: sequence, why: text }
let selected = -1;           // index into events
const states = new Map();    // sequence -> state answer

export function init() {
  $('debugger-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const id = $('debugger-customer').value.trim();
    if (id) location.hash = '#/debugger/' + encodeURIComponent(id);
  });
  $('step-back').addEventListener('click', () => step(-1));
  $('step-forward').addEventListener('click', () => step(1));
  document.addEventListener('keydown', (event) => {
    if ($('page-debugger').hidden || !events.length || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest('input, select, textarea, dialog')) return;
    if (event.key === 'ArrowLeft') { event.preventDefault(); step(-1); }
    if (event.key === 'ArrowRight') { event.preventDefault(); step(1); }
  });
}

export async function show(parts) {
  const id = parts[0];
  if (!id) return;
  $('debugger-customer').value = id;
  if (id !== customerId) await load(id);
  const wanted = parts[1] === undefined ? 0 : events.findIndex((e) => String(e.sequence) === parts[1]);
  await select(wanted < 0 ? 0 : wanted);
}

async function load(id) {
  const all = [];
  let from = 0;
  // The stream a page at a time (1000 events at most per call), to the end.
  try {
    while (from !== null) {
      const page = await api(`/api/customers/${encodeURIComponent(id)}/events` + query({ fromSequence: from, limit: 1000 }),
                             { exactNumbers: true });
      all.push(...page.events);
      from = page.nextSequence;
    }
  } catch (error) {
    customerId = null;
    $('debugger-content').hidden = true;
    $('debugger-hint').hidden = false;
    if (error instanceof ApiError && error.code === 'CUSTOMER_NOT_FOUND') {
      throw new Error(`No customer ${id}: it has no events.`);
    }
    throw error;
  }
  customerId = id;
  events = all;
  states.clear();
  causes = causation(all);
  selected = -1;
  $('debugger-hint').hidden = true;
  $('debugger-content').hidden = false;
  setText('debugger-customerId', id);
  setText('debugger-count', `${all.length} events`);
  draw();
  drawList();
}

/** The lane of an event: its touchpoint's channel; an engine's own event on the channel it used, else ENGINE. */
function lane(event) {
  const m = event.metadata || {};
  if (m.channel) return m.channel;
  const p = event.payload || {};
  const channel = p.touchpoint && p.touchpoint.channel;
  return CHANNELS.includes(channel) ? channel : ENGINE;
}

/**
 * What caused what, from the metadata alone: the events of one command share its causationId, so each later one
 * follows the first (a purchase → its code redeemed → its stage reached); a deadline's first event follows the
 * touchpoint that set the deadline (deadlineCause), so a reminder ← its abandonment ← the last cart change.
 */
function causation(all) {
  const result = new Map();
  const firstOfCommand = new Map();
  const firstOfTouchpoint = new Map();
  for (const e of all) {
    const m = e.metadata || {};
    if (m.touchpointId && !firstOfTouchpoint.has(m.touchpointId)) firstOfTouchpoint.set(m.touchpointId, e);
    const group = m.causationId;
    if (group && firstOfCommand.has(group)) {
      const first = firstOfCommand.get(group);
      result.set(e.sequence, { from: first.sequence,
        why: `event ${first.sequence} (${first.type})` + (m.deadline ? ` through deadline ${m.deadline}` : ', same touchpoint') });
      continue;
    }
    if (group) firstOfCommand.set(group, e);
    if (m.deadlineCause) {
      const cause = firstOfTouchpoint.get(m.deadlineCause);
      result.set(e.sequence, cause
        ? { from: cause.sequence, why: `touchpoint ${m.deadlineCause} (event ${cause.sequence}, ${cause.type}) through deadline ${m.deadline}` }
        : { from: null, why: `touchpoint ${m.deadlineCause} through deadline ${m.deadline}` });
    }
  }
  return result;
}

function lanes() {
  const used = new Set(events.map(lane));
  return [...CHANNELS.filter((c) => used.has(c)), ...(used.has(ENGINE) ? [ENGINE] : [])];
}

/**
 * Where an event sits on the time axis: its touchpoint's occurredAt; the engine's own events (a deadline's) have no
 * touchpoint, so the business time they act at: an abandonment's abandonedAt, an idle close's closedAt, an expiry's
 * expiresAt; else when it was recorded.
 */
function time(event) {
  const p = event.payload || {};
  return event.occurredAt || p.abandonedAt || p.closedAt || p.expiresAt || event.recordedAt;
}

/** Events at the same moment on the same lane sit side by side instead of on top of each other. */
function offsets() {
  const groups = new Map();
  for (const e of events) {
    const k = lane(e) + '|' + time(e);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(e.sequence);
  }
  const result = new Map();
  for (const members of groups.values()) {
    members.forEach((seq, i) => result.set(seq, [(i - (members.length - 1) / 2) * 14, 0]));
  }
  return result;
}

function color(e) {
  const m = e.metadata || {};
  if (m.deadline) return '#e67e22';
  return causes.has(e.sequence) ? '#8fb3f0' : '#2f6fdf';
}

function point(e, shift) {
  return { value: [time(e), lane(e)], sequence: e.sequence, name: `${e.sequence} ${e.type}`,
           symbolOffset: shift.get(e.sequence), itemStyle: { color: color(e) } };
}

function draw() {
  const shift = offsets();
  const bySequence = new Map(events.map((e) => [e.sequence, e]));
  const links = [];
  for (const [seq, cause] of causes) {
    if (cause.from === null) continue;
    const from = bySequence.get(cause.from);
    const to = bySequence.get(seq);
    if (time(from) === time(to) && lane(from) === lane(to)) continue;  // side by side already
    links.push({ coords: [[time(from), lane(from)], [time(to), lane(to)]] });
  }
  const instance = chart('chart-journey');
  instance.setOption({
    animation: false,
    tooltip: { trigger: 'item', formatter: (p) => p.seriesName === 'Events'
      ? `#${p.data.sequence} ${bySequence.get(p.data.sequence).type}<br>${lane(bySequence.get(p.data.sequence))} · ${when(p.value[0])}` : '' },
    grid: { left: 100, right: 30, top: 20, bottom: 70 },
    xAxis: { type: 'time', name: 'occurredAt (UTC)', nameLocation: 'middle', nameGap: 28,
             axisLabel: { hideOverlap: true },
             // A margin of 3% of the span on either side, so that the first and last events clear the axes.
             min: (v) => v.min - Math.max((v.max - v.min) * 0.03, 60000),
             max: (v) => v.max + Math.max((v.max - v.min) * 0.03, 60000) },
    yAxis: { type: 'category', data: lanes(), splitLine: { show: true } },
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'slider', xAxisIndex: 0, height: 18, bottom: 8 }],
    series: [
      { name: 'Causation', type: 'lines', coordinateSystem: 'cartesian2d', silent: true, z: 1,
        lineStyle: { color: '#e67e22', width: 1.5, curveness: 0.25, opacity: 0.8 },
        symbol: ['none', 'arrow'], symbolSize: 8, data: links },
      { name: 'Events', type: 'scatter', symbolSize: 12, z: 3, cursor: 'pointer',
        data: events.map((e) => point(e, shift)) },
      { name: 'Selected', type: 'scatter', symbolSize: 24, z: 2, silent: true,
        itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#17202c', borderWidth: 2.5 }, data: [] },
    ],
  }, true);
  instance.off('click');
  instance.on('click', (p) => {
    if (p.seriesName === 'Events') {
      select(events.findIndex((e) => e.sequence === p.data.sequence)).catch(showError);
    }
  });
}

function drawList() {
  clear($('event-list')).append(...events.map((e, i) => el('li', { value: e.sequence },
    el('button', { type: 'button', 'data-sequence': e.sequence, text: `${e.type} · ${lane(e)} · ${when(time(e))}`,
                   onclick: () => select(i).catch(showError) }))));
}

async function step(direction) {
  const next = selected + direction;
  if (next >= 0 && next < events.length) await select(next).catch(showError);
}

async function select(index) {
  if (index < 0 || index >= events.length) return;
  selected = index;
  const e = events[index];
  history.replaceState(null, '', `#/debugger/${encodeURIComponent(customerId)}/${e.sequence}`);
  setText('step-position', `Event ${index + 1} of ${events.length}`);
  $('step-back').disabled = index === 0;
  $('step-forward').disabled = index === events.length - 1;
  setText('event-sequence', String(e.sequence));
  setText('event-type', e.type);
  setText('event-occurredAt', e.occurredAt ? when(e.occurredAt) : `– (the engine's own event, placed at ${when(time(e))})`);
  setText('event-recordedAt', when(e.recordedAt));
  setText('event-channel', lane(e));
  setText('event-cause', causes.has(e.sequence) ? causes.get(e.sequence).why
    : (e.metadata && e.metadata.touchpointId ? `touchpoint ${e.metadata.touchpointId}` : '–'));
  setText('event-payload', json(e.payload));
  setText('event-metadata', json(e.metadata));
  document.querySelectorAll('#event-list button').forEach((b) => {
    if (b.dataset.sequence === String(e.sequence)) b.setAttribute('aria-current', 'true');
    else b.removeAttribute('aria-current');
  });
  const shift = offsets();
  chart('chart-journey').setOption({ series: [{ name: 'Causation' }, { name: 'Events' },
    { name: 'Selected', data: [{ value: [time(e), lane(e)], symbolOffset: shift.get(e.sequence) }] }] });

  let answer = states.get(e.sequence);
  if (!answer) {
    setText('state-sequence', '…');
    answer = await api(`/api/customers/${encodeURIComponent(customerId)}/state` + query({ atSequence: e.sequence }),
                     { exactNumbers: true });
    states.set(e.sequence, answer);
  }
  if (events[selected] !== e) return;  // stepped on meanwhile
  const state = answer.state;
  setText('state-stage', (state.lifecycle && state.lifecycle.stage) || '–');
  setText('state-cart-total', state.cart ? `${state.cart.total}${state.cart.currency ? ' ' + state.cart.currency : ''}` : '–');
  setText('state-codes', (state.promotions || []).map((p) => `${p.code} ${p.redemption ? 'redeemed via ' + p.redemption.via : 'unused'}`).join(', ') || '–');
  setText('state-json', json(state));
  setText('state-sequence', String(answer.atSequence));
}

export function leave() {
  // Nothing runs in the background here; the loaded journey stays for when the page shows again.
}
