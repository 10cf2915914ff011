// Theme run progress: poll the run's status and update the page without reloading.
// Without JavaScript the page has a "Refresh" link instead. Loaded as a module, no inline script.
const POLL_MS = 2000;

function start(container) {
  const url = container.dataset.statusUrl;
  const status = container.querySelector("[data-run-status]");
  const stage = container.querySelector("[data-run-stage]");
  const bar = container.querySelector("progress");
  const percent = container.querySelector("[data-run-percent]");
  const refresh = container.querySelector(".app-run-progress__refresh");
  if (refresh) refresh.hidden = true;

  async function poll() {
    let data;
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      data = await response.json();
    } catch (error) {
      if (refresh) refresh.hidden = false;
      return;
    }
    if (data.finished) {
      window.location.reload();
      return;
    }
    if (status) (status.querySelector(".govuk-tag") || status).textContent = data.label;
    if (stage) stage.textContent = data.stage;
    if (bar) bar.value = data.progress;
    if (percent) percent.textContent = `${data.progress}%`;
    window.setTimeout(poll, POLL_MS);
  }

  if (container.dataset.finished !== "true") window.setTimeout(poll, POLL_MS);
}

document.querySelectorAll('[data-module="app-run-progress"]').forEach(start);
