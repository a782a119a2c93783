// Runs the built MuseAroo.amxd the way Max would, for the handful of object classes it uses.
//
// The patcher JSON is read out of the .amxd's ptch chunk; messages travel along its own patch
// cords. Object boxes behave as Max documents them: message boxes (with $1), prepend, route,
// trigger (t b b), udpsend / udpreceive (real UDP sockets speaking OSC through the npm osc
// package: ints as 'i', floats as 'f', symbols as 's', like Max's udpsend), node.script (the
// real musearoo_device.js with the stub max-api module), js (the real musearoo_track.js in a
// vm context with a stub LiveAPI), comment / slider (they keep what was "set"). The UI controls
// are driven by name: press("Drums"), set("Bars", 2), type("Prompt", "..."), select("Genre", 2).
"use strict";

const dgram = require("dgram");
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const osc = require("osc");

const DEVICE_DIR = path.resolve(__dirname, "../../../max_for_live");

// A Max atom keeps int and float apart even when the float is integral.
const int = (v) => ({ t: "i", v: Math.trunc(v) });
const float = (v) => ({ t: "f", v: Number(v) });
const sym = (v) => ({ t: "s", v: String(v) });
const fromJs = (v) => (typeof v === "number" ? (Number.isInteger(v) ? int(v) : float(v)) : sym(v));
const fromToken = (tok) =>
  /^-?\d+$/.test(tok) ? int(Number(tok)) : /^-?\d*\.\d*$/.test(tok) && tok !== "." ? float(Number(tok)) : sym(tok);

// A message is a list of atoms; its selector is the first symbol, or int / float / list.
function selectorOf(atoms) {
  if (atoms.length === 0) return { sel: "bang", args: [] };
  if (atoms[0].t === "s") return { sel: atoms[0].v, args: atoms.slice(1) };
  if (atoms.length === 1) return { sel: atoms[0].t === "i" ? "int" : "float", args: atoms };
  return { sel: "list", args: atoms };
}

function readAmxd(file) {
  const data = fs.readFileSync(file);
  const chunks = {};
  for (let at = 0; at < data.length; ) {
    const tag = data.toString("latin1", at, at + 4);
    const size = data.readUInt32LE(at + 4);
    chunks[tag] = data.subarray(at + 8, at + 8 + size);
    at += 8 + size;
  }
  const ptch = chunks.ptch;
  const text = ptch.toString("utf8", 0, ptch[ptch.length - 1] === 0 ? ptch.length - 1 : ptch.length);
  return { chunks, patcher: JSON.parse(text).patcher };
}

class Harness {
  constructor({ amxd = path.join(DEVICE_DIR, "MuseAroo.amxd"), daemonPort, ownTrack = 0, env = {} } = {}) {
    this.patcher = readAmxd(amxd).patcher;
    this.daemonPort = daemonPort;
    this.world = { ownTrack, observers: [] };
    this.shown = { status: "", rtt: "", context: "", progress: 0 };
    this.statusLog = [];
    this.printed = [];
    this.sent = []; // every OSC message that left [udpsend]: {address, args}
    this.sockets = [];
    this.boxes = new Map();
    this.cords = new Map(); // "id:outlet" -> [[id, inlet], ...]
    this.env = env;
    for (const { box } of this.patcher.boxes) this.boxes.set(box.id, box);
    for (const { patchline } of this.patcher.lines) {
      const key = patchline.source.join(":");
      if (!this.cords.has(key)) this.cords.set(key, []);
      this.cords.get(key).push(patchline.destination);
    }
    this.impl = new Map();
    for (const box of this.boxes.values()) this.impl.set(box.id, this.make(box));
  }

  // --- driving the UI -----------------------------------------------------------------------
  byName(name) {
    for (const box of this.boxes.values()) if (box.varname === name) return box;
    throw new Error(`no control named ${name} in the patcher`);
  }

  press(name) {
    const box = this.byName(name);
    if (box.maxclass === "live.button") this.emit(box.id, 0, []); // bang (transition 2: press and release)
    else this.emit(box.id, 0, [int(1)]);
  }

  release(name) {
    const box = this.byName(name);
    if (box.maxclass !== "live.button" || box.transition !== 2) throw new Error(`${name} does not report release`);
    this.emit(box.id, 0, []);
  }

  set(name, value) {
    const box = this.byName(name);
    this.emit(box.id, 0, [box.maxclass === "live.dial" ? float(value) : int(value)]);
  }

  select(name, index) {
    this.emit(this.byName(name).id, 0, [int(index)]);
  }

  type(name, text) {
    this.impl.get(this.byName(name).id).text = text;
  }

  load() {
    for (const box of this.boxes.values()) if (box.text === "live.thisdevice") this.emit(box.id, 0, []);
  }

  moveTrack(index) {
    this.world.ownTrack = index;
    for (const cb of this.world.observers) cb(["tracks", "id", 1]);
  }

  // --- message passing ----------------------------------------------------------------------
  emit(id, outlet, atoms) {
    for (const [dest, inlet] of this.cords.get(`${id}:${outlet}`) || []) {
      this.impl.get(dest).receive(inlet, atoms);
    }
  }

  make(box) {
    const id = box.id;
    const out = (outlet, atoms) => this.emit(id, outlet, atoms);
    const text = box.text || "";
    const [name, ...args] = box.maxclass === "newobj" ? text.split(/\s+/) : [box.maxclass];
    const sink = { receive() {} };
    switch (name) {
      case "message":
        return {
          receive: (inlet, atoms) => {
            if (inlet !== 0) return;
            const tokens = text.split(/\s+/).map(fromToken);
            out(0, tokens.map((a) => (a.t === "s" && /^\$\d$/.test(a.v) ? atoms[Number(a.v[1]) - 1] : a)));
          },
        };
      case "prepend":
        return { receive: (inlet, atoms) => out(0, [...args.map(fromToken), ...atoms]) };
      case "route":
        return {
          receive: (inlet, atoms) => {
            const { sel, args: rest } = selectorOf(atoms);
            const i = args.indexOf(sel);
            out(i >= 0 ? i : args.length, i >= 0 ? rest : atoms);
          },
        };
      case "t":
        return { receive: () => args.map((_, i) => args.length - 1 - i).forEach((i) => out(i, [])) };
      case "udpsend":
        return this.udpsend(args);
      case "udpreceive":
        return this.udpreceive(out);
      case "node.script":
        return this.nodeScript(args[0], out);
      case "js":
        return this.jsObject(args[0], out);
      case "textedit": {
        const te = { text: box.text || "" };
        te.receive = () => out(0, ["text", ...te.text.split(/\s+/).filter(Boolean)].map(fromToken));
        return te;
      }
      case "comment":
      case "slider":
        return {
          receive: (inlet, atoms) => {
            const { sel, args: rest } = selectorOf(atoms);
            if (sel !== "set" || !box.varname) return;
            if (name === "slider") this.shown[box.varname] = rest[0].v;
            else this.shown[box.varname] = rest.map((a) => a.v).join(" ");
            if (box.varname === "status") this.statusLog.push(this.shown.status);
          },
        };
      case "print":
        return { receive: (inlet, atoms) => this.printed.push(atoms.map((a) => a.v).join(" ")) };
      default:
        return sink; // live.* controls are driven above; live.thisdevice, midiin, midiout idle
    }
  }

  udpsend(args) {
    const sock = dgram.createSocket("udp4");
    this.sockets.push(sock);
    const host = args[0];
    const port = this.daemonPort ?? Number(args[1]);
    return {
      receive: (inlet, atoms) => {
        const { sel, args: rest } = selectorOf(atoms);
        if (!sel.startsWith("/")) throw new Error(`udpsend got a non-OSC message: ${sel}`);
        if (this.closed) return; // the script's timer outlives the test: Max would have been closed
        this.sent.push({ address: sel, args: rest.map((a) => a.v), types: rest.map((a) => a.t).join("") });
        const packet = osc.writePacket({ address: sel, args: rest.map((a) => ({ type: a.t, value: a.v })) });
        sock.send(Buffer.from(packet), port, host);
      },
    };
  }

  udpreceive(out) {
    // The placeholder port in the patcher is not bound here: the script always sends "port N".
    const state = { sock: null, port: null };
    state.receive = (inlet, atoms) => {
      const { sel, args } = selectorOf(atoms);
      if (sel !== "port") return;
      if (state.sock) state.sock.close();
      state.port = args[0].v;
      state.sock = dgram.createSocket("udp4");
      this.sockets.push(state.sock);
      state.sock.on("message", (data) => {
        const packet = osc.readPacket(new Uint8Array(data), { metadata: true });
        for (const msg of packet.packets || [packet]) {
          const atoms = [sym(msg.address), ...msg.args.map((a) => ({ t: a.type === "d" ? "f" : a.type, v: a.value }))];
          out(0, atoms);
        }
      });
      state.sock.bind(state.port, "127.0.0.1");
    };
    this.receiver = state;
    return state;
  }

  nodeScript(file, out) {
    Object.assign(process.env, this.env);
    const maxApi = require("max-api");
    maxApi.__setSink((values) => out(0, values.map(fromJs)));
    require(path.join(DEVICE_DIR, file));
    this.maxApi = maxApi;
    return {
      receive: (inlet, atoms) => {
        const { sel, args } = selectorOf(atoms);
        maxApi.__deliver(sel, args.map((a) => a.v));
      },
    };
  }

  jsObject(file, out) {
    const world = this.world;
    class LiveAPI {
      constructor(a, b) {
        const [callback, where] = typeof a === "function" ? [a, b] : [null, a];
        this.callback = callback;
        this.where = where;
      }
      get unquotedpath() {
        if (this.where === "this_device canonical_parent") return `live_set tracks ${world.ownTrack}`;
        return this.where;
      }
      get path() {
        return `"${this.unquotedpath}"`;
      }
      set property(name) {
        if (this.callback) {
          world.observers.push(this.callback);
          this.callback([name, "id", 1]);
        }
      }
    }
    const context = vm.createContext({
      LiveAPI,
      outlet: (n, ...values) => out(n, values.flat().map(fromJs)),
      post: () => {},
    });
    vm.runInContext(fs.readFileSync(path.join(DEVICE_DIR, file), "utf8"), context, { filename: file });
    return {
      receive: (inlet, atoms) => {
        const { sel, args } = selectorOf(atoms);
        context[sel](...args.map((a) => a.v));
      },
    };
  }

  // --- waiting ------------------------------------------------------------------------------
  async waitFor(what, predicate, timeoutMs = 10000) {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (predicate()) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`timed out waiting for ${what}; status log: ${JSON.stringify(this.statusLog.slice(-8))}`);
  }

  close() {
    this.closed = true;
    for (const sock of this.sockets) {
      try {
        sock.close();
      } catch (err) {
        if (err.code !== "ERR_SOCKET_DGRAM_NOT_RUNNING") throw err;
      }
    }
  }
}

module.exports = { Harness, readAmxd, DEVICE_DIR };
