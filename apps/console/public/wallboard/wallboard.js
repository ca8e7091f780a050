// Hotline wallboard: signs in, follows every queue on the /monitor socket and updates the page in
// place (no re-rendering, so a TV never flickers). Wire types: libs/contracts/src/monitor.ts.
import { io } from '/socket.io/socket.io.esm.min.js';
import { $, setText, translateDocument } from '/console-shared/dom.js';
import { SIGN_IN_TEXT } from '/console-shared/i18n.js';
import { logIn, tabSession } from '/console-shared/session.js';

const TEXT = {
  en: {
    ...SIGN_IN_TEXT.en,
    title: 'Hotline wallboard',
    live: 'live',
    offline: 'offline',
    forbidden: 'Only supervisors and admins can open the wallboard',
    alerts: 'Alerts',
    noAlerts: 'No alerts',
    vipWaiting: 'VIP callers waiting',
    noVips: 'No VIP caller waiting',
    today: 'Today',
    agents: 'Agents',
    agent: 'Agent',
    state: 'State',
    timeInState: 'Time in state',
    queue: 'Queue',
    callerTier: 'Caller tier',
    waiting: 'waiting',
    longestWait: 'longest wait',
    serviceLevel: 'service level',
    asa: 'ASA',
    abandon: 'abandoned',
    offered: 'offered',
    answered: 'answered',
    abandoned: 'abandoned',
    available: 'available',
    onCall: 'on call',
    wrapUp: 'wrap-up',
    away: 'away',
    vip: 'VIP',
    states: {
      offline: 'offline',
      available: 'available',
      reserved: 'ringing',
      'on-call': 'on call',
      'wrap-up': 'wrap-up',
      away: 'away',
    },
    alert: {
      'service-level': (a) => `${a.queue}: service level ${pct(a.value)} below ${pct(a.threshold)}`,
      'longest-wait': (a) => `${a.queue}: a caller has waited over ${duration(a.threshold)}`,
      'vip-wait': (a) => `${a.queue}: ${a.tier} caller waiting over ${duration(a.threshold)}`,
      'agent-state': (a, name) => `${name} ${TEXT.en.states[a.agentState]} over ${duration(a.threshold)}`,
    },
  },
  zh: {
    ...SIGN_IN_TEXT.zh,
    title: '热线实时看板',
    live: '实时',
    offline: '离线',
    forbidden: '只有主管和管理员可以查看看板',
    alerts: '告警',
    noAlerts: '暂无告警',
    vipWaiting: '等待中的 VIP 客户',
    noVips: '没有 VIP 客户在等待',
    today: '今日',
    agents: '坐席',
    agent: '坐席',
    state: '状态',
    timeInState: '持续时间',
    queue: '队列',
    callerTier: '来电等级',
    waiting: '排队',
    longestWait: '最长等待',
    serviceLevel: '服务水平',
    asa: '平均应答',
    abandon: '放弃率',
    offered: '进线',
    answered: '接通',
    abandoned: '放弃',
    available: '空闲',
    onCall: '通话',
    wrapUp: '整理',
    away: '离开',
    vip: 'VIP',
    states: {
      offline: '离线',
      available: '空闲',
      reserved: '振铃',
      'on-call': '通话中',
      'wrap-up': '话后整理',
      away: '离开',
    },
    alert: {
      'service-level': (a) => `${a.queue}：服务水平 ${pct(a.value)} 低于 ${pct(a.threshold)}`,
      'longest-wait': (a) => `${a.queue}：有来电等待超过 ${duration(a.threshold)}`,
      'vip-wait': (a) => `${a.queue}：${a.tier} 客户等待超过 ${duration(a.threshold)}`,
      'agent-state': (a, name) => `${name}：${TEXT.zh.states[a.agentState]}超过 ${duration(a.threshold)}`,
    },
  },
};

const session = tabSession('wallboard');
let language = window.localStorage.getItem('wallboard.language') === 'zh' ? 'zh' : 'en';
let socket = null;
let selectedQueue = null;
let intervalRows = [];
/** Per queue: the latest view, the local time it arrived, and the tile's elements. */
const queues = new Map();
/** Per agent: the latest view, the local time it arrived, and the row's elements. */
const agents = new Map();
const alerts = new Map();

function t(key) {
  return TEXT[language][key];
}

function pct(ratio) {
  return ratio === null || ratio === undefined ? '–' : `${Math.round(ratio * 1000) / 10}%`;
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** Seconds since the server computed `seconds`, so waits keep growing between updates. */
function grown(seconds, receivedAt) {
  return seconds === null ? null : seconds + (Date.now() - receivedAt) / 1000;
}

function setLevel(element, level) {
  if (element.dataset.level !== level) element.dataset.level = level;
}

function translatePage() {
  translateDocument(language, t);
  for (const entry of queues.values()) translateTile(entry.tile);
  renderAlerts();
  renderVips();
  renderChart();
  for (const entry of agents.values()) renderAgent(entry);
}

// ---- session -------------------------------------------------------------------------------

function showSignIn(message = '') {
  socket?.disconnect();
  socket = null;
  window.sessionStorage.clear();
  $('#board').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  setText($('#sign-in-error'), message);
  setStatus('offline');
}

async function signIn(event) {
  const response = await logIn(event);
  if (!response.ok) {
    setText($('#sign-in-error'), t('badLogin'));
    return;
  }
  if (!['supervisor', 'admin'].includes(response.body.user?.role)) {
    showSignIn(t('forbidden'));
    return;
  }
  session.save(response.body);
  start();
}

// ---- socket --------------------------------------------------------------------------------

function setStatus(state) {
  const status = $('#status');
  status.dataset.state = state;
  status.dataset.i18n = state;
  setText(status, t(state));
}

function start() {
  $('#sign-in').hidden = true;
  $('#board').hidden = false;
  $('#sign-out').hidden = false;
  // The token is read at every (re)connection, so a refreshed one is used after a drop.
  socket = io('/monitor', {
    auth: (send) => send({ token: session.accessToken() }),
    transports: ['websocket'],
  });
  socket.on('connect', () => setStatus('live'));
  const renewAndReconnect = async () => {
    if (await session.refresh()) socket.connect();
    else showSignIn();
  };
  socket.on('disconnect', (reason) => {
    setStatus('offline');
    // The server ends the connection when the access token expires: renew it and come back.
    if (reason === 'io server disconnect') void renewAndReconnect();
  });
  socket.on('connect_error', (error) => {
    setStatus('offline');
    if (error.message === 'AUTH.FORBIDDEN') showSignIn(t('forbidden'));
    else if (error.message === 'AUTH.UNAUTHENTICATED') void renewAndReconnect();
  });
  socket.on('snapshot', applySnapshot);
  socket.on('queue', (view) => applyQueue(view));
  socket.on('agent', (view) => applyAgent(view));
  socket.on('alert:raised', (alert) => {
    alerts.set(alert.id, alert);
    renderAlerts();
  });
  socket.on('alert:cleared', ({ id }) => {
    alerts.delete(id);
    renderAlerts();
  });
}

function applySnapshot(snapshot) {
  for (const view of snapshot.queues) applyQueue(view);
  for (const view of snapshot.agents) applyAgent(view);
  alerts.clear();
  for (const alert of snapshot.alerts) alerts.set(alert.id, alert);
  renderAlerts();
  selectedQueue ??= snapshot.queues[0]?.queue ?? null;
  markSelected();
  loadIntervals();
}

// ---- queue tiles ---------------------------------------------------------------------------

function figure(className, labelKey) {
  const element = document.createElement('div');
  element.className = `figure ${className}`;
  element.innerHTML = '<span class="value">–</span><span class="label"></span>';
  element.querySelector('.label').dataset.i18n = labelKey;
  return element;
}

function createTile(queue) {
  const tile = document.createElement('article');
  tile.className = 'tile';
  tile.dataset.queue = queue;
  tile.setAttribute('role', 'button');
  tile.innerHTML = '<h3></h3><div class="big"></div><div class="small"></div><div class="staff"></div>';
  setText(tile.querySelector('h3'), queue);
  const big = tile.querySelector('.big');
  const small = tile.querySelector('.small');
  const parts = {
    waiting: figure('waiting', 'waiting'),
    longest: figure('longest', 'longestWait'),
    sl: figure('sl', 'serviceLevel'),
    asa: figure('asa', 'asa'),
    abandon: figure('abandon', 'abandon'),
  };
  big.append(parts.waiting, parts.longest);
  small.append(parts.sl, parts.asa, parts.abandon);
  const staff = tile.querySelector('.staff');
  for (const [state, key] of [
    ['available', 'available'],
    ['on-call', 'onCall'],
    ['wrap-up', 'wrapUp'],
    ['away', 'away'],
  ]) {
    const span = document.createElement('span');
    span.dataset.agents = state;
    span.innerHTML = '<b>0</b> <span></span>';
    span.querySelector('span').dataset.i18n = key;
    staff.append(span);
  }
  tile.addEventListener('click', () => {
    selectedQueue = queue;
    markSelected();
    renderChart();
  });
  translateTile(tile);
  $('#queues').append(tile);
  return tile;
}

function translateTile(tile) {
  for (const element of tile.querySelectorAll('[data-i18n]')) setText(element, t(element.dataset.i18n));
}

function applyQueue(view) {
  let entry = queues.get(view.queue);
  if (!entry) {
    entry = { tile: createTile(view.queue) };
    queues.set(view.queue, entry);
  }
  const flowChanged = entry.view === undefined || flowKey(entry.view) !== flowKey(view);
  entry.view = view;
  entry.receivedAt = Date.now();
  renderTile(entry);
  renderVips();
  if (flowChanged) reloadIntervalsSoon();
}

let intervalsReload = null;

function flowKey({ today }) {
  return [today.offered, today.answered, today.abandoned, today.handled].join();
}

/** The chart follows the flow, at most every few seconds: one small request, not one per call. */
function reloadIntervalsSoon() {
  intervalsReload ??= setTimeout(() => {
    intervalsReload = null;
    loadIntervals();
  }, 3000);
}

function renderTile({ tile, view, receivedAt }) {
  const value = (name) => tile.querySelector(`.${name} .value`);
  setText(value('waiting'), String(view.waiting));
  if (view.vipWaiting > 0) {
    let badge = value('waiting').querySelector('.vip-badge');
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'vip-badge';
      value('waiting').append(badge);
    }
    setText(badge, `${view.vipWaiting} ${t('vip')}`);
  }
  const longest = grown(view.longestWaitSeconds, receivedAt);
  setText(value('longest'), duration(longest));
  const threshold = view.today.serviceLevel.thresholdSeconds;
  setLevel(
    value('longest'),
    longest === null || longest < threshold
      ? 'good'
      : longest <= view.thresholds.longestWaitSeconds
        ? 'warn'
        : 'bad',
  );
  const sl = view.today.serviceLevel.value;
  setText(value('sl'), pct(sl));
  setLevel(
    value('sl'),
    sl === null || sl >= view.today.serviceLevel.target
      ? 'good'
      : sl >= view.thresholds.serviceLevelBelow
        ? 'warn'
        : 'bad',
  );
  setText(value('asa'), duration(view.today.asaSeconds));
  setText(value('abandon'), pct(view.today.abandonRate));
  for (const span of tile.querySelectorAll('[data-agents]'))
    setText(span.querySelector('b'), String(view.agents[span.dataset.agents]));
}

function markSelected() {
  for (const { tile } of queues.values())
    tile.setAttribute('aria-pressed', String(tile.dataset.queue === selectedQueue));
  setText($('#chart-queue'), selectedQueue ?? '');
}

function renderVips() {
  const list = $('#vips');
  const callers = [...queues.values()].flatMap(({ view, receivedAt }) =>
    view.vipCallers.map((caller) => ({ ...caller, queue: view.queue, receivedAt })),
  );
  callers.sort((a, b) => a.enteredAt - b.enteredAt);
  list.replaceChildren(
    ...(callers.length === 0
      ? [Object.assign(document.createElement('li'), { className: 'none', textContent: t('noVips') })]
      : callers.map((caller) => {
          const item = document.createElement('li');
          item.dataset.enteredAt = String(caller.enteredAt);
          item.dataset.waitSeconds = String(caller.waitSeconds);
          item.dataset.receivedAt = String(caller.receivedAt);
          item.innerHTML = '<span class="who"></span><span class="wait"></span>';
          setText(item.querySelector('.who'), `${caller.tier} · ${caller.number} · ${caller.queue}`);
          setText(item.querySelector('.wait'), duration(grown(caller.waitSeconds, caller.receivedAt)));
          return item;
        })),
  );
}

// ---- agents --------------------------------------------------------------------------------

function applyAgent(view) {
  let entry = agents.get(view.agentId);
  if (!entry) {
    const row = document.createElement('tr');
    row.innerHTML =
      '<td class="name"></td><td><span class="state"></span></td><td class="time"></td><td class="queue"></td><td class="tier"></td>';
    entry = { row, view };
    agents.set(view.agentId, entry);
    const rows = [...agents.values()].sort((a, b) => a.view.name.localeCompare(b.view.name));
    $('#agents').replaceChildren(...rows.map((item) => item.row));
  }
  entry.view = view;
  entry.receivedAt = Date.now();
  renderAgent(entry);
}

function renderAgent({ row, view, receivedAt }) {
  setText(row.querySelector('.name'), view.name);
  const state = row.querySelector('.state');
  state.dataset.state = view.state;
  setText(state, TEXT[language].states[view.state]);
  setText(row.querySelector('.time'), duration(grown(view.timeInStateSeconds, receivedAt)));
  setText(row.querySelector('.queue'), view.queue ?? '');
  setText(row.querySelector('.tier'), view.callerTier ?? '');
}

// ---- alerts --------------------------------------------------------------------------------

function renderAlerts() {
  const list = $('#alerts');
  const items = [...alerts.values()].sort((a, b) => a.raisedAt - b.raisedAt);
  list.replaceChildren(
    ...(items.length === 0
      ? [Object.assign(document.createElement('li'), { className: 'none', textContent: t('noAlerts') })]
      : items.map((alert) => {
          const name = agents.get(alert.agentId)?.view?.name ?? alert.agentId;
          return Object.assign(document.createElement('li'), {
            textContent: TEXT[language].alert[alert.kind](alert, name),
          });
        })),
  );
}

// ---- today's intervals (inline SVG) ----------------------------------------------------------

async function loadIntervals() {
  const response = await fetch('/api/reports/intervals', {
    headers: { authorization: `Bearer ${session.accessToken()}` },
  });
  if (!response.ok) return;
  const report = await response.json();
  intervalRows = report.rows.filter((row) => row.tier === null);
  renderChart(report);
}

let reportRange = null;

function svg(name, attributes, text) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function renderChart(report) {
  if (report) reportRange = { from: report.from, to: report.to };
  const chart = $('#chart');
  if (!reportRange || selectedQueue === null) return;
  const width = 960;
  const height = 300;
  const left = 40;
  const bottom = 260;
  const top = 20;
  const slots = Math.round((reportRange.to - reportRange.from) / 900_000);
  const rows = intervalRows.filter((row) => row.queue === selectedQueue);
  const peak = Math.max(1, ...rows.map((row) => row.offered));
  const slot = (width - left) / slots;
  const y = (count) => bottom - ((bottom - top) * count) / peak;
  const children = [
    svg('line', { class: 'axis', x1: left, x2: width, y1: bottom, y2: bottom }),
    svg('text', { x: 4, y: top + 10 }, String(peak)),
    svg('text', { x: 4, y: bottom }, '0'),
  ];
  for (let hour = 0; hour < slots / 4; hour += 3) {
    children.push(
      svg('text', { x: left + hour * 4 * slot - 8, y: height - 14 }, `${String(hour).padStart(2, '0')}:00`),
    );
  }
  const target = queues.get(selectedQueue)?.view.today.serviceLevel.target;
  if (target !== undefined) {
    const ty = bottom - (bottom - top) * target;
    children.push(svg('line', { class: 'target', x1: left, x2: width, y1: ty, y2: ty }));
  }
  const slPoints = [];
  for (const row of rows) {
    const index = Math.round((row.intervalStart - reportRange.from) / 900_000);
    const x = left + index * slot;
    const bar = Math.max(1, slot / 3 - 1);
    children.push(
      svg('rect', { class: 'offered', x, y: y(row.offered), width: bar, height: bottom - y(row.offered) }),
    );
    children.push(
      svg('rect', {
        class: 'answered',
        x: x + bar,
        y: y(row.answered),
        width: bar,
        height: bottom - y(row.answered),
      }),
    );
    children.push(
      svg('rect', {
        class: 'abandoned',
        x: x + 2 * bar,
        y: y(row.abandoned),
        width: bar,
        height: bottom - y(row.abandoned),
      }),
    );
    if (row.serviceLevel !== null) {
      const point = { cx: x + slot / 2, cy: bottom - (bottom - top) * row.serviceLevel };
      slPoints.push(`${point.cx},${point.cy}`);
      children.push(svg('circle', { class: 'sl-point', ...point, r: 4 }));
    }
  }
  if (slPoints.length > 0) children.push(svg('polyline', { class: 'sl', points: slPoints.join(' ') }));
  chart.replaceChildren(...children);
}

// ---- every second ----------------------------------------------------------------------------

function tick() {
  setText($('#clock'), new Date().toLocaleTimeString(language === 'zh' ? 'zh-CN' : 'en-GB'));
  for (const entry of queues.values()) renderTile(entry);
  for (const entry of agents.values()) renderAgent(entry);
  for (const item of document.querySelectorAll('#vips li[data-entered-at]')) {
    setText(
      item.querySelector('.wait'),
      duration(grown(Number(item.dataset.waitSeconds), Number(item.dataset.receivedAt))),
    );
  }
}

$('#sign-in').addEventListener('submit', signIn);
$('#sign-out').addEventListener('click', () => showSignIn());
$('#language').addEventListener('click', () => {
  language = language === 'zh' ? 'en' : 'zh';
  window.localStorage.setItem('wallboard.language', language);
  translatePage();
});
setInterval(tick, 1000);
// A new quarter hour starts a new bar even when nothing else changed.
setInterval(() => socket && loadIntervals(), 60_000);
translatePage();
tick();
if (session.accessToken()) start();
else showSignIn();
