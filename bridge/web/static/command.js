// The typed-command box: the words go to POST /api/command (as `roo send /roo/command "..."` does);
// the job they start shows in the job list like any other, its answer in its message.

export function commandForm({ api, noteSent }) {
  const form = document.querySelector("#command");
  const input = form.querySelector("#command-text");
  const error = form.querySelector("#command-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const text = input.value.trim();
    if (!text) {
      error.textContent = "type a command first, e.g. 'make the drums busier'";
      return;
    }
    try {
      const { job_id } = await api("POST", "/api/command", { text });
      noteSent(job_id, "command");
      input.value = "";
    } catch (err) {
      error.textContent = err.message; // a refusal names the value and what was expected
    }
  });
}
