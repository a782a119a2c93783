// The real `roo sim` (in-memory Live with the real Remote Script) and `roo serve` (the daemon)
// as child processes for the Node tests, plus a small OSC query helper over UDP.
"use strict";

const { spawn } = require("child_process");
const dgram = require("dgram");
const osc = require("osc");

const ROO = process.env.ROO;

function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket("udp4");
    sock.once("error", reject);
    sock.bind(0, "127.0.0.1", () => {
      const { port } = sock.address();
      sock.close(() => resolve(port));
    });
  });
}

// Start `roo <args>` and resolve once its stdout shows `ready`; rejects with its output otherwise.
function startRoo(args, ready, timeoutMs = 20000) {
  if (!ROO) throw new Error("set ROO to the roo executable (the pytest wrapper does)");
  const proc = spawn(ROO, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PYTHONUNBUFFERED: "1" } });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`roo ${args.join(" ")} did not print ${JSON.stringify(ready)}: ${output}`));
    }, timeoutMs);
    const watch = (chunk) => {
      output += chunk;
      if (output.includes(ready)) {
        clearTimeout(timer);
        resolve(proc);
      }
    };
    proc.stdout.on("data", watch);
    proc.stderr.on("data", watch);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`roo ${args.join(" ")} exited with ${code}: ${output}`));
    });
  });
}

function stopRoo(proc) {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.removeAllListeners("exit");
    proc.once("exit", () => resolve());
    proc.kill("SIGTERM");
  });
}

// Send one OSC message with explicit type tags, expecting no reply.
function send(port, address, args) {
  const sock = dgram.createSocket("udp4");
  return new Promise((resolve, reject) => {
    sock.send(Buffer.from(osc.writePacket({ address, args })), port, "127.0.0.1", (err) => {
      sock.close();
      if (err) reject(err);
      else resolve();
    });
  });
}

// Send one OSC message with explicit type tags and wait for the first reply on `replyAddress`.
function query(port, address, args, replyAddress = address, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket("udp4");
    const timer = setTimeout(() => {
      sock.close();
      reject(new Error(`no ${replyAddress} reply from port ${port} to ${address}`));
    }, timeoutMs);
    sock.on("message", (data) => {
      const msg = osc.readPacket(new Uint8Array(data), { metadata: true });
      if (msg.address !== replyAddress) return;
      clearTimeout(timer);
      sock.close();
      resolve(msg.args.map((a) => a.value));
    });
    sock.bind(0, "127.0.0.1", () => sock.send(Buffer.from(osc.writePacket({ address, args })), port, "127.0.0.1"));
  });
}

// Notes of one clip in the in-memory Live: [{pitch, start, duration, velocity, mute}, ...].
async function clipNotes(livePort, track, slot) {
  const reply = await query(livePort, "/live/clip/get/notes", [{ type: "i", value: track }, { type: "i", value: slot }]);
  const [gotTrack, gotSlot, ...flat] = reply;
  if (gotTrack !== track || gotSlot !== slot) throw new Error(`reply for ${gotTrack}/${gotSlot}, asked ${track}/${slot}`);
  const notes = [];
  for (let i = 0; i < flat.length; i += 5) {
    const [pitch, start, duration, velocity, mute] = flat.slice(i, i + 5);
    notes.push({ pitch, start, duration, velocity, mute });
  }
  return notes;
}

module.exports = { freeUdpPort, startRoo, stopRoo, send, query, clipNotes };
