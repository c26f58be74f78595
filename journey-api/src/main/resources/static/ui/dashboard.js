// The analysts' dashboard: every figure is the analytics endpoints' own, shown as it was answered (rates as
// percentages with every digit kept), next to a chart of it.
import { api, query } from './api.js';
import { $, el, clear, setText, percent, count, duration } from './dom.js';
import { chart, CHANNELS, STAGES } from './charts.js';
import { showError } from './app.js';

let range = { from: '', to: '' };

export function init() {
  $('range-form').addEventListener('submit', (event) => {
    event.preventDefault();
    range = { from: instant($('range-from').value), to: instant($('range-to').value) };
    load().catch(showError);
  });
  $('range-clear').addEventListener('click', () => {
    $('range-from').value = '';
    $('range-to').value = '';
    range = { from: '', to: '' };
    load().catch(showError);
  });
  $('promo-select').addEventListener('change', () => drawPromotion());
  $('stage-select').addEventListener('change', () => loadCustomers().catch(showError));
}

/** A datetime-local value, read as UTC, as the instant the endpoints take. */
function instant(local) {
  if (!local) return '';
  return (local.length === 16 ? local + ':00' : local) + 'Z';
}

export async function show() {
  await load();
}

let promotions = [];

async function load() {
  const q = query(range);
  setText('range-label', range.from || range.to
    ? `From ${range.from || 'the beginning'} to ${range.to || 'now'} (occurredAt, from inclusive, to exclusive)`
    : 'All time');
  let funnel, channels, journeys, promotionList, carts;
  try {
    [funnel, channels, journeys, promotionList, carts] = await Promise.all([
      api('/api/analytics/funnel' + q), api('/api/analytics/channels' + q), api('/api/analytics/journeys' + q),
      api('/api/analytics/promotions' + q), api('/api/analytics/carts' + q)]);
  } catch (error) {
    // No figures rather than empty charts: the message says why.
    $('dashboard-content').hidden = true;
    $('dashboard-empty').hidden = true;
    throw error;
  }
  // An engine without a single customer (for all time) shows how to load the demo data instead of empty charts.
  const empty = funnel.customers === 0 && !range.from && !range.to;
  $('dashboard-empty').hidden = !empty;
  $('dashboard-content').hidden = empty;
  document.body.dataset.dashboard = empty ? 'empty' : 'loaded';
  if (empty) return;
  drawFunnel(funnel);
  drawChannels(channels);
  drawSwitches(channels.switches);
  drawJourneys(journeys);
  promotions = promotionList.promotions;
  drawPromotions();
  drawCarts(carts);
  await loadCustomers();
  document.body.dataset.dashboardRange = q;
}

function drawFunnel(funnel) {
  setText('funnel-customers', count(funnel.customers));
  clear($('funnel-rows')).append(...funnel.stages.map((s) => el('tr', { 'data-testid': 'funnel-' + s.stage },
    el('th', { scope: 'row', text: s.stage }),
    el('td', { className: 'num', 'data-testid': `funnel-${s.stage}-current`, text: count(s.current) }),
    el('td', { className: 'num', 'data-testid': `funnel-${s.stage}-reached`, text: count(s.reached) }),
    el('td', { className: 'num', 'data-testid': `funnel-${s.stage}-rateToNext`, text: percent(s.rateToNext) }))));
  chart('chart-funnel').setOption({
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${p.value} reached` },
    series: [{
      type: 'funnel', sort: 'none', left: '5%', width: '90%', minSize: '8%', gap: 2,
      label: { show: true, position: 'inside', formatter: (p) => `${p.name} ${p.value}` },
      data: funnel.stages.map((s) => ({ name: s.stage, value: s.reached })),
    }],
  }, true);
}

function drawChannels(channels) {
  clear($('channel-rows')).append(...channels.channels.map((c) => el('tr', { 'data-testid': 'channel-' + c.channel },
    el('th', { scope: 'row', text: c.channel }),
    ...['touchpoints', 'customers', 'firstTouchConversions', 'lastTouchConversions'].map((f) =>
      el('td', { className: 'num', 'data-testid': `channel-${c.channel}-${f}`, text: count(c[f]) })))));
  const names = channels.channels.map((c) => c.channel);
  chart('chart-channels').setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: names },
    yAxis: [{ type: 'value', name: 'Touchpoints' }, { type: 'value', name: 'Conversions' }],
    series: [
      { name: 'Touchpoints', type: 'bar', data: channels.channels.map((c) => c.touchpoints) },
      { name: 'First-touch conversions', type: 'bar', yAxisIndex: 1, data: channels.channels.map((c) => c.firstTouchConversions) },
      { name: 'Last-touch conversions', type: 'bar', yAxisIndex: 1, data: channels.channels.map((c) => c.lastTouchConversions) },
    ],
  }, true);
}

function drawSwitches(switches) {
  clear($('switch-rows')).append(...switches.map((s) => el('tr', { 'data-testid': `switch-${s.from}-${s.to}` },
    el('td', { text: s.from }), el('td', { text: s.to }), el('td', { className: 'num', text: count(s.count) }))));
  const used = CHANNELS.filter((c) => switches.some((s) => s.from === c || s.to === c));
  const max = Math.max(1, ...switches.map((s) => s.count));
  chart('chart-switches').setOption({
    tooltip: { formatter: (p) => `${used[p.value[1]]} → ${used[p.value[0]]}: ${p.value[2]}` },
    grid: { left: 100, right: 20, top: 10, bottom: 90 },
    xAxis: { type: 'category', data: used, name: 'to', nameLocation: 'middle', nameGap: 70, axisLabel: { rotate: 45 },
             splitArea: { show: true } },
    yAxis: { type: 'category', data: used, name: 'from', inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
                 show: used.length > 0 },
    series: [{
      name: 'Switches', type: 'heatmap', label: { show: true },
      data: switches.map((s) => [used.indexOf(s.to), used.indexOf(s.from), s.count]),
    }],
  }, true);
}

function drawJourneys(journeys) {
  setText('journeys-omnichannelShare', percent(journeys.omnichannelShare));
  setText('journeys-omnichannelCustomers', count(journeys.omnichannelCustomers));
  setText('journeys-customers', count(journeys.customers));
  setText('journeys-avgChannelsPerConvertedCustomer', count(journeys.avgChannelsPerConvertedCustomer));
  setText('journeys-medianTimeToFirstPurchase', duration(journeys.medianTimeToFirstPurchase));
  chart('chart-omni').setOption({
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'], label: { formatter: '{d}%' },
      data: [{ name: 'Two or more channels', value: journeys.omnichannelCustomers },
             { name: 'One channel', value: journeys.customers - journeys.omnichannelCustomers }],
    }],
  }, true);
}

function drawPromotions() {
  const select = $('promo-select');
  const chosen = select.value;
  clear(select).append(...promotions.map((p) => el('option', { value: p.promotionId, text: p.promotionId })));
  if (promotions.some((p) => p.promotionId === chosen)) select.value = chosen;
  clear($('promo-rows')).append(...promotions.map((p) => el('tr', { 'data-testid': 'promo-' + p.promotionId },
    el('th', { scope: 'row', text: p.promotionId }),
    el('td', { className: 'num', 'data-testid': `promo-${p.promotionId}-issued`, text: count(p.issued) }),
    el('td', { className: 'num', 'data-testid': `promo-${p.promotionId}-redeemed`, text: count(p.redeemed) }),
    el('td', { className: 'num', 'data-testid': `promo-${p.promotionId}-redemptionRate`, text: percent(p.redemptionRate) }),
    el('td', { className: 'num', 'data-testid': `promo-${p.promotionId}-crossChannelRedemptions`, text: count(p.crossChannelRedemptions) }),
    el('td', { className: 'num', 'data-testid': `promo-${p.promotionId}-expired`, text: count(p.expired) }))));
  if (!promotions.length) {
    $('promo-rows').append(el('tr', {}, el('td', { colspan: 6, className: 'muted', text: 'No code was sent.' })));
  }
  drawPromotion();
}

function drawPromotion() {
  const p = promotions.find((x) => x.promotionId === $('promo-select').value);
  const names = p ? CHANNELS.filter((c) => p.issuedByChannel[c] || p.redeemedByChannel[c]) : [];
  chart('chart-promotion').setOption({
    title: p ? { text: `${p.promotionId}: ${p.crossChannelRedemptions} cross-channel redemptions`, left: 'center',
                 textStyle: { fontSize: 13 } } : { text: '' },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Issued (sending channel)', type: 'bar', data: names.map((c) => (p.issuedByChannel[c] || 0)) },
      { name: 'Redeemed (purchase channel)', type: 'bar', data: names.map((c) => (p.redeemedByChannel[c] || 0)) },
    ],
  }, true);
}

function drawCarts(carts) {
  for (const f of ['abandoned', 'reminded', 'recovered']) setText('carts-' + f, count(carts[f]));
  setText('carts-recoveryRate', percent(carts.recoveryRate));
  chart('chart-carts').setOption({
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: ['Abandoned', 'Reminded', 'Recovered'] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: 'Carts', label: { show: true, position: 'top' },
               data: [carts.abandoned, carts.reminded, carts.recovered] }],
  }, true);
}

/** A page of customers (masked identities for analysts) with the way to their 360 and their journey. */
async function loadCustomers() {
  const stage = $('stage-select').value;
  const page = await api('/api/customers' + query({ stage, size: 10 }));
  clear($('stage-customer-rows')).append(...page.items.map((c) => el('tr', { 'data-testid': 'customer-row' },
    el('th', { scope: 'row', text: c.customerId }),
    el('td', { text: c.stage }),
    el('td', { className: 'num', text: count(c.touchpoints) }),
    el('td', {},
      el('a', { href: '#/customer/' + encodeURIComponent(c.customerId), 'aria-label': '360 of ' + c.customerId,
                text: '360' }), ' · ',
      el('a', { href: '#/debugger/' + encodeURIComponent(c.customerId), 'data-testid': 'debug-link',
                'aria-label': 'Debug the journey of ' + c.customerId, text: 'journey' })))));
  setText('stage-customer-total', `${page.items.length} of ${page.total} customers${stage ? ' in ' + stage : ''}`);
}

export { STAGES };
