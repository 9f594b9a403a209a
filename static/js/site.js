// Small enhancements, no build step: the "Copy code" button and search suggestions.

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button || !navigator.clipboard) return;
  navigator.clipboard.writeText(button.dataset.copy).then(() => {
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});

// Search suggestions: the ARIA 1.2 combobox pattern (input + listbox), keyboard first.
function attachSuggestions(input, index) {
  const list = document.createElement("ul");
  list.id = `suggestions-${index}`;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  input.after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let active = -1;
  let timer = null;
  let latest = 0;

  const options = () => Array.from(list.querySelectorAll("[role=option]"));
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const highlight = (next) => {
    const items = options();
    if (!items.length) return;
    active = (next + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  };
  const show = (hits) => {
    list.replaceChildren();
    hits.forEach((hit, i) => {
      const item = document.createElement("li");
      item.id = `${list.id}-${i}`;
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.dataset.url = hit.url;
      const code = document.createElement("span");
      code.className = "code";
      code.textContent = hit.code;
      const set = document.createElement("span");
      set.className = "badge small";
      set.textContent = hit.system_label;
      item.append(code, " ", set, " ", hit.title);
      item.addEventListener("mousedown", (event) => {
        event.preventDefault();
        window.location.assign(hit.url);
      });
      list.append(item);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(hits.length > 0));
    active = -1;
  };
  const fetchSuggestions = () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query.length < 2) { close(); return; }
    fetch(`/api/suggest?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" } })
      .then((response) => response.json())
      .then((data) => { if (ticket === latest) show(data.hits); })
      .catch(close);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown") {
      if (list.hidden) { fetchSuggestions(); return; }
      event.preventDefault();
      highlight(active + 1);
    } else if (event.key === "ArrowUp" && !list.hidden) {
      event.preventDefault();
      highlight(active - 1);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      window.location.assign(options()[active].dataset.url);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
}

document.querySelectorAll("input[data-suggest]").forEach(attachSuggestions);
