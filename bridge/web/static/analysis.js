// The analysis view of an audio clip as a timeline: a caption with the key, tempo and meter; the
// analysed region's waveform with beats and downbeats (waveform.js); a lane of chords placed at their
// times (one element each, readable by screen readers); and a ruler in seconds. Works without audio
// too (an analysis result alone). The figure carries data-chords-drawn.

// the token the page was given (beyond loopback) travels on to this import too
const { drawWave } = await import(`./waveform.js${new URL(import.meta.url).search}`);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const fmt = (s) => `${s.toFixed(s < 10 ? 2 : 1)} s`;

export async function analysisView({ url, analysis, region = {}, label = "clip" }) {
  const meter = analysis.time_signature ? `${analysis.time_signature.join("/")}` : "meter unknown";
  const tempo = analysis.tempo_bpm ? `${analysis.tempo_bpm.toFixed(1)} BPM` : "no tempo";
  const key = `${analysis.key}${analysis.key_confidence ? ` (${Math.round(100 * analysis.key_confidence)}%)` : ""}`;
  const caption = el("figcaption", {}, `${label}: ${key} · ${tempo} · ${meter} · ` +
    `${(analysis.beats_s || []).length} beats, ${(analysis.downbeats_s || []).length} downbeats`);
  const canvas = el("canvas", { role: "img", class: "wave" });
  const chords = el("ol", { class: "chord-lane", "aria-label": `chords of ${label}` });
  const ruler = el("div", { class: "ruler", "aria-hidden": "true" });
  const figure = el("figure", { class: "analysis" }, caption, canvas, chords, ruler);
  // drawn once the figure is in the page (the canvas' width is then known)
  figure.draw = async () => {
    const seconds = await drawWave(canvas, url, analysis, region);
    const pct = (t) => `${Math.max(0, Math.min(100, (100 * t) / seconds)).toFixed(3)}%`;
    chords.replaceChildren(...(analysis.chords || []).map((c) => {
      const item = el("li", { class: "chord", title: `${c.label} ${fmt(c.start_s)} to ${fmt(c.end_s)}` }, c.label);
      item.style.left = pct(c.start_s);
      item.style.width = `calc(${pct(c.end_s - c.start_s)} - 2px)`;
      return item;
    }));
    ruler.replaceChildren(...[0, 0.25, 0.5, 0.75, 1].map((f) => {
      const tick = el("span", {}, fmt((region.start_s ?? 0) + f * seconds));
      tick.style.left = `${100 * f}%`;
      return tick;
    }));
    figure.dataset.chordsDrawn = String(chords.children.length);
  };
  return figure;
}

// A take's stored audio outputs in its tree item: each with its analysis view (or its waveform alone)
// and a player.
export async function showAudio(li, takeId, detail, tokenQuery) {
  const region = { start_s: detail.params?.start_s ?? undefined, end_s: detail.params?.end_s ?? undefined };
  for (const out of detail.outputs.filter((o) => o.kind === "audio" && o.path)) {
    const url = `/api/takes/${takeId}/audio/${encodeURIComponent(out.name)}${tokenQuery}`;
    const player = el("audio", { controls: "", preload: "none", src: url,
      "aria-label": `play ${out.name} of take ${takeId}` });
    if (out.analysis) {
      const view = await analysisView({ url, analysis: out.analysis, region, label: out.name });
      li.append(view, player);
      await view.draw();
    } else {
      const canvas = el("canvas", { role: "img", class: "wave" });
      li.append(el("div", { class: "hint" }, out.name), canvas, player);
      await drawWave(canvas, url, null, region); // a transcription's take: the region heard, above its roll
    }
  }
}
