// What the tool pages share, loaded before each tool's own script: posting JSON with the
// page's CSRF token, showing an error, the length message, and the "Copy" buttons.
// Text is set through textContent only: never parsed as HTML.

window.CodeAheadTools = (() => {
  const postJSON = (url, body, token, failure) => fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": token },
    body: JSON.stringify(body),
    credentials: "same-origin",
  }).then((response) => response.json().then((data) => {
    if (!response.ok) throw new Error(data.error || failure);
    return data;
  }));

  const errorShower = (element) => (message) => {
    element.textContent = message;
    element.hidden = false;
  };

  const tooLong = (text, max, tool, verb = "run") => `The text has ${text.length.toLocaleString()} characters; ${tool} takes up to ${max.toLocaleString()} at a time. Split it and ${verb} each part.`;

  document.addEventListener("click", (event) => {
    const copy = event.target.closest("button[data-copy-from]");
    if (!copy || !navigator.clipboard) return;
    copy.dataset.label ??= copy.textContent;
    navigator.clipboard.writeText(document.getElementById(copy.dataset.copyFrom).textContent).then(() => {
      copy.textContent = "Copied";
      setTimeout(() => { copy.textContent = copy.dataset.label; }, 1500);
    });
  });

  return { postJSON, errorShower, tooLong };
})();
