// Hotline agent desktop: signs in, follows the agent's state and offers on the /agent socket,
// answers through the softphone, shows the caller's profile, and records the disposition. The state
// itself lives in desk-state.js; this file talks to Hotline and draws. Wire types: libs/contracts.
import { io } from '/socket.io/socket.io.esm.min.js';
import { $, setText, translateDocument } from '/console-shared/dom.js';
import { logIn, tabSession } from '/console-shared/session.js';
import {
  clockText,
  dispositionDue,
  INITIAL_DESK,
  nextDesk,
  phaseOf,
  presenceToRestore,
  ringSecondsLeft,
  secondsInState,
  wrapSecondsLeft,
} from './desk-state.js';
import { TEXT } from './i18n.js';
import { openSoftphone } from './softphone.js';

const session = tabSession('agent');
const FIGURES_EVERY_MS = 60_000;

let language = window.localStorage.getItem('agent.language') === 'zh' ? 'zh' : 'en';
let desk = INITIAL_DESK;
let me = null;
let settings = { awayReasons: [], wrapUpSeconds: {} };
let socket = null;
let phone = null;
let phoneReady = false;
/** The screen pop of the call in hand: its callSid, the view once read, and the phases it was asked in. */
let profile = { callSid: null, view: null, askedIn: new Set() };
let restoring = false;
let figuresTimer = null;

const t = (key) => TEXT[language][key];

function pct(ratio) {
  return ratio === null || ratio === undefined ? '–' : `${Math.round(ratio * 100)}%`;
}

function showError(message) {
  const error = $('#error');
  error.hidden = !message;
  setText(error, message ? t('requestFailed') + message : '');
}

// ---- Hotline's REST -------------------------------------------------------------------------

/** An authorised request; an expired access token is refreshed once, an ended session signs out. */
async function api(method, path, body) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${session.accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401 && attempt === 0 && (await session.refresh())) continue;
    if (response.status === 401) showSignIn();
    const json = response.status === 204 ? {} : await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, body: json };
  }
}

/** A command the agent gave: its refusal is shown, not swallowed. */
async function command(method, path, body) {
  const response = await api(method, path, body);
  showError(response.ok ? '' : (response.body.message ?? String(response.status)));
  return response;
}

// ---- session ----------------------------------------------------------------------------------

function showSignIn(message = '') {
  socket?.disconnect();
  socket = null;
  phone?.close();
  phone = null;
  clearInterval(figuresTimer);
  session.forget();
  desk = INITIAL_DESK;
  $('#desk').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  setText($('#sign-in-error'), message);
  render();
}

async function signIn(event) {
  const response = await logIn(event);
  if (!response.ok) {
    setText($('#sign-in-error'), t('badLogin'));
    return;
  }
  if (response.body.user?.role !== 'agent') {
    showSignIn(t('notAgent'));
    return;
  }
  session.save(response.body);
  await start();
}

async function signOut() {
  dispatch({ type: 'presence-chosen', state: 'offline' });
  await api('POST', '/api/agents/me/state', { state: 'offline' });
  showSignIn();
}

async function start() {
  $('#sign-in').hidden = true;
  $('#desk').hidden = false;
  $('#sign-out').hidden = false;
  const [mine, mySettings] = await Promise.all([
    api('GET', '/api/agents/me'),
    api('GET', '/api/agents/me/settings'),
  ]);
  if (!mine.ok || !mySettings.ok) {
    showSignIn(t('notAgent'));
    return;
  }
  me = mine.body;
  settings = mySettings.body;
  setText($('#who'), me.displayName);
  fillAwayReasons();
  // The log's time is when the state began; the socket's first word only repeats the state.
  dispatch({ type: 'state', state: { ...me, since: me.since ?? Date.now() } });
  connect();
  await startPhone();
  loadFigures();
  figuresTimer = setInterval(loadFigures, FIGURES_EVERY_MS);
}

// ---- the live channel -------------------------------------------------------------------------

function connect() {
  // The token is read at every (re)connection, so a refreshed one is used after a drop.
  socket = io('/agent', {
    auth: (send) => send({ token: session.accessToken() }),
    transports: ['websocket'],
  });
  socket.on('connect', () => dispatch({ type: 'connected' }));
  socket.on('disconnect', () => dispatch({ type: 'disconnected' }));
  socket.on('exception', async (error) => {
    if (error.code !== 'AUTH.UNAUTHENTICATED') return;
    if (await session.refresh()) socket.connect();
    else showSignIn();
  });
  socket.on('agent.state', (state) => dispatch({ type: 'state', state }));
  socket.on('agent.offer', (offer) => dispatch({ type: 'offer', offer }));
  socket.on('agent.offer-ended', ({ callSid }) => dispatch({ type: 'offer-ended', callSid }));
}

async function startPhone() {
  const token = await api('GET', '/api/agents/me/voice-token');
  if (!token.ok) {
    setPhoneReady(false);
    return;
  }
  const renew = async () => (await api('GET', '/api/agents/me/voice-token')).body;
  try {
    phone = await openSoftphone(
      token.body,
      { incoming: () => undefined, ended: () => undefined, ready: setPhoneReady },
      renew,
    );
  } catch {
    setPhoneReady(false);
  }
}

function setPhoneReady(ready) {
  phoneReady = ready;
  $('#phone-status').hidden = ready;
}

function dispatch(event) {
  const before = phaseOf(desk);
  desk = nextDesk(desk, event);
  const phase = phaseOf(desk);
  restorePresence();
  loadProfile(phase);
  // Figures change when a call is done or an offer was missed.
  const missedOffer = before === 'ringing' && phase !== 'ringing' && phase !== 'on-call';
  if ((before === 'wrap-up' && phase !== 'wrap-up') || missedOffer) loadFigures();
  render();
}

/** Hotline signed the agent out while the desktop was unreachable: ask again for what they chose. */
async function restorePresence() {
  const presence = presenceToRestore(desk);
  if (!presence || restoring) return;
  restoring = true;
  try {
    await api('POST', '/api/agents/me/state', presence);
  } finally {
    restoring = false;
  }
}

async function choosePresence(state, reason) {
  dispatch({ type: 'presence-chosen', state, reason });
  await command('POST', '/api/agents/me/state', { state, reason });
}

// ---- the call in hand -------------------------------------------------------------------------

/**
 * The screen pop, read once per call; asked again once the call is answered, as Hotline may show
 * it to the agent of an answered call only.
 */
async function loadProfile(phase) {
  const callSid = desk.agent?.callSid;
  if (!['ringing', 'on-call', 'wrap-up'].includes(phase) || !callSid) return;
  if (profile.callSid !== callSid) profile = { callSid, view: null, askedIn: new Set() };
  if (profile.view || profile.askedIn.has(phase)) return;
  profile.askedIn.add(phase);
  const url = desk.offer?.callSid === callSid ? desk.offer.profileUrl : `/api/calls/${callSid}/profile`;
  const response = await api('GET', url);
  if (response.ok && profile.callSid === callSid) {
    profile.view = response.body;
    prefillReason();
    render();
  }
}

function accept() {
  if (phaseOf(desk) === 'ringing') phone?.accept();
}

async function decline() {
  if (phaseOf(desk) !== 'ringing') return;
  // Hotline withdraws the offer and ends the ringing leg itself; a reject from the phone too would
  // race it with a second miss.
  await command('POST', '/api/agents/me/offer/decline');
}

async function hangUp() {
  if (phaseOf(desk) !== 'on-call') return;
  // The phone ends the agent's leg; without a call in this browser (another tab, a reload) Hotline does.
  if (!phone?.hangup()) await command('POST', '/api/agents/me/call/hangup');
}

function toggleMute() {
  const muted = !desk.muted;
  phone?.mute(muted);
  dispatch({ type: 'muted', muted });
}

async function toggleHold() {
  const onHold = !desk.onHold;
  const response = await command('POST', `/api/agents/me/call/${onHold ? 'hold' : 'resume'}`);
  if (response.ok) dispatch({ type: 'held', onHold });
}

function prefillReason() {
  const form = $('#wrap-up');
  if (form.dataset.callSid === profile.callSid && !form.elements.reason.value)
    form.elements.reason.value = profile.view?.reason ?? '';
}

function resetWrapUpForm(callSid) {
  const form = $('#wrap-up');
  if (form.dataset.callSid === callSid) return;
  form.reset();
  form.dataset.callSid = callSid;
  prefillReason();
}

async function submitDisposition(event) {
  event.preventDefault();
  const form = event.target;
  const callSid = form.dataset.callSid;
  const reason = form.elements.reason.value.trim();
  const response = await command('POST', `/api/calls/${callSid}/disposition`, {
    resolved: form.elements.resolved.value === 'yes',
    ...(reason ? { reason } : {}),
    notes: form.elements.notes.value,
    followUp: form.elements.followUp.checked,
  });
  if (response.ok || response.body.code === 'DISPOSITION.ALREADY_RECORDED') {
    showError('');
    dispatch({ type: 'disposed', callSid });
    loadFigures();
  }
}

async function loadFigures() {
  const response = await api('GET', '/api/agents/me/today');
  if (!response.ok) return;
  const figures = response.body;
  setText($('[data-figure="handled"]'), String(figures.handled));
  setText($('[data-figure="aht"]'), clockText(figures.ahtSeconds));
  setText($('[data-figure="fcr"]'), pct(figures.provisionalFcrRate));
  setText($('[data-figure="missed"]'), String(figures.missedOffers));
}

// ---- drawing ----------------------------------------------------------------------------------

function fillAwayReasons() {
  const select = $('#away-reason');
  const chosen = select.value;
  select.replaceChildren(
    ...settings.awayReasons.map((code) =>
      Object.assign(document.createElement('option'), { value: code, textContent: reasonText(code) }),
    ),
  );
  if (chosen) select.value = chosen;
}

function reasonText(code) {
  return TEXT[language].reasons[code] ?? code;
}

function render() {
  const now = Date.now();
  const phase = phaseOf(desk);
  const state = $('#state');
  state.dataset.phase = phase;
  const reason = desk.agent?.reason;
  setText(state, TEXT[language].states[phase] + (reason ? ` · ${reasonText(reason)}` : ''));
  setText($('#state-time'), desk.agent ? clockText(secondsInState(desk, now)) : '');
  $('#connection').hidden = desk.connection !== 'offline';
  $('#go-available').disabled = phase === 'available' || phase === 'connecting';
  renderWork(phase, now);
  renderProfile(phase, now);
}

function renderWork(phase, now) {
  const queue = desk.agent?.queue ?? desk.offer?.queue ?? '';
  for (const element of document.querySelectorAll('.call .queue')) setText(element, queue);
  $('#idle').hidden = ['ringing', 'on-call', 'wrap-up'].includes(phase);
  setText($('#idle-text'), phase === 'available' ? t('waitingForCalls') : t('notAvailable'));

  $('#ringing').hidden = phase !== 'ringing';
  const ringLeft = ringSecondsLeft(desk, now);
  setText($('#ring-left'), ringLeft === null ? '' : `${ringLeft}s`);
  $('#ring-bar').value = ringLeft === null ? 0 : ringLeft / desk.offer.ringSeconds;
  $('#accept').disabled = !phoneReady;

  $('#on-call').hidden = phase !== 'on-call';
  setText($('#call-time'), phase === 'on-call' ? clockText(secondsInState(desk, now)) : '');
  setText($('#call-label'), desk.onHold ? t('onHold') : t('onCall'));
  const mute = $('#mute');
  mute.setAttribute('aria-pressed', String(desk.muted));
  setText(mute, desk.muted ? t('unmute') : t('mute'));
  const hold = $('#hold');
  hold.setAttribute('aria-pressed', String(desk.onHold));
  setText(hold, desk.onHold ? t('resume') : t('hold'));

  const due = dispositionDue(desk);
  $('#wrap-up').hidden = !due;
  if (due) resetWrapUpForm(desk.agent.callSid);
  setText($('#wrap-left'), clockText(wrapSecondsLeft(desk, now, settings.wrapUpSeconds)));
}

function renderProfile(phase, now) {
  const card = $('#profile');
  const callSid = desk.agent?.callSid;
  card.hidden = !['ringing', 'on-call', 'wrap-up'].includes(phase) || !callSid;
  if (card.hidden) return;
  const view = profile.callSid === callSid ? profile.view : null;
  const offer = desk.offer?.callSid === callSid ? desk.offer : null;
  if (card.dataset.callSid !== callSid) {
    card.dataset.callSid = callSid;
    card.dataset.caller = '';
    delete card.dataset.queuedAt;
    delete card.dataset.answeredAt;
  }
  if (offer) card.dataset.caller = offer.caller ?? '';
  if (offer?.queuedAt) card.dataset.queuedAt = String(offer.queuedAt);
  // Waiting ends when the call is answered; while it rings, the wait still grows.
  if (phase !== 'ringing' && !card.dataset.answeredAt) card.dataset.answeredAt = String(desk.agent.since);
  setText($('#caller-name'), view?.name ?? (card.dataset.caller || t('unknownCaller')));
  const tier = $('#caller-tier');
  tier.hidden = !view;
  setText(tier, view?.tier ?? '');
  tier.dataset.vip = String(!!view && view.tier !== 'standard');
  setText($('#caller-language'), view?.language ?? '–');
  setText($('#caller-reason'), view?.reason ?? '–');
  const queuedAt = Number(card.dataset.queuedAt);
  const waitEnd = Number(card.dataset.answeredAt ?? now);
  setText($('#caller-waited'), queuedAt ? clockText((waitEnd - queuedAt) / 1000) : '–');
  renderOpenCase(view?.openCase ?? null);
  renderContacts(view?.lastContacts ?? []);
}

function agentName(agentId) {
  return agentId === me?.id ? t('you') : agentId ? agentId.slice(0, 8) : '–';
}

function dateText(at) {
  return new Date(at).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

function renderOpenCase(openCase) {
  $('#open-case').hidden = !openCase;
  if (!openCase) return;
  setText(
    $('#open-case-text'),
    `${openCase.reason ?? '–'} · ${t('owner')}: ${agentName(openCase.owner)} · ` +
      `${openCase.contacts} ${t('contacts')} · ${t('since')} ${dateText(openCase.openedAt)}`,
  );
}

function renderContacts(contacts) {
  const body = $('#contacts');
  const key = JSON.stringify([language, contacts.map((c) => [c.callSid, c.resolved])]);
  if (body.dataset.key === key) return;
  body.dataset.key = key;
  if (contacts.length === 0) {
    const row = document.createElement('tr');
    row.innerHTML = '<td colspan="5"></td>';
    setText(row.firstChild, t('noPreviousContacts'));
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(
    ...contacts.map((contact) => {
      const row = document.createElement('tr');
      row.innerHTML = '<td></td><td></td><td></td><td class="outcome"></td><td class="notes"></td>';
      const [when, queue, reason, outcome, notes] = row.children;
      setText(when, dateText(contact.at));
      setText(queue, contact.queue ?? '–');
      setText(reason, contact.reason ?? '–');
      outcome.dataset.resolved = String(contact.resolved);
      const result =
        contact.resolved === null
          ? t('noDisposition')
          : contact.resolved
            ? t('resolvedYes')
            : t('resolvedNo');
      setText(
        outcome,
        `${result}${contact.followUp ? ` · ${t('followUpNeeded')}` : ''} · ${agentName(contact.agent)}`,
      );
      setText(notes, contact.notes);
      return row;
    }),
  );
}

function translatePage() {
  translateDocument(language, t);
  $('#away-reason').setAttribute('aria-label', t('awayReason'));
  fillAwayReasons();
  render();
}

// ---- the keyboard -------------------------------------------------------------------------------

const SHORTCUTS = { a: accept, h: hangUp, v: () => choosePresence('available') };

function onKey(event) {
  if (!event.altKey || event.ctrlKey || event.metaKey || $('#desk').hidden) return;
  const action = SHORTCUTS[event.key.toLowerCase()] ?? SHORTCUTS[event.code.replace('Key', '').toLowerCase()];
  if (!action) return;
  event.preventDefault();
  action();
}

$('#sign-in').addEventListener('submit', signIn);
$('#sign-out').addEventListener('click', signOut);
$('#go-available').addEventListener('click', () => choosePresence('available'));
$('#go-away').addEventListener('click', () => choosePresence('away', $('#away-reason').value));
$('#accept').addEventListener('click', accept);
$('#decline').addEventListener('click', decline);
$('#hang-up').addEventListener('click', hangUp);
$('#mute').addEventListener('click', toggleMute);
$('#hold').addEventListener('click', toggleHold);
$('#wrap-up').addEventListener('submit', submitDisposition);
$('#language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  window.localStorage.setItem('agent.language', language);
  translatePage();
});
document.addEventListener('keydown', onKey);
setInterval(render, 250);
translatePage();
if (session.accessToken()) start();
else showSignIn();
