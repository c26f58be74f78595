// The shell: the key form, the hash routes (#/dashboard, #/customer/<id>, #/debugger/<id>[/<sequence>],
// #/operations) and the one message area where refusals are explained.
import { key, setKey, ApiError } from './api.js';
import { $ } from './dom.js';
import { resizeAll } from './charts.js';
import * as dashboard from './dashboard.js';
import * as customer from './customer.js';
import * as debuggerPage from './debugger.js';
import * as operations from './operations.js';

const pages = { dashboard, customer, debugger: debuggerPage, operations };

/** Shows a message for people; an ApiError's message already says what to do. */
export function showError(error) {
  const box = $('message');
  box.className = 'message';
  box.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  box.hidden = false;
  if (error instanceof ApiError && error.status === 401) {
    askForKey();
  }
}

export function showInfo(text) {
  const box = $('message');
  box.className = 'message info';
  box.textContent = text;
  box.hidden = false;
}

export function clearMessage() {
  $('message').hidden = true;
  $('message').textContent = '';
}

function askForKey() {
  $('key-form-section').hidden = false;
  document.querySelectorAll('.page').forEach((p) => { p.hidden = true; });
  $('key-input').focus();
}

let current = null;

function route() {
  if (!key()) {
    askForKey();
    return;
  }
  $('key-form-section').hidden = true;
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const name = pages[parts[0]] ? parts[0] : 'dashboard';
  document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== 'page-' + name; });
  document.querySelectorAll('nav a').forEach((a) => {
    if (a.dataset.page === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (current && current !== pages[name] && current.leave) current.leave();
  current = pages[name];
  document.title = $('page-' + name).querySelector('h1').textContent + ' · Journey engine';
  clearMessage();
  resizeAll();
  current.show(parts.slice(1)).catch(showError);
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  setKey($('key-input').value);
  $('key-input').value = '';
  route();
});

$('change-key').addEventListener('click', () => {
  clearMessage();
  askForKey();
});

window.addEventListener('hashchange', route);
Object.values(pages).forEach((page) => page.init && page.init());
route();
