// Something being prepared in the background (an export file; figures whose audit of breakdowns is worked
// out): poll its status and reload the page once it is no longer "queued" (ready, or failed, or expired).
// Without JavaScript the page has a "Check now" or "Try again now" link instead, and says so: the sentence
// saying the page checks by itself is hidden until this script runs. Loaded as a module, no inline script.
const POLL_MS = 5000;

function start(container) {
  const url = container.dataset.statusUrl;
  // Only now is it true that the page checks again by itself: say so, in place of the words for no script.
  container.querySelectorAll(".app-js-only").forEach((element) => { element.hidden = false; });
  container.querySelectorAll(".app-no-js").forEach((element) => { element.hidden = true; });
  async function poll() {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      if (data.state !== "queued") {
        window.location.reload();
        return;
      }
    } catch (error) {
      return; // the "Check now" link is still there
    }
    window.setTimeout(poll, POLL_MS);
  }
  window.setTimeout(poll, POLL_MS);
}

document.querySelectorAll('[data-module="app-export-progress"]').forEach(start);
