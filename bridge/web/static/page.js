// The studio page: take tree with piano rolls, live jobs with progress and cancel, the generate form,
// the MIDI-GPT form (infill.js) and a latency panel, all from the daemon's HTTP API and /ws events.
// No build step.

const params = new URLSearchParams(location.search);
const token = params.get("token");
const tokenQuery = token ? `?token=${encodeURIComponent(token)}` : "";
const auth = token ? { Authorization: `Bearer ${token}` } : {};
// The event stream opens first and the take list is asked for once the daemon has subscribed this page
// (its first message), so no take or Set change can fall between the list and the stream (a Set opened
// just after the page was ready went unseen, load 8 on 2 cores). Events that come while the page is still
// being built wait in `early`; the modules load meanwhile.
const early = [];
let onEvent = (event) => early.push(event);
let pageReady = false;
const subscribed = new Promise((resolve) => connect((event) => onEvent(event), () => {
  resolve();
  if (pageReady) loadTakes().catch(console.error); // back after a drop: what was missed is read again
}));
const waited = new Promise((resolve) => setTimeout(resolve, 3000)); // a stream that never opens: list anyway
const listing = Promise.race([subscribed, waited]).then(() => api("GET", "/api/takes?limit=500"));
listing.catch(() => {});
const [{ drawRoll }, { analysisView, showAudio }, { comparer }, { jobList, noteDelay }, { infillForm }, { commandForm }] =
  await Promise.all(["pianoroll", "analysis", "compare", "jobs", "infill", "command"].map((name) =>
    import(`./${name}.js${tokenQuery}`)));
const $ = (sel) => document.querySelector(sel);

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { ...auth, ...(body ? { "Content-Type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(typeof data.detail === "string" ? data.detail : `${response.status}`);
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k in node && k !== "list") node[k] = v;
    else node.setAttribute(k, v);
  }
  node.append(...children);
  return node;
}

// --- generate form -------------------------------------------------------------------------
async function buildForm() {
  const offered = await api("GET", "/api/options");
  const { parts, generate_options: options } = offered;
  infillForm({ api, el, options: offered, noteSent }); // infill, continue, accompany (infill.js)
  commandForm({ api, noteSent }); // a command in words (command.js)
  const fields = $("#generate-fields");
  fields.append(el("label", { htmlFor: "f-part" }, "part"),
    el("select", { id: "f-part", name: "part" }, ...parts.map((p) => el("option", { value: p }, p))));
  const defaults = { bars: 4, density: 0.5, complexity: 0.5 };
  for (const [name, kind] of Object.entries(options)) {
    const id = `f-${name}`;
    let input;
    if (name === "replace") input = el("input", { id, name, type: "checkbox" });
    else if (kind === "str") input = el("input", { id, name, type: "text", placeholder: "from Live" });
    else input = el("input", { id, name, type: "number", step: kind === "float" ? "0.05" : "1",
      placeholder: name === "track" || name === "slot" ? "selected" : "auto", value: defaults[name] ?? "" });
    fields.append(el("label", { htmlFor: id }, name), input);
  }
  $("#generate").addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = { part: $("#f-part").value };
    for (const [name, kind] of Object.entries(options)) {
      const input = document.getElementById(`f-${name}`);
      if (name === "replace") body.replace = input.checked ? 1 : 0;
      else if (input.value !== "") body[name] = kind === "str" ? input.value : Number(input.value);
    }
    $("#form-error").textContent = "";
    try {
      const { job_id } = await api("POST", "/api/generate", body);
      noteSent(job_id, "generate");
    } catch (err) {
      $("#form-error").textContent = err.message;
    }
  });
}

// --- jobs and latency (jobs.js) ------------------------------------------------------------
const { showJob, noteSent } = jobList({ api, el, list: $("#jobs"), latencyBody: $("#latency tbody"),
  latencySummary: $("#latency-summary") });

// --- take tree ------------------------------------------------------------------------------
// A take's notes are fetched and drawn once it comes near the screen: content-visibility: auto
// (style.css) already tracks that for every take and says so with contentvisibilityautostatechange,
// so the page keeps no observer of its own over the 500 takes (one fewer pass over them per frame).
const takeEls = new Map(); // take_id -> its element: a new take finds itself and its parent without a query

// A roll is drawn once its canvas has a size: a ResizeObserver answers after the frame's layout, so
// drawing never forces a layout of its own (and a roll is drawn again at its new width on a resize).
const rollSized = new ResizeObserver((entries) => {
  for (const { target, contentRect: { width, height } } of entries) if (width) target.drawAt(width, height);
});

// drawn into the take's own body, above the list of its children
async function drawTake(li, take, known) {
  const detail = known ?? await api("GET", `/api/takes/${take.take_id}`);
  li = li.querySelector(":scope > .body");
  const where = landed(detail);
  if (where) li.append(el("p", { className: "hint where" }, `${detail.live?.slot == null ? "in the Arrangement" : "in a clip slot"}: ${where}`));
  await showAudio(li, take.take_id, detail, tokenQuery);
  if (!detail.notes) return;
  const canvas = el("canvas", { role: "img" });
  const sig = detail.context?.signature?.[0] ?? 4;
  canvas.drawAt = (width, height) => drawRoll(canvas, detail.notes, detail.live?.length_beats, sig, { width, height });
  const player = el("audio", { controls: true, preload: "none", src: `/api/takes/${take.take_id}/preview${tokenQuery}` });
  player.setAttribute("aria-label", `play a preview of take ${take.take_id} (GM SoundFont)`);
  li.append(canvas, player); // one change to the page: the take grows once
  rollSized.observe(canvas);
}

const compare = comparer({ api, el }); // Compare on take A, then on take B: what changed

// A take's head line: star, id, part, what made it, its actions. Rebuilt alone when the take is
// starred or given a message (a "take" event with "change"), never the tree around it.
function takeHead(take) {
  const act = (label, fn) => el("button", { type: "button", className: "small", onclick: fn,
    "aria-label": `${label} take ${take.take_id}` }, label);
  const run = (action, body) => api("POST", `/api/${action}`, { take_id: take.take_id, ...body })
    .then(({ job_id }) => noteSent(job_id, `history_${action}`))
    .catch((e) => { $("#form-error").textContent = e.message; });
  return el("div", { className: "head" },
    el("span", { className: "star", title: take.starred ? "starred" : "" }, take.starred ? "★" : "☆"),
    el("code", {}, take.take_id), el("strong", {}, take.part || take.action), el("span", { className: "hint" },
      el("span", { className: "landed" }, landed(take).replace(/^(.+)$/, "$1 · ")),
      take.in_another_set ? el("span", { className: "elsewhere", title: `made in another Set (project ${take.project})` }, "in another Set · ")
        : take.undone ? el("span", { className: "undone", title: "Live's undo took its clip back" }, "undone · ") : "",
      `${take.genre || take.params?.genre || take.context?.genre || ""}`.replace(/^(.+)$/, "$1 · "),
      el("span", { className: "made" }, `${madeBy(take)} · `), el("time", { dateTime: take.created_at, title: take.created_at }, age(take.created_at)),
      take.message ? ` · ${take.message}` : ""),
    el("span", { className: "actions" }, act("Recall", () => run("recall", {})), ...(take.action === "generate" ? [act("Fork", () => run("fork", {}))] : []),
      act(take.starred ? "Unstar" : "Star", () => run("star", { starred: take.starred ? 0 : 1 })),
      act("Compare", () => compare(take).catch((e) => { $("#compare-summary").textContent = e.message; })),
      el("a", { className: "small button", href: `/api/takes/${take.take_id}/export/zip${tokenQuery}`, download: "",
        "aria-label": `export take ${take.take_id} with its ancestry (.zip)` }, "Export")));
}

// What made a take: its action, and the kind of a transform ("transform: swing")
function madeBy(take) {
  const kind = take.kind ?? take.params?.kind;
  return typeof kind === "string" && kind ? `${take.action}: ${kind}` : take.action;
}

// Python's round(): a tie goes to the even neighbour (a 32nd between two sixteenths rounds as the daemon's does)
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// A place in beats from the song's start as Live's arrangement ruler shows it, bar.beat from 1.1 ("5.1" is
// beat 16 in 4/4), the sixteenth added only off the beat ("5.2.3"): the rule of the daemon's answers
// (bridge/actions/place/places.py bar_beat), so a take's line and the answer that made it say one place.
const MAX_BEATS = 1576800; // Live's last place in beats (its longest clip): places.py MAX_BEATS
function barBeat(beats, barBeats = 4, beatBeats = 1) {
  const sixteenths = roundHalfEven(beats * 4);
  if (typeof beats !== "number" || !Number.isFinite(beats) || !(sixteenths >= 0 && sixteenths <= MAX_BEATS * 4)) {
    throw new RangeError(`beats ${beats} is no place in Live: expected 0..${MAX_BEATS}`);
  }
  const perBar = Math.max(1, roundHalfEven(barBeats * 4));
  const [bar, rest] = [Math.floor(sixteenths / perBar), sixteenths % perBar];
  const perBeat = Math.max(1, roundHalfEven(beatBeats * 4)); // a beat as Live counts it: an eighth in 6/8
  const [beat, sixteenth] = [Math.floor(rest / perBeat), rest % perBeat];
  return `${bar + 1}.${beat + 1}` + (sixteenth ? `.${sixteenth + 1}` : "");
}

let openSignature = null; // the open Set's [numerator, denominator], from Live's context

// Where a take landed in Live, counted as Live shows it (the take's JSON holds 0-based indexes): "track 2,
// scene 1" for a clip slot, or in the Arrangement "track 2 at bar 5.1" in the signature the take was made
// in (its whole record), else the open Set's for a take of it, else 4/4 (as the daemon's recall says it)
function landed(take) {
  const live = take.live ?? {};
  const [track, slot, start] = [live.track ?? take.track, live.slot ?? take.slot, live.start_beats ?? take.start_beats];
  if (track == null) return "";
  if (slot != null) return `track ${track + 1}, scene ${slot + 1}`;
  if (start == null) return "";
  const [num, den] = take.context?.signature ?? (take.in_another_set ? null : openSignature) ?? [4, 4];
  try {
    return `track ${track + 1} at bar ${barBeat(start, (num * 4) / den, 4 / den)}`;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return `track ${track + 1}`; // a start that is no place in Live: the track alone
  }
}

// "12s ago", "5m ago", "3h ago", "2d ago": a take's age where the ISO time is its title
function age(iso) {
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  for (const [unit, size] of [["w", 604800], ["d", 86400], ["h", 3600], ["m", 60]]) {
    if (s >= size) return `${Math.floor(s / size)}${unit} ago`;
  }
  return `${Math.floor(s)}s ago`;
}

function takeItem(take, detail) { // detail: the take's whole record when already fetched
  const li = el("li", { className: "take", "data-take-id": take.take_id, tabIndex: 0 }, takeHead(take),
    el("div", { className: "body" }));
  li.addEventListener("contentvisibilityautostatechange", function shown(event) {
    if (event.target !== li || event.skipped) return;
    li.removeEventListener("contentvisibilityautostatechange", shown);
    drawTake(li, take, detail).catch((e) => li.children[1].append(el("p", { className: "error" }, e.message)))
      .finally(() => { li.dataset.drawn = "1"; }); // its body's reserved height (style.css) is let go
  });
  li.take = take;
  takeEls.set(take.take_id, li);
  return li;
}

// Newest first, each take's forks, variations and recalls folded under it (newest first). Built
// with an explicit stack, never recursion: a parent chain thousands deep (a history from before
// takes were parented to what they vary) neither overflows the call stack nor nests the page
// sideways: below MAX_DEPTH levels a chain goes on in the deepest list, marked with its depth.
const MAX_DEPTH = 6;

function takeList(li) {
  return li.querySelector(":scope > ul") || li.appendChild(el("ul"));
}

let listed = 0; // the latest list asked for: an older answer that comes in after it is not drawn

async function loadTakes(pending = api("GET", "/api/takes?limit=500")) {
  const asked = ++listed;
  const takes = await pending;
  if (asked !== listed) return;
  const ids = new Set(takes.map((t) => t.take_id));
  const children = new Map();
  for (const t of takes) {
    const parent = ids.has(t.parent_id) && t.parent_id !== t.take_id ? t.parent_id : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(t);
  }
  takeEls.clear();
  const roots = [];
  const stack = (children.get(null) || []).map((t) => [t, null, 0]).reverse();
  while (stack.length) {
    const [take, list, depth] = stack.pop();
    if (takeEls.has(take.take_id)) continue; // a cycle written by hand: shown once
    const li = takeItem(take);
    if (depth > MAX_DEPTH) li.dataset.depth = depth;
    (list ? list.push(li) : roots.push(li));
    const kids = children.get(take.take_id) || [];
    if (!kids.length) continue;
    const into = depth < MAX_DEPTH ? [] : list; // deeper: the same (deepest) list, no further indent
    if (into !== list) li.kids = into;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], into, depth + 1]);
  }
  for (const li of takeEls.values()) if (li.kids?.length) takeList(li).append(...li.kids);
  $("#takes").replaceChildren(...roots);
  showProject(takes.find((t) => !t.in_another_set));
  if (!takes.length) $("#takes").append(el("li", { className: "hint" }, "No takes yet: generate one."));
}

// The project listed: the open Set's (issue 57), named by a take of it; none listed yet, none named.
function showProject(take) {
  const text = take ? `in ${take.project}` : "";
  const node = $("#takes-project");
  if (node.textContent !== text) node.textContent = text; // unchanged: the page is not touched
}

// A new take goes in at once, under its parent when the parent is shown (no reload of the tree). Its
// roll and player follow in a task of their own once the take is on screen: two short frames rather
// than one long one, so the /ws events arriving meanwhile are handled between them.
async function addTake(takeId) {
  const take = await api("GET", `/api/takes/${takeId}`);
  if (takeEls.has(take.take_id)) return;
  const li = takeItem(take, take); // a new take's record is its detail: drawn without a second fetch
  const parent = take.parent_id && takeEls.get(take.parent_id);
  let list = $("#takes");
  if (parent) {
    list = takeList(parent);
  } else {
    list.querySelector(":scope > li.hint")?.remove();
  }
  list.prepend(li);
  if (!take.in_another_set) showProject(take); // the first take of a Set just opened names its project
}

// A take starred, unstarred or given a message (here or by the device, a script, roo): its head
// changes in place; the 500 takes around it are not rebuilt. A button that had the focus keeps it.
async function updateTake(event) {
  const li = takeEls.get(event.take_id);
  if (!li) return;
  const take = { ...li.take, ...(await api("GET", `/api/takes/${event.take_id}`)) };
  li.take = take;
  const old = li.querySelector(":scope > .head");
  const focused = [...old.querySelectorAll("button, a")].indexOf(document.activeElement);
  const head = takeHead(take);
  old.replaceWith(head);
  if (focused >= 0) head.querySelectorAll("button, a")[focused]?.focus(); // Star stays where Unstar was
}

// --- live state and context ------------------------------------------------------------------
function showLive(connected) {
  const badge = $("#live");
  badge.textContent = connected ? "Live: connected" : "Live: not answering";
  badge.className = `badge ${connected ? "on" : "off"}`;
}

function showContext(c) {
  const signature = [c.signature_numerator, c.signature_denominator];
  if (String(signature) !== String(openSignature)) {
    openSignature = signature; // the list's lines that counted in another signature say it again
    for (const li of takeEls.values()) {
      const line = li.querySelector(":scope > .head .landed");
      if (line) line.textContent = landed(li.take).replace(/^(.+)$/, "$1 · ");
    }
  }
  const names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
  $("#context").textContent = `${c.tempo_bpm.toFixed(1)} BPM · ${c.signature_numerator}/${c.signature_denominator}` +
    ` · ${names[c.root_note % 12]} ${c.scale_name} · ${c.num_tracks} tracks`;
}

// The latest analysis result (an HTTP or device analyze), drawn without its audio (the store's
// take of an audio analysis shows it over the waveform in the tree).
async function showAnalysis(result) {
  const view = await analysisView({ url: null, analysis: result, label: result.source || "analysis" });
  $("#analysis").hidden = false;
  $("#analysis-view").replaceChildren(view);
  await view.draw();
}

function handle(event) {
  if (event.at_s) noteDelay(event);
  if (event.type === "job") showJob(event);
  else if (event.type === "live") showLive(event.connected);
  else if (event.type === "context") showContext(event);
  if (event.type === "take") (event.change ? updateTake(event) : addTake(event.take_id)).catch(console.error);
  if (event.type === "result" && event.kind === "analysis") showAnalysis(event.result).catch(console.error);
  const another = event.type === "set"; // another Set opened in Live: its project's takes
  if (another || (event.type === "job" && event.state === "done" && /^history_project/.test(event.kind || ""))) {
    clearTimeout(takesTimer);
    takesTimer = setTimeout(() => loadTakes().catch(console.error), another ? 300 : 50);
  }
}

// The daemon's event stream: `subscribed` is called on each connection's first message (the daemon sends it
// once it has subscribed the page), so what is published after it reaches the page.
function connect(deliver, subscribed) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(`${scheme}://${location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ""}`);
  let first = true;
  ws.onmessage = (message) => {
    const event = JSON.parse(message.data);
    deliver(event);
    if (first) {
      first = false;
      subscribed();
    }
  };
  ws.onclose = () => {
    deliver({ type: "live", connected: false });
    setTimeout(() => connect(deliver, subscribed), 1000);
  };
}

$("#refresh").addEventListener("click", () => loadTakes());
let takesTimer = null;
await buildForm();
api("GET", "/api/context").then(showContext).catch(() => {});
api("GET", "/api/jobs").then((list) => list.reverse().forEach(showJob)).catch(() => {});
await loadTakes(listing).catch((e) => $("#takes").append(el("li", { className: "error" }, e.message)));
onEvent = handle;
for (const event of early.splice(0)) handle(event);
pageReady = true;
document.body.dataset.readyAt = String(performance.now());
document.body.dataset.ready = "1";
