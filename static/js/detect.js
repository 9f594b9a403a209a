// DetectICD10CM without a page reload: the form posts to the JSON API and the findings
// are drawn in place. Without JavaScript the same form posts to the page.
// Text goes in and comes out through textContent only: never parsed as HTML.

(() => {
  const form = document.getElementById("detect-form");
  if (!form || !window.fetch) return;
  const result = document.getElementById("result");
  const coded = document.querySelector("#coded tbody");
  const notCoded = document.querySelector("#not-coded tbody");
  const marked = document.getElementById("marked");
  const codeList = document.getElementById("code-list");
  const warnings = document.getElementById("warnings");
  const error = document.getElementById("tool-error");
  const button = form.querySelector("button[type=submit]");
  const max = Number(form.dataset.max);

  const { postJSON, errorShower, tooLong } = window.CodeAheadTools;
  const showError = errorShower(error);

  const cell = (row, text, className) => {
    const td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text;
    row.append(td);
    return td;
  };

  const emptyRow = (body, columns, text) => {
    const row = document.createElement("tr");
    row.className = "empty";
    const td = cell(row, text);
    td.colSpan = columns;
    body.append(row);
  };

  const draw = (text, data) => {
    coded.replaceChildren();
    notCoded.replaceChildren();
    marked.replaceChildren();
    const codes = [];
    for (const f of data.findings) {
      if (f.coded && codes.includes(f.code)) continue; // each code once; every mention is marked
      const row = document.createElement("tr");
      const code = cell(row, "", "code");
      if (f.coded) {
        const link = document.createElement("a");
        link.href = f.url;
        link.textContent = f.code;
        code.append(link);
        const title = cell(row, f.title, "title");
        if (f.alternatives.length) {
          const small = document.createElement("small");
          small.className = "muted";
          small.textContent = `Or: ${f.alternatives.join(", ")}`;
          title.append(document.createElement("br"), small);
        }
        cell(row, f.text);
        cell(row, f.status);
        cell(row, f.billable ? "yes" : "no");
        coded.append(row);
        codes.push(f.code);
      } else {
        code.textContent = f.code;
        cell(row, f.title, "title");
        cell(row, f.text);
        cell(row, f.status);
        notCoded.append(row);
      }
    }
    if (!coded.children.length) emptyRow(coded, 5, "No condition documented as present.");
    if (!notCoded.children.length) emptyRow(notCoded, 4, "Nothing denied, past, in the family or hypothetical.");
    codeList.textContent = codes.join("\n");
    warnings.replaceChildren();
    for (const w of data.warnings) {
      const item = document.createElement("li");
      item.textContent = `${w.codes[0]} and ${w.codes[1]} are never reported together (${w.note}).`;
      warnings.append(item);
    }
    let position = 0;
    for (const f of data.findings) {
      if (f.start < position) continue;
      marked.append(text.slice(position, f.start));
      const mark = document.createElement("mark");
      mark.className = `dx dx-${f.status}${f.coded ? " dx-coded" : ""}`;
      mark.title = `${f.code} ${f.status}`;
      mark.textContent = text.slice(f.start, f.end);
      marked.append(mark);
      position = f.end;
    }
    marked.append(text.slice(position));
    result.hidden = false;
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.hidden = true;
    const text = form.elements.text.value;
    if (!text.trim()) {
      showError("Paste some clinical text.");
      return;
    }
    if (text.length > max) {
      showError(tooLong(text, max, "DetectICD10CM"));
      return;
    }
    button.disabled = true;
    const body = { text, setting: form.elements.setting.value };
    const token = form.elements.csrfmiddlewaretoken.value;
    postJSON(form.dataset.api, body, token, "DetectICD10CM could not process this text.")
      .then((data) => draw(text, data))
      .catch((problem) => showError(problem.message))
      .finally(() => { button.disabled = false; });
  });
})();
