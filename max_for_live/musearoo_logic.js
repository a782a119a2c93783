// MuseAroo device logic: pure state and formatting, no sockets, no timers, no Max.
//
// The host (musearoo_device.js under Max's node.script, or a test under plain Node) feeds it
// messages with handle(selector, args) and calls tick() on a timer; everything the device does
// comes out through one function, out(selector, ...atoms):
//   out("osc", address, ...args)  -> [udpsend 127.0.0.1 <daemon_port>]
//   out("listen", port)           -> [udpreceive] ("port N"), once at start
//   out("status", text)           -> the status line
//   out("progress", 0..100)       -> the progress bar
//   out("rtt", text)              -> the round-trip line
//   out("context", text)          -> the song line (tempo, signature, key)
// Addresses and lists come from protocol.json (generated from bridge/protocol.py); time comes
// from the injected now() in milliseconds, so every timeout is testable without waiting.
"use strict";

const fs = require("fs");

const DAEMON_DOWN = "daemon not running - start it with: make run (or roo serve)";
const GENRES = ["pop", "rock", "jazz", "electronic", "hip-hop", "classical", "country", "blues", "reggae", "ambient", "house", "techno", "trap", "drum-and-bass", "lo-fi", "funk", "neo-soul", "metal"];
// Fills menu: "genre" keeps the genre's own fills; the others are /roo/generate's fills values.
const FILLS = ["genre", "none", "phrase", "4"];
const GROOVE = ["swing", "humanize", "accent", "intensity"]; // sent only while My groove is on
const NOTE_NAMES = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
const DEFAULTS = Object.freeze({
  bars: 4,
  genre: "pop",
  density: 0.5,
  complexity: 0.5,
  groove: 0, // 0: the genre's swing, humanize, accent and intensity; 1: the dials'
  swing: 0,
  humanize: 0.3,
  accent: 0.5,
  intensity: 0.5,
  fills: "genre",
  model: "htdemucs",
  follow: 1, // write into the device's own track when it is known
  heartbeatMs: 1000, // how often /roo/register is re-sent (it doubles as the ping)
  timeoutMs: 3000, // no word from the daemon for this long after a heartbeat: it is down
  voiceMaxMs: 20000, // push-to-talk stops by itself after this long
  pendingMaxMs: 30000, // a request whose job never showed up is forgotten after this long
  historyLimit: 8, // History lists this many of the newest takes; the Take box picks one (1 = newest)
});

function loadProtocol(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

function formatMs(ms) {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

function clamp01(x) {
  return Math.max(0, Math.min(1, Number(x)));
}

class DeviceLogic {
  constructor({ protocol, out, now, seed = 1, options = {} }) {
    if (!protocol || !protocol.addresses) throw new Error("DeviceLogic needs protocol.json's facts");
    this.p = protocol;
    this.a = protocol.addresses;
    this.finalStates = new Set(protocol.job_states.filter((s) => s !== "queued" && s !== "running"));
    this.out = out;
    this.now = now;
    this.opt = { ...DEFAULTS, ...options };
    this.seed = Math.trunc(seed);
    this.bars = this.opt.bars;
    this.genre = this.opt.genre;
    this.density = this.opt.density;
    this.complexity = this.opt.complexity;
    for (const name of [...GROOVE, "groove", "fills"]) this[name] = this.opt[name];
    this.model = this.opt.model;
    this.follow = this.opt.follow;
    this.arrangement = 0; // the Arrangement switch: one part goes to the loop brace, not a slot
    this.transformKind = this.transformKinds()[0];
    this.midiKind = "auto"; // Convert to MIDI: what the audio is (auto: the daemon chooses and says)
    this.quantize = 0; // Convert to MIDI: 0 leaves the notes as heard, 1 snaps them to 16ths
    this.ownTrack = -1; // from the [js] track locator (LiveAPI this_device canonical_parent)
    this.prompt = "";
    this.port = 0;
    this.link = null; // null: not known yet, true: daemon answering, false: daemon down
    this.awaitingSince = null; // first heartbeat sent since the daemon was last heard
    this.heartbeatSentAt = null;
    this.linkRttMs = null;
    this.jobRtt = null; // {ms, kind, id}
    this.jobs = new Map(); // job id -> {kind, sentAt, state}
    this.pending = []; // requests sent whose job id is not known yet: {kind, sentAt}
    this.lastGenerate = null; // the last /roo/generate arguments, for Vary
    this.voiceSince = null;
    this.latestJob = null;
    this.takes = []; // the last History listing, newest first: objects of protocol's take fields
    this.listing = null; // takes arriving for a History request, until /roo/history/end
    this.takeIndex = 0; // the Take box, 0-based
    this.jamRecord = 0; // Rec jam: the next jam keeps every phrase as takes and a MIDI file
    this.jamPlaying = false; // from /roo/jam/state: started .. stopped or failed
    this.song = null; // the last song context: the jam starts at its tempo and in its key
    this.source = null; // what parts follow, from /roo/follow/state: {mode, track, slot, text}
  }

  // --- wiring -------------------------------------------------------------------------------
  handlers() {
    const a = this.a;
    const h = {
      generate: (part) => this.generate(String(part)),
      vary: () => this.vary(),
      bars: (n) => this.set("bars", Math.max(1, Math.trunc(Number(n)))),
      genre: (i) => this.set("genre", GENRES[Math.trunc(Number(i))] ?? this.genre),
      density: (x) => this.set("density", clamp01(x)),
      complexity: (x) => this.set("complexity", clamp01(x)),
      groove: (on) => this.set("groove", Number(on) ? 1 : 0),
      swing: (x) => this.set("swing", clamp01(x)),
      humanize: (x) => this.set("humanize", clamp01(x)),
      accent: (x) => this.set("accent", clamp01(x)),
      intensity: (x) => this.set("intensity", clamp01(x)),
      fills: (i) => this.set("fills", FILLS[Math.trunc(Number(i))] ?? this.fills),
      model: (i) => this.set("model", this.p.separation_models[Math.trunc(Number(i))] ?? this.model),
      follow: (on) => this.set("follow", Number(on) ? 1 : 0),
      arrangement: (on) => this.set("arrangement", Number(on) ? 1 : 0),
      transformkind: (i) => this.set("transformKind", this.transformKinds()[Math.trunc(Number(i))] ?? this.transformKind),
      transform: () => this.transform(),
      own_track: (n) => this.set("ownTrack", Math.trunc(Number(n))),
      prompt: (...words) => this.setPrompt(words),
      musicgen: () => this.musicgen(),
      analyze: () => this.request(a.analyze, [], "analyze"),
      warp: () => this.request(a.analyze, ["warp", 1], "warp to song"),
      separate: () => this.request(a.separate, [-1, -1, this.model], `split stems (${this.model})`),
      midikind: (i) => this.set("midiKind", this.p.transcribe_kinds[Math.trunc(Number(i))] ?? this.midiKind),
      quantize: (x) => this.set("quantize", clamp01(x)),
      tomidi: () => this.toMidi(),
      voice: () => this.voiceEdge(),
      cancel: () => this.cancel(),
      jam: (on) => this.jamSwitch(Number(on) ? 1 : 0),
      jamrecord: (on) => this.set("jamRecord", Number(on) ? 1 : 0),
      loaded: () => this.heartbeat(),
      history: () => this.listHistory(),
      take: (n) => this.pickTake(Math.trunc(Number(n)) - 1),
      recall: () => this.onTake((t) => this.request(a.history_recall, [t.take_id], `recall ${t.take_id}`)),
      star: () => this.onTake((t) => this.star(t)),
      undo: () => this.request(a.command, ["undo that"], "undo that"),
      follownothing: () => this.followAsk(["none"], "follow nothing"),
      followclip: () => this.followAsk([-1, -1], "chord source: the selected clip"),
      followauto: () => this.followAsk(["auto"], "follow by the rule"),
    };
    h[a.follow_state] = (...args) => this.onFollowState(args);
    h[a.history_take] = (...args) => this.onHistoryTake(args);
    h[a.history_end] = () => this.onHistoryEnd();
    h[a.status] = (...args) => this.onStatus(args);
    h[a.pong] = () => this.heard();
    h[a.result] = (...args) => this.onResult(args);
    h[a.context] = (...args) => this.onContext(args);
    h[a.registered] = (port) => this.onRegistered(port);
    h[a.error] = (address, message) => this.onError(address, message);
    h[a.jam_state] = (event, json) => this.onJamState(String(event), json);
    return h;
  }

  handle(selector, args = []) {
    const fn = this.handlers()[selector];
    if (fn === undefined) return false;
    fn(...args);
    return true;
  }

  set(name, value) {
    this[name] = value;
  }

  // --- connection ---------------------------------------------------------------------------
  start(port) {
    this.port = port;
    this.out("listen", port);
    this.out("status", "connecting to the MuseAroo daemon...");
    this.out("progress", 0);
    this.heartbeat();
  }

  heartbeat() {
    if (!this.port) return;
    const t = this.now();
    if (this.awaitingSince === null) this.awaitingSince = t;
    this.heartbeatSentAt = t;
    this.out("osc", this.a.register, this.port);
  }

  tick() {
    const t = this.now();
    if (this.awaitingSince !== null && t - this.awaitingSince >= this.opt.timeoutMs && this.link !== false) {
      this.link = false;
      this.linkRttMs = null;
      this.out("status", DAEMON_DOWN);
      this.out("progress", 0);
      this.showRtt();
    }
    if (this.voiceSince !== null && t - this.voiceSince >= this.opt.voiceMaxMs) this.voiceEdge();
    this.pending = this.pending.filter((p) => t - p.sentAt < this.opt.pendingMaxMs);
    this.heartbeat();
  }

  heard() {
    this.awaitingSince = null;
    if (this.link !== true) {
      this.link = true;
      this.out("status", `connected to the MuseAroo daemon (protocol ${this.p.version})`);
      this.out("osc", this.a.follow); // what parts follow now: answered on /roo/follow/state
    }
  }

  // Follow: "Follow nothing" is one press (parts then follow Live's key and the genre only);
  // "Chords from clip" marks the selected MIDI clip as the chord source; the source line shows it.
  followAsk(args, label) {
    if (this.link === false) {
      this.out("status", DAEMON_DOWN);
      return;
    }
    this.out("osc", this.a.follow, ...args);
    this.out("status", `${label}: sent`);
  }

  onFollowState(args) {
    this.heard();
    const [mode, track, slot, ...text] = args;
    this.source = { mode: String(mode), track: Number(track), slot: Number(slot), text: text.map(String).join(" ") };
    this.out("source", `${this.source.mode === "none" ? "[follow nothing] " : ""}${this.source.text}`.slice(0, 120));
  }

  onRegistered(port) {
    if (Number(port) === this.port && this.heartbeatSentAt !== null) {
      this.linkRttMs = this.now() - this.heartbeatSentAt;
    }
    this.heard();
    this.showRtt();
  }

  // --- requests -----------------------------------------------------------------------------
  target() {
    return this.follow && this.ownTrack >= 0 ? this.ownTrack : -1;
  }

  generate(part) {
    if (!this.p.parts.includes(part)) {
      this.out("status", `unknown part ${part}: expected one of ${this.p.parts.join(", ")}`);
      return;
    }
    const args = [part, "track", this.target(), "slot", -1, "bars", this.bars, "genre", this.genre,
      "density", this.density, "complexity", this.complexity, "seed", this.seed];
    if (this.groove) for (const name of GROOVE) args.push(name, this[name]);
    if (this.fills !== "genre") args.push("fills", this.fills);
    if (this.request(this.a.generate, this.placed(args, false), `generate ${part}${this.where(part)}`)) {
      this.seed += 1; // a refused click (daemon down) does not use up a seed
      this.lastGenerate = args;
    }
  }

  // With the Arrangement switch on, one part goes into the Arrangement at the loop brace (its
  // start and length: the Bars box is left out); a vary there replaces what lies under it (the
  // part it varies). All and Song write their own places and go as they are.
  placed(args, replacing) {
    if (!this.arrangement || args[0] === "all" || args[0] === "song") return args;
    const out = [];
    for (let i = 0; i < args.length; i++) {
      if (i > 0 && args[i] === "bars") i += 1;
      else out.push(args[i]);
    }
    out.push("arrangement", 1);
    if (replacing) out.push("replace", 1);
    return out;
  }

  where(part) {
    return this.arrangement && part !== "all" && part !== "song" ? " in the Arrangement" : "";
  }

  vary() {
    if (this.lastGenerate === null) {
      this.out("status", "nothing to vary yet: generate a part first");
      return;
    }
    const args = this.lastGenerate.slice();
    args[args.indexOf("seed") + 1] = this.seed;
    if (this.request(this.a.generate, this.placed(args, true), `vary ${args[0]}${this.where(args[0])}`)) {
      this.seed += 1;
      this.lastGenerate = args;
    }
  }

  // The Transform menu: the kinds that need no option of their own (as the patcher lists them)
  transformKinds() {
    return this.p.transform_kinds.filter((k) => !k.startsWith("drums_"));
  }

  // Transform the selected clip into the next empty slot; with the Arrangement switch on, the
  // arrangement clip shown in Live's Clip View, in place (its take filed under the one it was).
  transform() {
    const args = [this.transformKind, "track", -1, "slot", -1, "seed", this.seed];
    if (this.arrangement) args.push("arrangement", 1);
    const where = this.arrangement ? " of the arrangement clip in the Clip View" : " of the selected clip";
    if (this.request(this.a.transform, args, `transform ${this.transformKind}${where}`)) this.seed += 1;
  }

  toMidi() {
    // the selected audio clip (the Arrangement switch: the one in the Clip View) onto a new MIDI track
    const args = [-1, -1, "kind", this.midiKind];
    if (this.quantize > 0) args.push("quantize", this.quantize);
    if (this.arrangement) args.push("arrangement", 1);
    const where = this.arrangement ? "the arrangement clip in the Clip View" : "the selected clip";
    this.request(this.a.transcribe, args, `convert ${where} to MIDI (${this.midiKind})`);
  }

  setPrompt(words) {
    const parts = words.map(String);
    if (parts[0] === "text") parts.shift(); // [textedit] prefixes its output with "text"
    this.prompt = parts.join(" ").trim();
  }

  musicgen() {
    if (!this.prompt) {
      this.out("status", "type a prompt first, e.g. lofi piano loop with vinyl crackle");
      return;
    }
    this.request(this.a.musicgen, [this.prompt, this.bars], `musicgen "${this.prompt}"`);
  }

  voiceEdge() {
    if (this.voiceSince === null) {
      this.voiceSince = this.now();
      this.request(this.a.voice_start, [], "listening... release Voice to stop");
    } else {
      this.voiceSince = null;
      this.request(this.a.voice_stop, [], "voice");
    }
  }

  cancel() {
    const running = [...this.jobs.entries()].filter(([, j]) => !this.finalStates.has(j.state));
    if (running.length === 0) {
      this.out("status", "nothing to cancel");
      return;
    }
    const [id] = running[running.length - 1];
    this.out("osc", this.a.cancel, id);
  }

  // Jam: Live's Link session gives tempo and bar lines; the song's tempo, key (major or minor)
  // and the Genre menu start it. With Rec jam the daemon keeps the phrases as takes and writes
  // the file under its data folder (a bare name: jams/<time>-<name>).
  jamSwitch(on) {
    if (!on) {
      this.request(this.a.jam_stop, [], "jam stop");
      return;
    }
    const args = ["sync", "link", "genre", this.genre];
    if (this.song !== null) {
      const tempo = Number(this.song.tempo_bpm);
      if (Number.isFinite(tempo) && tempo >= 20 && tempo <= 999) args.push("tempo", tempo);
      const scale = String(this.song.scale_name).toLowerCase();
      if (scale === "major" || scale === "minor") {
        args.push("key", `${NOTE_NAMES[((Number(this.song.root_note) % 12) + 12) % 12]} ${scale}`);
      }
    }
    if (this.jamRecord) args.push("record", "jam.mid");
    this.request(this.a.jam_start, args, this.jamRecord ? "jam (recording)" : "jam");
  }

  onJamState(event, json) {
    this.heard();
    if (event === "started") this.jamPlaying = true;
    if (event === "stopped" || event === "failed") this.jamPlaying = false;
    let facts = {};
    try {
      facts = JSON.parse(String(json ?? "{}"));
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
    }
    const said = Object.entries(facts).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${v}`).join(", ");
    this.out("status", `jam ${event}${said ? ": " + said : ""}`.slice(0, 200));
  }

  request(address, args, label) {
    if (this.link === false) {
      this.out("status", DAEMON_DOWN);
      return false;
    }
    const kind = address.replace(/^\/roo\//, "").replace(/\//g, "_");
    this.pending.push({ kind, sentAt: this.now() });
    this.out("osc", address, ...args);
    this.out("status", `${label}: sent`);
    this.out("progress", 0);
    return true;
  }

  // --- the take history ---------------------------------------------------------------------
  listHistory() {
    if (this.link === false) {
      this.out("status", DAEMON_DOWN);
      return;
    }
    this.listing = [];
    this.out("osc", this.a.history_list, "limit", this.opt.historyLimit);
    this.out("status", "history: asking for the newest takes...");
  }

  onHistoryTake(args) {
    this.heard();
    if (this.listing === null) return; // another device's listing: not asked for here
    const take = {};
    this.p.history_take_fields.forEach((name, i) => {
      take[name] = args[i];
    });
    take.starred = Number(take.starred) ? 1 : 0;
    this.listing.push(take);
  }

  onHistoryEnd() {
    this.heard();
    if (this.listing === null) return;
    this.takes = this.listing;
    this.listing = null;
    if (this.takes.length === 0) {
      this.out("status", "history: no takes yet in this project");
      return;
    }
    this.pickTake(Math.min(this.takeIndex, this.takes.length - 1));
  }

  pickTake(index) {
    this.takeIndex = Math.max(0, index);
    if (this.takes.length === 0) {
      this.out("status", "history: press History to list the takes first");
      return;
    }
    const shown = Math.min(this.takeIndex, this.takes.length - 1);
    this.out("status", `history ${shown + 1}/${this.takes.length}: ${formatTake(this.takes[shown])}`);
  }

  onTake(fn) {
    if (this.takes.length === 0) {
      this.out("status", "history: press History to list the takes first");
      return;
    }
    fn(this.takes[Math.min(this.takeIndex, this.takes.length - 1)]);
  }

  star(take) {
    const on = take.starred ? 0 : 1;
    if (this.request(this.a.history_star, [take.take_id, on], `${on ? "star" : "unstar"} ${take.take_id}`)) {
      take.starred = on;
    }
  }

  // --- replies ------------------------------------------------------------------------------
  onStatus(args) {
    this.heard();
    const [id, state, progress, ...rest] = args;
    const message = rest.map(String).join(" ");
    let job = this.jobs.get(id);
    if (job === undefined) {
      job = { kind: "", sentAt: null, state };
      const i = this.pending.findIndex((p) => message.startsWith(p.kind));
      const match = i >= 0 ? i : state === "failed" && this.pending.length ? 0 : -1;
      if (match >= 0) {
        const p = this.pending.splice(match, 1)[0];
        job.kind = p.kind;
        job.sentAt = p.sentAt;
      }
      this.jobs.set(id, job);
      if (this.jobs.size > 64) this.jobs.delete(this.jobs.keys().next().value);
    }
    job.state = state;
    this.latestJob = id;
    const final = this.finalStates.has(state);
    if (final && job.sentAt !== null) {
      this.jobRtt = { ms: this.now() - job.sentAt, kind: job.kind, id };
      job.sentAt = null;
      this.showRtt();
    }
    this.out("status", formatStatus(id, job.kind, state, Number(progress), message));
    this.out("progress", state === "done" ? 100 : state === "failed" ? 0 : Math.round(clamp01(progress) * 100));
  }

  onResult(args) {
    this.heard();
    const [id, kind, json] = args;
    let summary = String(json ?? "");
    let cut = "";
    try {
      const data = JSON.parse(summary);
      summary = resultFields(data, this.song);
      // a result too long for one datagram came cut (docs/protocol.md): say so before the fields
      if (data && data.cut && data.whole) {
        const lists = Object.entries(data.cut).map(([k, c]) => `${k} ${c.carried} of ${c.count}`).join(", ");
        cut = ` (cut: ${lists}; whole on ${data.whole.http})`;
      }
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
    }
    this.out("status", `#${id} ${kind}${cut}: ${summary}`.slice(0, 200));
  }

  onContext(args) {
    this.heard();
    const ctx = {};
    this.p.context_fields.forEach((name, i) => {
      ctx[name] = args[i];
    });
    this.song = ctx;
    this.out("context", formatContext(ctx));
  }

  onError(address, message) {
    this.heard();
    this.out("status", `error from daemon (${address}): ${message}`);
  }

  showRtt() {
    const parts = [];
    if (this.jobRtt) parts.push(`round trip ${formatMs(this.jobRtt.ms)} (${this.jobRtt.kind} #${this.jobRtt.id})`);
    parts.push(this.linkRttMs === null ? "link -" : `link ${formatMs(this.linkRttMs)}`);
    this.out("rtt", parts.join(" | "));
  }
}

function formatStatus(id, kind, state, progress, message) {
  const pct = state === "running" && progress > 0 ? ` ${Math.round(clamp01(progress) * 100)}%` : "";
  const what = kind ? ` ${kind}` : "";
  return `#${id}${what} ${state}${pct}${message ? ": " + message : ""}`;
}

// Python's round(): a tie goes to the even neighbour (a 32nd between two sixteenths rounds as the daemon's does)
function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

// A place in beats from the song's start as Live's arrangement ruler shows it, bar.beat from 1.1 ("5.1" is
// beat 16 in 4/4), the sixteenth only off the beat ("5.2.3"): the daemon's rule (bridge/actions/place/places.py)
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

// Where a result's JSON (Live's indexes from 0) says the work landed, as Live shows it: "track 2, scene 1",
// or in the Arrangement (slot -1 or none) "track 2 at bar 5.1" in the song's signature (4/4 before Live's
// context came); "" where it names no track
function landedAt(data, song) {
  const track = data.track;
  if (!Number.isInteger(track) || track < 0) return "";
  if (Number.isInteger(data.slot) && data.slot >= 0) return `track ${track + 1}, scene ${data.slot + 1}`;
  if (typeof data.start_beats !== "number") return `track ${track + 1}`;
  const [num, den] = [Number(song?.signature_numerator) || 4, Number(song?.signature_denominator) || 4];
  try {
    return `track ${track + 1} at bar ${barBeat(data.start_beats, (num * 4) / den, 4 / den)}`;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return `track ${track + 1}`; // a start that is no place in Live: the track alone
  }
}

// A result's first four fields for the status line, its place (track, slot, start_beats) said once as Live
// shows it where the first of them stands
const PLACE_FIELDS = new Set(["track", "slot", "start_beats"]);
function resultFields(data, song) {
  const where = data && typeof data === "object" ? landedAt(data, song) : "";
  const said = [];
  for (const [k, v] of Object.entries(data ?? {}).slice(0, 4)) {
    if (where && PLACE_FIELDS.has(k)) {
      if (!said.includes(where)) said.push(where);
    } else {
      said.push(`${k} ${typeof v === "object" ? JSON.stringify(v) : v}`);
    }
  }
  return said.join(", ");
}

function formatTake(take) {
  const star = take.starred ? " *" : "";
  const when = String(take.created_at).replace("T", " ").replace(/\.\d+Z$/, "");
  const message = take.message ? ` "${take.message}"` : "";
  return `${take.take_id} ${take.action} ${take.part}${star} ${when}${message}`.slice(0, 160);
}

function formatContext(ctx) {
  const tempo = Number(ctx.tempo_bpm);
  const root = NOTE_NAMES[((Number(ctx.root_note) % 12) + 12) % 12];
  const playing = Number(ctx.is_playing) ? " playing" : "";
  return `${Number.isFinite(tempo) ? tempo.toFixed(1) : "?"} BPM ${ctx.signature_numerator}/${ctx.signature_denominator} ${root} ${ctx.scale_name}${playing}`;
}

module.exports = { DeviceLogic, loadProtocol, formatStatus, formatContext, formatTake, formatMs, barBeat, landedAt, GENRES, FILLS, DAEMON_DOWN, DEFAULTS };
