// Customer 360: found by id or by an identity (GET /api/customers?identityType=&identity=), then everything the
// 360 answer holds, with the conversations of every channel laid out as one thread.
import { api, query, ApiError } from './api.js';
import { $, el, clear, setText, when, count } from './dom.js';
import { showError } from './app.js';

export function init() {
  $('customer-form').addEventListener('submit', (event) => {
    event.preventDefault();
    find().catch(showError);
  });
}

export async function show(parts) {
  if (parts[0]) {
    $('customer-by').value = 'ID';
    $('customer-query').value = parts[0];
    await load(parts[0]);
  }
}

async function find() {
  const by = $('customer-by').value;
  const value = $('customer-query').value.trim();
  if (!value) return;
  let customerId = value;
  if (by !== 'ID') {
    const page = await api('/api/customers' + query({ identityType: by, identity: value }));
    if (!page.items.length) {
      throw new Error(`No customer has the ${by} identity ${value}.`);
    }
    customerId = page.items[0].customerId;
  }
  const target = '#/customer/' + encodeURIComponent(customerId);
  if (location.hash === target) await load(customerId);
  else location.hash = target;
}

async function load(customerId) {
  let c;
  try {
    c = await api('/api/customers/' + encodeURIComponent(customerId));
  } catch (error) {
    $('customer-content').hidden = true;
    $('customer-hint').hidden = false;
    if (error instanceof ApiError && error.code === 'CUSTOMER_NOT_FOUND') {
      throw new Error(`No customer ${customerId}: it has no applied touchpoint.`);
    }
    throw error;
  }
  $('customer-hint').hidden = true;
  $('customer-content').hidden = false;
  setText('c360-id', c.customerId);
  setText('c360-stage', c.stage);
  setText('c360-preferredChannel', c.preferredChannel || 'none (no marketing consent)');
  setText('c360-channels', (c.channels || []).join(', '));
  setText('c360-identities', (c.identities || []).map((i) => `${i.type} ${i.value}`).join(', ') || '–');
  setText('c360-merged', (c.mergedProfiles || []).map((m) => `${m.customerId} (${m.evidenceType}, ${when(m.mergedAt)})`)
    .join(', ') || '–');
  const nba = c.nextBestAction;
  clear($('c360-nba')).append(el('strong', { text: 'Next best action: ' + nba.action }),
    nba.channel ? ` on ${nba.channel}` : ' (no channel)', el('br'), nba.reason);
  $('c360-debug-link').href = '#/debugger/' + encodeURIComponent(c.customerId);

  clear($('c360-stages')).append(...(c.stageHistory || []).map((s) => el('li', {},
    el('strong', { text: s.stage }), ` ${when(s.at)} · rule ${s.rule} · touchpoint ${s.touchpointId}`)));

  clear($('c360-consents')).append(...Object.entries(c.consents || {}).map(([channel, granted]) =>
    el('li', { className: 'chip ' + (granted ? 'yes' : 'no'), text: `${channel} ${granted ? 'granted' : 'refused'}` })));
  clear($('c360-consent-history')).append(...(c.consentHistory || []).map((h) => el('tr', {},
    el('td', { text: h.channel }), el('td', { text: h.granted ? 'yes' : 'no' }), el('td', { text: when(h.at) }),
    el('td', { text: h.reportedVia }))));

  const cart = c.cart || { items: [], total: '0.00', currency: null };
  clear($('c360-cart-rows')).append(...cart.items.map((i) => el('tr', {},
    el('td', { text: i.sku }), el('td', { className: 'num', text: count(i.quantity) }),
    el('td', { className: 'num', text: i.unitPrice }), el('td', { text: i.addedVia }))));
  if (!cart.items.length) $('c360-cart-rows').append(el('tr', {}, el('td', { colspan: 4, className: 'muted', text: 'Empty' })));
  setText('c360-cart-total', cart.total + (cart.currency ? ' ' + cart.currency : ''));

  drawThread(c.conversations || []);

  clear($('c360-promo-rows')).append(...(c.promotions || []).map((p) => el('tr', {},
    el('td', { text: p.code }), el('td', { text: p.promotionId }), el('td', { text: p.sentVia }),
    el('td', { text: p.status + (p.redeemedVia ? ' via ' + p.redeemedVia : '') }), el('td', { text: when(p.expiresAt) }))));
  if (!(c.promotions || []).length) $('c360-promo-rows').append(el('tr', {}, el('td', { colspan: 5, className: 'muted', text: 'No code sent' })));

  clear($('c360-order-rows')).append(...(c.orders || []).map((o) => el('tr', {},
    el('td', { text: o.orderId }), el('td', { text: o.channel }), el('td', { text: when(o.placedAt) }),
    el('td', { text: o.items.map((i) => `${i.quantity} × ${i.sku}`).join(', ') }),
    el('td', { className: 'num', text: `${o.total} ${o.currency || ''}` }),
    el('td', { text: o.fulfilment + (o.storeId ? ' ' + o.storeId : '') }),
    el('td', { text: [o.promoCode ? 'code ' + o.promoCode : null, o.pickedUp ? 'picked up' : null,
                      o.returned ? 'returned' : null].filter(Boolean).join(', ') || '–' }))));
  if (!(c.orders || []).length) $('c360-order-rows').append(el('tr', {}, el('td', { colspan: 7, className: 'muted', text: 'No order' })));
  document.body.dataset.customer = c.customerId;
}

/**
 * Every message of every conversation in time order; a divider where a conversation starts or moves to another
 * channel, so an agent reads one thread whichever channel it was written on.
 */
function drawThread(conversations) {
  const entries = [];
  for (const conversation of conversations) {
    const first = conversation.messages.length ? conversation.messages[0].at : null;
    entries.push({ at: first, order: 0, divider: `${conversation.conversationId}: "${conversation.topic}" · `
      + `${conversation.channels.join(' → ')} · ${conversation.open ? 'open' : 'closed'}` });
    conversation.messages.forEach((m, i) => entries.push({ at: m.at, order: i + 1, message: m,
                                                           conversationId: conversation.conversationId }));
  }
  entries.sort((a, b) => (a.at || '').localeCompare(b.at || '') || a.order - b.order);
  const list = clear($('c360-thread'));
  let channel = null;
  for (const entry of entries) {
    if (entry.divider) {
      list.append(el('li', { className: 'divider', text: entry.divider }));
      channel = null;
      continue;
    }
    const m = entry.message;
    if (channel && channel !== m.channel) {
      list.append(el('li', { className: 'divider', text: `continued on ${m.channel}` }));
    }
    channel = m.channel;
    list.append(el('li', { className: m.direction === 'OUTBOUND' ? 'out' : 'in', 'data-testid': 'thread-message' },
      m.text, el('span', { className: 'meta', text: `${m.direction === 'OUTBOUND' ? 'Agent' : 'Customer'} · ${m.channel} · ${when(m.at)}` })));
  }
  if (!entries.length) list.append(el('li', { className: 'divider', text: 'No conversation' }));
}
