// Autocomplete for the search box: progressive enhancement, the form works without it.
// Hand-written (no library) because it is one input, one list and a few keys; it follows
// the WAI-ARIA combobox pattern so screen readers announce the suggestions.
(function () {
  "use strict";
  var input = document.querySelector("input[data-autocomplete-url]");
  if (!input || !window.fetch) return;
  var url = input.getAttribute("data-autocomplete-url");
  var list = document.createElement("ul");
  list.id = "q-suggestions";
  list.className = "search-autocomplete";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  input.parentNode.appendChild(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");
  var timer = null;
  var active = -1;
  var controller = null;

  function close() {
    // A late answer must not reopen the list the reader has just closed or emptied.
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = null;
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function render(items) {
    list.textContent = "";
    items.forEach(function (item, i) {
      var li = document.createElement("li");
      li.id = "q-suggestion-" + i;
      li.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = item.url || "#";
      link.textContent = item.title; // textContent: titles are never parsed as HTML
      link.tabIndex = -1;
      li.appendChild(link);
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  function fetchSuggestions() {
    var text = input.value.trim();
    if (text.length < 2) return close();
    if (controller) controller.abort();
    controller = new AbortController();
    fetch(url + "?q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" },
      signal: controller.signal,
    })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) { render(data.items || []); })
      .catch(function () {});
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("a")[active].href;
    } else if (event.key === "Escape") {
      close();
    }
  });
  // Pressing on a suggestion would blur the input and close the list before the click
  // lands; keeping the focus in the input lets the click follow the link.
  list.addEventListener("mousedown", function (event) { event.preventDefault(); });
  input.addEventListener("blur", close);
})();
