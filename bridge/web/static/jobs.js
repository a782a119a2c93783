// The job list with live progress bars and cancel, and the latency panel (recent trigger-to-clip
// times). A /ws event touches only what changed for its own job: a progress event sets one bar's
// value and one message's text (a text node's data, no node made or replaced), so the frame it
// causes lays out and paints one list item, never the list, the panel or the take tree.

const FINAL = new Set(["done", "failed", "cancelled"]);
const KEEP = 20; // latency rows shown
const PREPARE = "prepare"; // the kind of pre-generation's own jobs (bridge/prepare/preparer.py KIND)

// ms from the work's progress report (or the daemon publishing an event) to this page's handler, and
// each event's publish time beside it (a bench matches the same events seen by another listener)
const eventDelays = (window.rooEventDelays = []);
const eventsAt = (window.rooEventAt = []);

export function noteDelay(event) {
  eventDelays.push(Date.now() - (event.reported_s ?? event.at_s) * 1000);
  eventsAt.push(event.at_s);
  if (eventDelays.length > 1000) { eventDelays.shift(); eventsAt.shift(); }
}

function text(node, value) { // a node holding one text node, changed only when its text changes
  const t = node.firstChild;
  if (t.data !== value) t.data = value;
}

export function jobList({ api, el, list, latencyBody, latencySummary }) {
  const jobs = new Map(); // job_id -> {li, bar, state, msg, cancel, queuedAt, kind, shown: last state, clock, timed}
  const latencies = []; // recent {job_id, kind, ms}, newest first

  function entryFor(job) {
    const cancel = el("button", { type: "button", className: "small",
      onclick: () => api("DELETE", `/api/jobs/${job.job_id}`).catch((e) => text(entry.msg, e.message)) }, "Cancel");
    cancel.setAttribute("aria-label", `cancel job ${job.job_id}`);
    const bar = el("progress", { max: 1, value: 0 });
    bar.setAttribute("aria-label", `job ${job.job_id} progress`);
    const state = el("span", { className: "state" }, "");
    const kind = el("span", {}, `#${job.job_id} ${job.kind || ""} `, state);
    const msg = el("span", { className: "msg" }, "");
    const li = el("li", { "data-job-id": job.job_id }, kind, cancel, bar, msg);
    const entry = { li, bar, state, msg, cancel, queuedAt: performance.now(), kind: job.kind, shown: null };
    jobs.set(job.job_id, entry);
    list.prepend(li);
    return entry;
  }

  function showJob(job) {
    if (job.kind === PREPARE) return; // idle-time pre-generation: nobody started it, nothing to cancel
    const seen = jobs.get(job.job_id);
    const entry = seen || entryFor(job);
    // a job this page first hears of after it was queued (one done before the page opened) is timed
    // by the daemon (elapsed_ms, request to final state), not from when the page heard of it
    if (!seen) entry.clock = job.state === "queued" ? "page" : "daemon";
    entry.kind = job.kind || entry.kind;
    const progress = job.progress ?? entry.bar.value;
    if (entry.bar.value !== progress) entry.bar.value = progress;
    text(entry.msg, job.message ?? "");
    if (entry.shown === job.state) return;
    entry.shown = job.state;
    text(entry.state, job.state);
    entry.li.className = `state-${job.state}`;
    entry.li.dataset.state = job.state;
    entry.cancel.disabled = entry.cancel.hidden = FINAL.has(job.state); // nothing left to cancel
    if (job.state === "done" && !entry.timed) {
      entry.timed = true;
      const ms = entry.clock === "page" ? performance.now() - entry.queuedAt : job.elapsed_ms;
      if (ms !== undefined) addLatency({ job_id: job.job_id, kind: entry.kind, ms });
    }
  }

  // one row in at the top, the oldest out: the table is not rebuilt per job
  function addLatency(l) {
    latencies.unshift(l);
    latencies.length = Math.min(latencies.length, KEEP);
    latencyBody.prepend(el("tr", {}, el("td", {}, `#${l.job_id}`), el("td", {}, l.kind || ""),
      el("td", {}, l.ms.toFixed(0))));
    while (latencyBody.rows.length > KEEP) latencyBody.lastElementChild.remove();
    const sorted = latencies.map((x) => x.ms).sort((a, b) => a - b);
    const delays = [...eventDelays].sort((a, b) => a - b);
    latencySummary.textContent = `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms over ` +
      `${sorted.length} jobs` + (delays.length ? `; events reach this page in ` +
      `${delays[Math.floor(delays.length / 2)].toFixed(1)} ms (median)` : "");
  }

  // The job's own events may arrive on /ws before the POST answers: never step its state back.
  function noteSent(job_id, kind) {
    if (!jobs.has(job_id)) showJob({ job_id, kind, state: "queued", progress: 0, message: "sent" });
  }

  return { showJob, noteSent };
}
