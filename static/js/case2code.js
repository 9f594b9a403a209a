// Case2Code without a page reload: the case goes to /api/case2code, the candidates are
// drawn as rows to tick, and the ticked codes go to /api/claim-check; findings are drawn
// in place. Without JavaScript both forms post to their pages. Text is set through
// textContent and element properties only: never parsed as HTML.

(() => {
  const caseForm = document.getElementById("case-form");
  const pickForm = document.getElementById("pick-form");
  if (!caseForm || !pickForm || !window.fetch) return;
  const candidates = document.getElementById("candidates");
  const rows = document.getElementById("candidate-rows");
  const none = document.getElementById("no-candidates");
  const notices = document.getElementById("notices");
  const findings = document.getElementById("findings");
  const findingRows = document.getElementById("finding-rows");
  const findingsNone = document.getElementById("findings-none");
  const error = document.getElementById("tool-error");
  const token = caseForm.elements.csrfmiddlewaretoken.value;

  const { postJSON, errorShower } = window.CodeAheadTools;
  const showError = errorShower(error);
  const post = (url, body) => postJSON(url, body, token, "The request failed.");

  const cell = (label, ...children) => {
    const td = document.createElement("td");
    td.dataset.label = label;
    td.append(...children);
    return td;
  };

  const input = (props) => Object.assign(document.createElement("input"), props);

  const row = (item, kind) => {
    const tr = document.createElement("tr");
    const link = Object.assign(document.createElement("a"), { className: "code", href: item.url, textContent: item.code });
    const small = Object.assign(document.createElement("span"), { className: "small", textContent: kind });
    const quote = Object.assign(document.createElement("q"), { textContent: item.text });
    tr.append(
      cell("Keep", input({ type: "checkbox", name: "pick", value: item.code, checked: true, id: `pick-${item.code}` })),
      cell("Code", link, " ", small),
      cell("Title", item.title),
      cell("Evidence", quote),
      cell("Units", input({ type: "number", name: `units-${item.code}`, value: item.units || 1, min: 1, max: 9999 })),
      cell("Modifiers", input({ type: "text", name: `modifiers-${item.code}`, maxLength: 11, size: 8, placeholder: "GP 59" })),
    );
    tr.querySelector("input[type=checkbox]").setAttribute("aria-label", `Keep ${item.code}`);
    tr.querySelector("input[type=number]").setAttribute("aria-label", `Units of ${item.code}`);
    tr.querySelector("input[type=text]").setAttribute("aria-label", `Modifiers of ${item.code}`);
    return tr;
  };

  caseForm.addEventListener("submit", (event) => {
    event.preventDefault();
    error.hidden = true;
    const button = caseForm.querySelector("button[type=submit]");
    button.disabled = true;
    post(caseForm.dataset.api, { text: caseForm.elements.text.value, setting: caseForm.elements.setting.value })
      .then((data) => {
        rows.replaceChildren(
          ...data.diagnoses.map((item) => row(item, "Diagnosis")),
          ...data.procedures.map((item) => row(item, "Procedure")),
        );
        notices.replaceChildren(...data.notices.map((text) => Object.assign(document.createElement("li"), { textContent: text })));
        none.hidden = rows.children.length > 0;
        candidates.hidden = false;
        findings.hidden = true;
      })
      .catch((problem) => showError(problem.message))
      .finally(() => { button.disabled = false; });
  });

  pickForm.addEventListener("submit", (event) => {
    event.preventDefault();
    error.hidden = true;
    const codes = [...pickForm.querySelectorAll("input[name=pick]:checked")].map((box) => {
      const units = Number(pickForm.elements[`units-${box.value}`].value) || 1;
      const modifiers = (pickForm.elements[`modifiers-${box.value}`].value.match(/\b[0-9A-Za-z]{2}\b/g) || []);
      return { code: box.value, units, modifiers };
    });
    if (!codes.length) {
      showError("Tick at least one code to check.");
      return;
    }
    const body = { codes, date_of_service: pickForm.elements.date_of_service.value, setting: pickForm.elements.setting.value };
    post(pickForm.dataset.api, body)
      .then((data) => {
        findingRows.replaceChildren(...data.findings.map((finding) => {
          const tr = document.createElement("tr");
          tr.className = finding.severity;
          tr.append(
            cell("Severity", finding.severity.charAt(0).toUpperCase() + finding.severity.slice(1)),
            cell("Rule", finding.rule),
            cell("Codes", finding.codes.join(", ")),
            cell("What to do", finding.message),
            cell("Data", finding.release),
          );
          tr.children[2].className = "code";
          return tr;
        }));
        findingsNone.hidden = data.findings.length > 0;
        findings.hidden = false;
        findings.scrollIntoView({ block: "start" });
      })
      .catch((problem) => showError(problem.message));
  });
})();
