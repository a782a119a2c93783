// The MIDI-GPT form: infill bars of a clip, continue it, or add a part that fits the scene. One form,
// three modes; each mode shows only its own fields and posts to its own route (/api/infill,
// /api/continue, /api/accompany), whose answer is the same as the OSC address's: a job (progress and
// cancel in the job list, as for every job) or a 422 naming the bad value, shown under the form (the
// form is novalidate: the daemon checks every range, the same checks as over OSC).

const SHARED = ["model", "seed", "density", "complexity", "variations"];
const MODES = {
  infill: ["track", "slot", "from", "to", ...SHARED],
  continue: ["track", "slot", "bars", "extend", ...SHARED],
  accompany: ["part", ...SHARED],
};

export function infillForm({ api, el, options, noteSent }) {
  const form = document.getElementById("infill");
  const fields = document.getElementById("infill-fields");
  const error = document.getElementById("infill-error");
  const inputs = {};
  const rows = {}; // name -> [label, input]: hidden together

  function add(name, label, input) {
    input.id = `i-${name}`;
    input.name = name;
    inputs[name] = input;
    rows[name] = [el("label", { htmlFor: input.id }, label), input];
    fields.append(...rows[name]);
  }
  const number = (attrs) => el("input", { type: "number", ...attrs });

  add("mode", "what", el("select", {}, ...Object.keys(MODES).map((m) => el("option", { value: m }, m))));
  add("track", "track", number({ step: "1", min: "-1", placeholder: "selected" }));
  add("slot", "slot", number({ step: "1", min: "-1", placeholder: "selected" }));
  add("from", "bars from", number({ step: "1", min: "1", placeholder: "last half" }));
  add("to", "bars to", number({ step: "1", min: "1", placeholder: "last half" }));
  add("bars", "new bars", number({ step: "1", min: "1", value: "4" }));
  add("extend", "extend the clip", el("input", { type: "checkbox" }));
  add("part", "part", el("select", {}, ...options.infill_parts.map((p) => el("option", { value: p }, p))));
  add("model", "model", el("input", { type: "text", placeholder: options.infill_model }));
  add("seed", "seed", number({ step: "1", min: "0", placeholder: "auto" }));
  add("density", "density", number({ step: "0.05", min: "0", max: "1", placeholder: "model's choice" }));
  add("complexity", "complexity", number({ step: "0.05", min: "0", max: "1", placeholder: "model's choice" }));
  add("variations", "variations", number({ step: "1", min: "1", max: "8", value: "1" }));

  function show() {
    const shown = new Set(["mode", ...MODES[inputs.mode.value]]);
    for (const [name, row] of Object.entries(rows)) for (const node of row) node.hidden = !shown.has(name);
  }
  inputs.mode.addEventListener("change", show);
  show();

  // the JSON body of the mode's route: only what was filled in (the daemon's defaults otherwise)
  function body(mode) {
    const out = {};
    const given = (name) => inputs[name].value.trim() !== "";
    for (const name of MODES[mode]) {
      if (name === "from" || name === "to") continue;
      if (name === "extend") { if (inputs.extend.checked) out.extend = 1; continue; }
      if (!given(name)) continue;
      out[name] = name === "model" || name === "part" ? inputs[name].value.trim() : Number(inputs[name].value);
    }
    if (mode === "infill" && (given("from") || given("to"))) { // "5-8", or "5" for one bar
      const from = inputs.from.value.trim(), to = inputs.to.value.trim();
      out.bars = given("to") && to !== from ? `${from}-${to}` : from; // "-8": the daemon names it
    }
    return out;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const mode = inputs.mode.value;
    error.textContent = "";
    try {
      const { job_id } = await api("POST", `/api/${mode}`, body(mode));
      noteSent(job_id, mode);
    } catch (err) {
      error.textContent = err.message;
    }
  });
}
