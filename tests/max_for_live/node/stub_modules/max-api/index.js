// Stand-in for Max's built-in "max-api" module (node.script provides the real one inside Max).
// It has the surface musearoo_device.js uses: addHandler(s), outlet, post, the enums. The test
// harness plays the patcher: it delivers inlet messages with __deliver and receives what the
// script sends out of its left outlet through the sink set with __setSink.
"use strict";

const handlers = new Map();
let sink = () => {};
const posts = [];

const MESSAGE_TYPES = Object.freeze({ ALL: "all", BANG: "bang", DICT: "dict", NUMBER: "number", LIST: "list" });
const POST_LEVELS = Object.freeze({ ERROR: "error", INFO: "info", WARN: "warn" });

function addHandler(selector, handler) {
  if (typeof handler !== "function") throw new TypeError(`handler for ${selector} is not a function`);
  handlers.set(String(selector), handler);
}

function addHandlers(map) {
  for (const [selector, handler] of Object.entries(map)) addHandler(selector, handler);
}

function outlet(...atoms) {
  sink(atoms.flat());
  return Promise.resolve();
}

function outletBang() {
  sink(["bang"]);
  return Promise.resolve();
}

function post(...args) {
  posts.push(args.map(String).join(" "));
  return Promise.resolve();
}

// Test hooks: not part of max-api.
function __deliver(selector, args) {
  const handler = handlers.get(selector);
  if (handler === undefined) {
    post(`node.script: no handler for ${selector}`);
    return false;
  }
  handler(...args);
  return true;
}

function __setSink(fn) {
  sink = fn;
}

module.exports = {
  MESSAGE_TYPES, POST_LEVELS, addHandler, addHandlers, outlet, outletBang, post,
  removeHandler: (selector) => handlers.delete(String(selector)),
  __deliver, __setSink, __posts: posts, __handlers: handlers,
};
