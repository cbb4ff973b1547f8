// Reviewer page: plain DOM, no framework. Everything comes from /v1/reviews with the reviewer's
// key, kept in sessionStorage so it dies with the tab. Text is set with textContent, never HTML.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const store = window.sessionStorage;
  const state = { task: null, leaseId: null, leaseExpiresAt: null, decision: null, reasons: {}, leaseTimer: null };

  function toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.classList.add('show');
    setTimeout(() => t.classList.remove('show'), 5000);
  }

  // x-hmac-signature: hex HMAC-SHA256 of the raw body, or of the path and query when there is none.
  async function sign(payload) {
    const secret = store.getItem('reviewSecret');
    if (!secret) return null;
    const enc = new TextEncoder();
    const key = await crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(payload)));
    return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  async function api(method, path, body) {
    const raw = body === undefined ? undefined : JSON.stringify(body);
    const headers = { 'content-type': 'application/json', 'x-auth-client': store.getItem('reviewKey') || '' };
    const signature = await sign(raw && raw.length > 0 ? raw : path);
    if (signature) headers['x-hmac-signature'] = signature;
    const res = await fetch(path, { method, headers, body: raw });
    const data = await res.json().catch(() => ({}));
    if (res.status === 401) { signOut(); throw new Error('Your key was refused; sign in again.'); }
    if (!res.ok) { const e = new Error(data.message || `HTTP ${res.status}`); e.code = data.code; throw e; }
    return data;
  }

  function show(section) {
    for (const id of ['login', 'queue', 'task']) $(id).hidden = id !== section;
    $('who').textContent = store.getItem('reviewName') ? `Signed in as ${store.getItem('reviewName')}` : '';
  }
  function signOut() { store.removeItem('reviewKey'); store.removeItem('reviewSecret'); show('login'); }
  function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function age(s) { return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m` : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`; }

  async function loadQueue() {
    show('queue');
    const q = new URLSearchParams();
    if ($('f-journey').value) q.set('journey', $('f-journey').value);
    if ($('f-outcome').value) q.set('outcome', $('f-outcome').value);
    q.set('minAgeSeconds', String(Math.max(0, Number($('f-age').value) || 0) * 60));
    try {
      const [list, metrics] = await Promise.all([api('GET', `/v1/reviews/tasks?state=all&${q}`), api('GET', '/v1/reviews/metrics')]);
      renderMetrics(metrics);
      const body = $('tasks').querySelector('tbody');
      body.replaceChildren();
      for (const t of list.tasks) {
        const tr = el('tr');
        tr.dataset.taskId = t.taskId;
        if (t.overSla) tr.className = 'over-sla';
        const cells = [age(t.ageSeconds) + (t.overSla ? ' ⚠ SLA' : ''), t.journey, t.stepId, t.outcome, t.headline ? `${t.headline.name} ${t.headline.value}` : '–', t.issues.join(', ') || '–', t.claimedBy ? `claimed by ${t.claimedBy}` : 'open'];
        for (const c of cells) tr.append(el('td', c));
        tr.addEventListener('click', () => openTask(t.taskId));
        body.append(tr);
      }
      $('empty').hidden = list.tasks.length > 0;
    } catch (err) { toast(err.message); }
  }

  function renderMetrics(m) {
    const box = $('metrics');
    box.replaceChildren();
    const sel = $('f-journey');
    const current = sel.value;
    sel.replaceChildren(el('option', 'all'));
    sel.firstChild.value = '';
    for (const j of m.journeys) {
      const o = el('option', j.journey); o.value = j.journey; sel.append(o);
      const card = el('div', undefined, 'metric');
      card.append(el('b', j.journey), el('span', `${j.openTasks} open · ${j.claimedTasks} claimed · oldest ${j.oldestTaskAgeSeconds === null ? '–' : age(j.oldestTaskAgeSeconds)} · ${j.overSlaTasks} over SLA · median ${j.medianTimeToDecisionSeconds === null ? '–' : age(Math.round(j.medianTimeToDecisionSeconds))}`));
      box.append(card);
    }
    sel.value = current;
  }

  async function openTask(taskId) {
    try {
      const claim = await api('POST', `/v1/reviews/tasks/${taskId}/claim`, { reviewer: store.getItem('reviewName') });
      state.leaseId = claim.leaseId;
      state.leaseExpiresAt = Date.parse(claim.leaseExpiresAt);
      state.task = await api('GET', `/v1/reviews/tasks/${taskId}`);
      renderTask(state.task);
      show('task');
    } catch (err) { toast(err.message); loadQueue(); }
  }

  function renderTask(t) {
    state.reasons = t.reasonCodes;
    state.decision = null;
    $('task-title').textContent = `${t.journey} · step ${t.stepId} · ${t.outcome} · waiting ${age(t.ageSeconds)}${t.overSla ? ' (over SLA)' : ''}`;
    const x = t.explanation;
    $('summary').textContent = x.summary;
    $('signals').replaceChildren(...x.signals.map((s) => el('li', s.text)));
    if (t.consumerError) $('signals').append(el('li', `An automated consumer's result was refused: ${t.consumerError}`));
    $('caps').querySelector('tbody').replaceChildren(...x.capabilities.map((c) => {
      const tr = el('tr');
      tr.append(el('td', c.name), el('td', Array.isArray(c.value) ? c.value.join(', ') || '–' : typeof c.value === 'number' ? String(Math.round(c.value * 100) / 100) : String(c.value)), el('td', c.meaning));
      return tr;
    }));
    $('rules').replaceChildren(...x.rules.map((r) => el('li', `${r.outcome}: ${r.description}`, r.fired ? 'fired' : '')));
    $('thresholds').textContent = x.thresholds.length ? `Thresholds: ${x.thresholds.map((th) => `${th.name} = ${th.value}`).join(', ')}` : '';
    const images = $('images');
    images.replaceChildren();
    // Selfie first, then the document portrait, so the two faces sit one above the other.
    const order = { selfie: 0, 'document-front': 1, reference: 2, 'document-back': 3, other: 4 };
    for (const e of [...t.evidence].sort((a, b) => order[a.kind] - order[b.kind])) {
      const fig = el('figure');
      const img = el('img');
      img.alt = e.label;
      if (e.url) img.src = e.url;
      fig.append(img, el('figcaption', e.label));
      images.append(fig);
    }
    $('note').value = '';
    $('result').hidden = true;
    $('decide').hidden = false;
    pick(null);
    tickLease();
  }

  function pick(decision) {
    state.decision = decision;
    for (const b of document.querySelectorAll('[data-decision]')) b.setAttribute('aria-pressed', String(b.dataset.decision === decision));
    const reasons = decision ? state.reasons[decision] || [] : [];
    const sel = $('reason');
    sel.replaceChildren(...reasons.map((r, i) => { const o = el('option', `${i + 1}. ${r.code} – ${r.description}`); o.value = String(r.code); return o; }));
    sel.disabled = reasons.length === 0;
    if (reasons.length === 0) { const o = el('option', decision === 'approved' ? 'no reason needed' : 'choose a decision first'); o.value = ''; sel.append(o); }
    $('confirm').disabled = decision === null;
  }

  function tickLease() {
    clearInterval(state.leaseTimer);
    const update = () => {
      const left = Math.round((state.leaseExpiresAt - Date.now()) / 1000);
      $('lease').textContent = left > 0 ? `Your lease: ${age(left)} left` : 'Lease expired: the task is back in the pool (E to reclaim)';
    };
    update();
    state.leaseTimer = setInterval(update, 1000);
  }

  async function extend() {
    if (!state.task) return;
    try {
      const claim = await api('POST', `/v1/reviews/tasks/${state.task.taskId}/claim`, { reviewer: store.getItem('reviewName') });
      state.leaseId = claim.leaseId;
      state.leaseExpiresAt = Date.parse(claim.leaseExpiresAt);
      tickLease();
    } catch (err) { toast(err.message); }
  }

  async function release() {
    if (state.task && state.leaseId && $('result').hidden) {
      await api('POST', `/v1/reviews/tasks/${state.task.taskId}/release`, { leaseId: state.leaseId }).catch(() => undefined);
    }
    clearInterval(state.leaseTimer);
    state.task = null;
    loadQueue();
  }

  async function confirm(ev) {
    if (ev) ev.preventDefault();
    if (!state.task || !state.decision) return;
    const body = { leaseId: state.leaseId, decision: state.decision };
    if ($('reason').value) body.reasonCode = Number($('reason').value);
    if ($('note').value.trim()) body.note = $('note').value.trim();
    try {
      const res = await api('POST', `/v1/reviews/tasks/${state.task.taskId}/decision`, body);
      clearInterval(state.leaseTimer);
      const d = res.run && res.run.decision;
      const r = $('result');
      r.textContent = d ? `Run ${res.run.runId} is ${res.run.status}: ${d.status} (${d.code})${d.reasonCode ? `, reason ${d.reasonCode} ${d.reason}` : ''}, by ${d.decidedBy}. Press N for the next task.` : 'Decided.';
      r.hidden = false;
      $('decide').hidden = true;
      state.task = null;
    } catch (err) { toast(`${err.code || 'ERROR'}: ${err.message}`); }
  }

  async function claimNext() {
    try {
      const list = await api('GET', '/v1/reviews/tasks?state=available&limit=1');
      if (list.tasks.length === 0) { toast('No tasks waiting.'); return loadQueue(); }
      await openTask(list.tasks[0].taskId);
    } catch (err) { toast(err.message); }
  }

  document.addEventListener('keydown', (ev) => {
    if ($('login').hidden === false) return;
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement && document.activeElement.tagName);
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); return void confirm(); }
    if (typing) return;
    const onTask = !$('task').hidden;
    const key = ev.key.toLowerCase();
    if (onTask && !$('decide').hidden) {
      if (key === 'a') pick('approved');
      else if (key === 'd') pick('declined');
      else if (key === 'r') pick('resubmission_requested');
      else if (key === 'e') void extend();
      else if (/^[1-9]$/.test(key) && $('reason').options.length >= Number(key) && !$('reason').disabled) $('reason').selectedIndex = Number(key) - 1;
    }
    if (key === 'escape' && onTask) void release();
    if (key === 'n') void claimNext();
  });

  $('login-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    store.setItem('reviewKey', $('login-key').value.trim());
    store.setItem('reviewName', $('login-name').value.trim());
    store.setItem('reviewSecret', $('login-secret').value);
    loadQueue();
  });
  for (const b of document.querySelectorAll('[data-decision]')) b.addEventListener('click', () => pick(b.dataset.decision));
  $('decide').addEventListener('submit', confirm);
  $('refresh').addEventListener('click', loadQueue);
  $('claim-next').addEventListener('click', claimNext);
  $('back').addEventListener('click', release);
  $('extend').addEventListener('click', extend);
  for (const id of ['f-journey', 'f-outcome', 'f-age']) $(id).addEventListener('change', loadQueue);
  if (store.getItem('reviewKey')) loadQueue(); else show('login');
})();
