/* geopol web app: plain JavaScript over the JSON API (no build step, no CDN). */
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const main = $("#main");
const QUAD = { q1: ["verbal cooperation", "#4c9a5f"], q2: ["material cooperation", "#1f6f3a"],
               q3: ["verbal conflict", "#e3873a"], q4: ["material conflict", "#c62828"] };
const BLOC_COLOURS = ["#3b6fb6", "#b8562b", "#7a4fb0", "#2f8f86", "#9a7d1e", "#8a8f98"];

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function status(msg) { $("#status").textContent = msg || ""; }

async function api(path, opts = {}) {
  const res = await fetch(path, opts);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const msg = body.error || body.detail || res.statusText;
    status(`error: ${typeof msg === "string" ? msg : JSON.stringify(msg)}`);
    throw new Error(msg);
  }
  status("");
  return body;
}

/* the write token `geopol serve --allow-ingest` prints in its URL: kept for this tab, taken out of the address */
const TOKEN = (() => {
  const q = new URLSearchParams(location.search), t = q.get("token");
  if (t) {
    sessionStorage.setItem("geopol-token", t);
    q.delete("token");
    history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
  }
  return sessionStorage.getItem("geopol-token") || "";
})();

function post(path, data) {
  const headers = { "Content-Type": "application/json" };
  if (TOKEN) headers["X-Geopol-Token"] = TOKEN;
  return api(path, { method: "POST", headers, body: JSON.stringify(data) });
}

/* ---------------------------------------------------------------- network */
function dayOffset(first, iso) { return Math.round((Date.parse(iso) - Date.parse(first)) / 86400000); }
function isoAt(first, n) { return new Date(Date.parse(first) + n * 86400000).toISOString().slice(0, 10); }

async function networkPage() {
  const meta = await api("/api/meta");
  const first = meta.first || meta.default, last = meta.default;
  main.innerHTML = `
    <div class="controls panel">
      <label>Date <input id="day" type="range" min="0" max="${Math.max(dayOffset(first, last), 0)}" value="${Math.max(dayOffset(first, last), 0)}"></label>
      <output id="daylabel">${esc(last)}</output>
      <label>min |tie| <input id="thr" type="number" min="0" max="1" step="0.05" value="0.1" style="width:5em"></label>
      <span class="legend"><span><i class="swatch" style="background:#1a7f37"></i>positive tie</span>
        <span><i class="swatch" style="background:#c62828"></i>negative tie</span> width = strength, boxes = blocs</span>
      <span id="counts">${meta.counts.documents} documents, ${meta.counts.events} events, ${meta.counts.relations} relations, ${meta.counts.dataset_events} dataset events</span>
    </div>
    <div class="row">
      <div class="panel" style="flex:1"><div id="graph"></div><div id="blocs"></div></div>
      <div class="panel" id="side"><p>Click an edge to see the pair's timeline and the evidence behind it.</p></div>
    </div>
    ${meta.allow_ingest ? ingestForm(meta) : ""}`;
  const cy = cytoscape({
    container: $("#graph"),
    style: [
      { selector: "node[?isBloc]", style: { "background-opacity": 0.06, "border-width": 1, "border-color": "#9aa3b2",
        "label": "data(label)", "text-valign": "top", "font-size": 10, "color": "#6b7280" } },
      { selector: "node[!isBloc]", style: { "background-color": "data(colour)", "label": "data(label)",
        "width": "data(size)", "height": "data(size)", "font-size": 12, "text-valign": "bottom" } },
      { selector: "edge", style: { "width": "data(width)", "line-color": "data(colour)", "curve-style": "bezier",
        "line-style": "data(lineStyle)", "opacity": 0.85 } },
      { selector: "edge:selected", style: { "overlay-opacity": 0.2, "overlay-color": "#000" } },
    ],
    wheelSensitivity: 0.2,
  });
  window.geopolCy = cy;
  const load = async () => {
    const at = isoAt(first, +$("#day").value);
    $("#daylabel").textContent = at;
    const net = await api(`/api/network?at=${at}&threshold=${encodeURIComponent($("#thr").value)}`);
    drawNetwork(cy, net);
    sidePanelAt(net);
  };
  let timer = null;
  $("#day").addEventListener("input", () => { $("#daylabel").textContent = isoAt(first, +$("#day").value);
    clearTimeout(timer); timer = setTimeout(load, 150); });
  $("#thr").addEventListener("change", load);
  cy.on("tap", "edge", evt => showPair(evt.target.data("a"), evt.target.data("b"), $("#side")));
  if (meta.allow_ingest) bindIngest(load);
  await load();
}

function drawNetwork(cy, net) {
  const els = [];
  const multi = net.blocs.length > 1;
  net.blocs.forEach((b, k) => { if (multi) els.push({ data: { id: `bloc-${k}`, label: `bloc ${k + 1}`, isBloc: true } }); });
  const maxPower = Math.max(...net.nodes.map(n => n.power || 0), 1e-9);
  // a fixed layout: blocs side by side, each bloc's members on a circle (same picture for the same data)
  const W = $("#graph").clientWidth || 800, H = $("#graph").clientHeight || 560;
  const groups = multi ? net.blocs : [net.nodes.map(n => n.id)];
  const pos = {};
  groups.forEach((members, k) => {
    const cx = W * (k + 0.5) / groups.length, r = members.length > 1 ? Math.min(W / groups.length, H) * 0.32 : 0;
    members.forEach((id, j) => {
      const angle = 2 * Math.PI * j / members.length - Math.PI / 2 + (k % 2 ? Math.PI / members.length : 0);
      pos[id] = { x: cx + r * Math.cos(angle), y: H / 2 + r * Math.sin(angle) };
    });
  });
  for (const n of net.nodes) {
    els.push({ data: { id: n.id, label: n.name, parent: multi ? `bloc-${n.bloc}` : undefined, isBloc: false,
      colour: BLOC_COLOURS[n.bloc % BLOC_COLOURS.length], size: 18 + 22 * Math.sqrt((n.power || 0) / maxPower) },
      position: pos[n.id] || { x: W / 2, y: H / 2 } });
  }
  for (const e of net.edges) {
    els.push({ data: { id: e.id, source: e.a, target: e.b, a: e.a, b: e.b, sign: e.sign, tie: e.tie,
      colour: e.sign === "+" ? "#1a7f37" : "#c62828", width: 1 + 9 * e.strength,
      lineStyle: e.sign === "+" ? "solid" : "dashed" } });
  }
  cy.elements().remove();
  cy.add(els);
  document.body.dataset.graph = "";
  cy.one("layoutstop", () => { document.body.dataset.graph = net.at; });
  cy.layout({ name: "preset", fit: true, padding: 40 }).run();
  $("#blocs").innerHTML = net.edges.length ? `<p>${net.blocs.map((b, k) => `<b>bloc ${k + 1}</b>: ${b.map(esc).join(", ")}`).join(" · ")}</p>`
    : `<p>No ties at ${esc(net.at)} above ${esc(net.threshold)}.</p>`;
  (net.notes || []).forEach(n => $("#blocs").insertAdjacentHTML("beforeend", `<p class="meta">note: ${esc(n)}</p>`));
}

/* the pair open in the side panel follows the slider: its tie at the network's date */
let lastNet = null;
function sidePanelAt(net) {
  lastNet = net;
  const side = $("#side"), span = side && side.querySelector("#tie-at");
  if (!span || !side.dataset.pair) return;
  const edge = net.edges.find(e => e.id === side.dataset.pair);
  span.innerHTML = edge ? `tie at ${esc(net.at)} <b class="${edge.tie >= 0 ? "pos" : "neg"}">${edge.tie.toFixed(2)}</b> (±${edge.uncertainty.toFixed(2)})`
    : `no tie above ${esc(net.threshold)} at ${esc(net.at)}`;
  side.dataset.at = net.at;
}

/* ---------------------------------------------------------------- one pair */
async function showPair(a, b, target) {
  target.innerHTML = `<p>Loading ${esc(a)}–${esc(b)}…</p>`;
  const p = await api(`/api/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`);
  const last = p.current.tie;
  target.dataset.pair = `${p.a}-${p.b}`;
  target.innerHTML = `
    <h2 id="pair-title">${esc(p.a_name)} – ${esc(p.b_name)}</h2>
    <p>${p.events.length} events, ${p.relations.length} relations, ${p.co_mentions} sentences naming both
      · <span id="tie-at">${last === null ? "" : `tie at ${esc(p.current.at)} <b class="${last >= 0 ? "pos" : "neg"}">${last.toFixed(2)}</b> (±${p.current.uncertainty.toFixed(2)})`}</span>
      · <a href="/pair/${esc(p.a)}/${esc(p.b)}">own page</a> · <a href="/api/pair/${esc(p.a)}/${esc(p.b)}">JSON</a></p>
    <div class="legend">${Object.values(QUAD).map(([l, c]) => `<span><i class="swatch" style="background:${c}"></i>${l}</span>`).join("")}
      <span>— Goldstein mean</span></div>
    ${timelineSvg(p)}
    ${p.changes.length ? `<p>Changes: ${p.changes.map(c => `${esc(c.date)} (${c.before.toFixed(2)} → ${c.after.toFixed(2)})`).join("; ")}</p>` : ""}
    <h3>Evidence</h3>
    <div id="evidence">${p.evidence.map(evidenceHtml).join("") || "<p>No coded events or relations for this pair.</p>"}</div>`;
  if (lastNet && target.id === "side" && lastNet.at !== p.current.at) sidePanelAt(lastNet);  // the slider's date
}

function evidenceHtml(ev) {
  const before = (ev.before || "").slice(-160), after = (ev.after || "").slice(0, 160);
  return `<div class="evidence" data-doc="${esc(ev.doc)}">
    <div class="meta"><b>${esc(ev.label)}</b> · ${esc(ev.modality)} · ${esc(ev.when || "undated")} ·
      ${esc(ev.title || ev.doc)} (${esc(ev.date || "")}) [${ev.start}–${ev.end}]</div>
    <span class="ctx">${esc(before)}</span><mark>${esc(ev.text)}</mark><span class="ctx">${esc(after)}</span></div>`;
}

function timelineSvg(p) {
  const W = 560, H = 230, L = 36, R = 10, top = 10, barH = 110;
  const times = [];
  p.timeline.forEach(r => times.push(Date.parse(r.period)));
  p.relations.forEach(r => { if (r.start) times.push(Date.parse(r.start)); if (r.end) times.push(Date.parse(r.end)); });
  if (!times.length) return "<p>No dated events or relations.</p>";
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (t1 - t0 < 86400000 * 60) { t0 -= 86400000 * 30; t1 += 86400000 * 30; }
  const x = t => L + (W - L - R) * (t - t0) / (t1 - t0);
  const maxN = Math.max(1, ...p.timeline.map(r => r.events));
  let s = `<svg id="timeline" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="timeline">`;
  s += `<line x1="${L}" y1="${top + barH}" x2="${W - R}" y2="${top + barH}" stroke="#9aa3b2"/>`;
  for (const r of p.timeline) {
    let y = top + barH;
    for (const q of ["q1", "q2", "q3", "q4"]) {
      const h = barH * r[q] / maxN;
      if (h > 0) { y -= h; s += `<rect x="${x(Date.parse(r.period)) - 2}" y="${y}" width="5" height="${h}" fill="${QUAD[q][1]}"><title>${r.period}: ${r[q]} ${QUAD[q][0]}</title></rect>`; }
    }
  }
  const gy = g => top + barH / 2 - (barH / 2) * g / 10;
  const pts = p.timeline.filter(r => r.goldstein_mean !== null).map(r => `${x(Date.parse(r.period))},${gy(r.goldstein_mean)}`);
  if (pts.length > 1) s += `<polyline points="${pts.join(" ")}" fill="none" stroke="#1d2330" stroke-width="1.2"/>`;
  pts.forEach(pt => { const [cx, cy] = pt.split(","); s += `<circle cx="${cx}" cy="${cy}" r="2.5" fill="#1d2330"/>`; });
  let row = 0;
  for (const r of p.relations) {
    if (!r.start) continue;
    const y = top + barH + 18 + 14 * (row++ % 6);
    const xe = r.end ? x(Date.parse(r.end)) : W - R;
    s += `<line x1="${x(Date.parse(r.start))}" y1="${y}" x2="${Math.max(xe, x(Date.parse(r.start)) + 3)}" y2="${y}" stroke="${r.sign === "+" ? "#1a7f37" : "#c62828"}" stroke-width="5"><title>${esc(r.kind)} ${r.start}–${r.end || "open"}</title></line>`;
    // a label that would run past the right edge (a relation that starts late) is set to end at its start
    const xs = x(Date.parse(r.start)), fits = xs + 4 + 6.5 * r.kind.length <= W;
    s += `<text x="${fits ? xs + 4 : xs - 4}" y="${y - 4}" text-anchor="${fits ? "start" : "end"}">${esc(r.kind)}</text>`;
  }
  const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
  const step = Math.max(1, Math.ceil((y1 - y0) / 8));
  for (let yr = y0; yr <= y1; yr += step) {
    const t = Date.UTC(yr, 0, 1);
    if (t >= t0 && t <= t1) s += `<text x="${x(t)}" y="${H - 2}" text-anchor="middle">${yr}</text>`;
  }
  s += `<text x="2" y="${top + 8}">+10</text><text x="2" y="${top + barH}">−10</text></svg>`;
  return s;
}

/* ---------------------------------------------------------------- lists */
async function actorsPage() {
  main.innerHTML = `<div class="controls panel"><label>Search <input id="q" type="search" placeholder="name, code or form"></label></div><div id="list"></div>`;
  const load = async () => {
    const rows = await api(`/api/actors?q=${encodeURIComponent($("#q").value)}`);
    $("#list").innerHTML = `<table><tr><th>code</th><th>name</th><th>kind</th><th>role</th><th>mentions</th><th>documents</th><th>written as</th></tr>
      ${rows.map(r => `<tr><td>${esc(r.code)}</td><td>${esc(r.name)}</td><td>${esc(r.kind)}</td><td>${esc(r.role || "")}</td>
      <td>${r.mentions}</td><td>${r.documents}</td><td>${r.forms.slice(0, 6).map(esc).join(", ")}</td></tr>`).join("")}</table>`;
  };
  $("#q").addEventListener("input", load);
  await load();
}

function evidenceCell(list) {
  return (list || []).map(e => `<div class="evidence"><div class="meta">${esc(e.doc)} [${e.start}–${e.end}]</div><mark>${esc(e.text)}</mark></div>`).join("");
}

async function claimsPage() {
  const rows = await api("/api/claims");
  main.innerHTML = `<table><tr><th>speaker</th><th>on behalf of</th><th>says</th><th>about</th><th>stance</th><th>evidence</th></tr>
    ${rows.map(c => `<tr><td>${esc(c.speaker)}</td><td>${esc(c.speaker_actor || "")}</td><td>${esc(c.content)}</td>
    <td>${c.about.map(esc).join(", ")}</td><td>${esc(c.stance)}</td><td>${evidenceCell(c.evidence)}</td></tr>`).join("")}</table>
    ${rows.length ? "" : "<p>No claims in the store.</p>"}`;
}

async function hypothesesPage() {
  const rows = await api("/api/hypotheses");
  main.innerHTML = `<table><tr><th>if</th><th>then</th><th>actors</th><th>evidence</th></tr>
    ${rows.map(h => `<tr><td>${esc(h.condition)}</td><td>${esc(h.consequence)}</td><td>${h.actors.map(esc).join(", ")}</td>
    <td>${evidenceCell(h.evidence)}</td></tr>`).join("")}</table>${rows.length ? "" : "<p>No conditional statements in the store.</p>"}`;
}

/* ---------------------------------------------------------------- what if */
async function whatifPage() {
  const meta = await api("/api/meta");
  main.innerHTML = `<div class="panel">
    <p>Change a tie (−1 … +1) or scale an actor's power, and compare the blocs landscape theory predicts before and after.</p>
    <div class="controls"><label>Date <input id="wat" type="date" value="${esc(meta.default)}"></label>
      <label>Model <select id="wmodel"><option>landscape</option><option>marvel</option><option>bdm</option></select></label></div>
    <div class="controls">Tie <input id="wa" type="text" size="4" placeholder="CHN"> – <input id="wb" type="text" size="4" placeholder="PRK">
      <input id="wv" type="range" min="-1" max="1" step="0.05" value="-0.5"> <output id="wvl">-0.50</output></div>
    <div class="controls">Power of <input id="pa" type="text" size="4" placeholder="RUS"> × <input id="pf" type="number" step="0.1" min="0" value="1" style="width:5em"></div>
    <button id="wrun">Run</button></div><div id="wout"></div>`;
  $("#wv").addEventListener("input", () => { $("#wvl").textContent = (+$("#wv").value).toFixed(2); });
  $("#wrun").addEventListener("click", async () => {
    const body = { at: $("#wat").value, model: $("#wmodel").value, set: {}, scale: {} };
    if ($("#wa").value && $("#wb").value) body.set[`${$("#wa").value.toUpperCase()}-${$("#wb").value.toUpperCase()}`] = +$("#wv").value;
    if ($("#pa").value && +$("#pf").value !== 1) body.scale[$("#pa").value.toUpperCase()] = +$("#pf").value;
    const r = await post("/api/whatif", body);
    const side = (res, k) => res.sides[k].map(a => `<span class="${r.switched.includes(a) ? "switched" : ""}">${esc(a)}</span>`).join(", ");
    $("#wout").innerHTML = `<h3>Before and after (${esc(r.model)}, ${esc(r.at)})</h3><div class="blocs">
      <div class="bloc" id="before"><b>before</b><p>${side(r.baseline, 0)}</p><p>${side(r.baseline, 1)}</p></div>
      <div class="bloc" id="after"><b>after</b><p>${side(r.changed, 0)}</p><p>${side(r.changed, 1)}</p></div></div>
      <p id="switched">Switch sides: ${r.switched.map(esc).join(", ") || "nobody"}</p>`;
  });
}

/* ---------------------------------------------------------------- ingest */
function ingestForm(meta) {
  return `<div class="panel" style="margin-top:1rem"><h3>Ingest an article</h3>
    <div class="controls"><input id="ititle" type="text" placeholder="title"> <input id="idate" type="date"></div>
    <textarea id="itext" rows="6" style="width:100%" maxlength="${meta.max_ingest_bytes}" placeholder="Paste the article text"></textarea>
    <button id="igo">Ingest</button> <span id="iout"></span></div>`;
}

function bindIngest(reload) {
  $("#igo").addEventListener("click", async () => {
    const r = await post("/api/ingest", { text: $("#itext").value, title: $("#ititle").value, date: $("#idate").value || null });
    $("#iout").textContent = `${r.events} events, ${r.relations} relations, ${r.claims} claims${r.unchanged ? " (already in the store)" : ""}`;
    await reload();
  });
}

/* ---------------------------------------------------------------- routing */
async function route() {
  const path = location.pathname;
  const page = path.startsWith("/pair/") ? "pair" : (path.slice(1) || "network");
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.page === page));
  try {
    if (page === "pair") {
      const [, , a, b] = path.split("/");
      main.innerHTML = `<div class="panel" id="pairpage"></div>`;
      await showPair(decodeURIComponent(a), decodeURIComponent(b), $("#pairpage"));
    } else {
      await ({ network: networkPage, actors: actorsPage, claims: claimsPage, hypotheses: hypothesesPage,
               whatif: whatifPage }[page] || networkPage)();
    }
    document.body.dataset.ready = "1";
  } catch (err) {
    status(`error: ${err.message}`);
  }
}

route();
