// One command on load; the benchmark waits for the answer to be on the page, and reads when it
// was painted ("painted": two frames after it is in the DOM, as Lifeboat marks its table).
window.__TAURI_INTERNALS__.invoke("ping").then((answer) => {
  performance.mark("answered");
  const shown = document.getElementById("answer");
  shown.textContent = answer;
  shown.dataset.answered = "yes";
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("painted")));
});
