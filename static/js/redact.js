// RedactPHI without a page reload: the form posts to the JSON API and the result is
// drawn in place. Without JavaScript the same form posts to the page (no change needed).
// Text goes in and comes out through textContent only: never parsed as HTML.

(() => {
  const form = document.getElementById("redact-form");
  if (!form || !window.fetch) return;
  const result = document.getElementById("result");
  const output = document.getElementById("redacted");
  const counts = document.getElementById("counts");
  const download = document.getElementById("download");
  const error = document.getElementById("tool-error");
  const button = form.querySelector("button[type=submit]");
  const max = Number(form.dataset.max);

  const { postJSON, errorShower, tooLong } = window.CodeAheadTools;
  const showError = errorShower(error);

  const readText = () => {
    const file = form.elements.file.files[0];
    if (!file) return Promise.resolve(form.elements.text.value);
    if (!file.name.toLowerCase().endsWith(".txt")) {
      return Promise.reject(new Error("Upload a plain-text file whose name ends in .txt."));
    }
    return file.text();
  };

  const draw = (text, data) => {
    output.replaceChildren();
    let position = 0;
    for (const span of data.spans) {
      output.append(text.slice(position, span.start));
      const mark = document.createElement("mark");
      mark.className = `phi phi-${span.category}`;
      mark.title = span.category;
      mark.textContent = span.replacement;
      output.append(mark);
      position = span.end;
    }
    output.append(text.slice(position));
    counts.replaceChildren();
    const found = Object.entries(data.counts);
    for (const [category, count] of found) {
      const item = document.createElement("li");
      const label = document.createElement("span");
      label.className = `phi phi-${category}`;
      label.textContent = category;
      item.append(label, ` ${count}`);
      counts.append(item);
    }
    if (!found.length) {
      const item = document.createElement("li");
      item.textContent = "Nothing.";
      counts.append(item);
    }
    download.href = `data:text/plain;charset=utf-8,${encodeURIComponent(data.redacted)}`;
    result.hidden = false;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.hidden = true;
    readText()
      .then((text) => {
        if (!text.trim()) throw new Error("Paste some text or choose a .txt file.");
        if (text.length > max) throw new Error(tooLong(text, max, "RedactPHI", "redact"));
        button.disabled = true;
        const body = { text, style: form.elements.style.value };
        const token = form.elements.csrfmiddlewaretoken.value;
        return postJSON(form.dataset.api, body, token, "RedactPHI could not process this text.")
          .then((data) => draw(text, data));
      })
      .catch((problem) => showError(problem.message))
      .finally(() => { button.disabled = false; });
  });
})();
