// Autocomplete for search boxes (input[data-autocomplete-url]): progressive enhancement, the
// form works without it. Hand-written (no library) because it is one input, one list and a
// few keys; it follows the WAI-ARIA 1.2 combobox pattern with a listbox popup
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/): the focus stays in the input and
// aria-activedescendant names the highlighted option, so screen readers announce it.
(function () {
  "use strict";
  if (!window.fetch || !window.AbortController) return;
  var DELAY_MS = 150;
  var MIN_CHARS = 2;

  function enhance(input) {
    // The shared search box may be included twice on a page, and this script with it.
    if (input.hasAttribute("data-autocomplete-ready")) return;
    input.setAttribute("data-autocomplete-ready", "");
    var url = input.getAttribute("data-autocomplete-url");
    var wrapper = input.parentNode;
    if (!wrapper.classList.contains("autocomplete")) {
      wrapper = document.createElement("span");
      wrapper.className = "autocomplete";
      input.parentNode.insertBefore(wrapper, input);
      wrapper.appendChild(input);
    }
    var list = document.createElement("ul");
    list.id = (input.id || "search") + "-suggestions";
    list.className = "search-autocomplete";
    list.setAttribute("role", "listbox");
    // Its own name: labelled by the input's label, it would be found as a second "search box".
    list.setAttribute("aria-label", input.getAttribute("data-autocomplete-label") || "Suggestions");
    list.hidden = true;
    wrapper.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    var timer = null;
    var controller = null;
    var active = -1;

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function hide() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      options().forEach(function (option) { option.setAttribute("aria-selected", "false"); });
    }

    function close() {
      // A late answer must not reopen the list the reader has just closed or emptied.
      clearTimeout(timer);
      if (controller) controller.abort();
      controller = null;
      hide();
    }

    function show() {
      if (!options().length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function render(items) {
      list.textContent = "";
      items.filter(function (item) { return item.url; }).forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = list.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.setAttribute("data-url", item.url);
        option.textContent = item.title; // textContent: titles are never parsed as HTML
        list.appendChild(option);
      });
      hide();
      show();
    }

    function highlight(index) {
      var all = options();
      if (!all.length) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text.length < MIN_CHARS) {
        close();
        list.textContent = "";
        return;
      }
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

    function open(option) {
      window.location.href = option.getAttribute("data-url");
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!options().length) return;
        event.preventDefault();
        if (list.hidden) {
          show();
          if (event.altKey) return; // Alt+Down opens the list without choosing
        }
        if (active < 0) highlight(event.key === "ArrowDown" ? 0 : -1);
        else highlight(active + (event.key === "ArrowDown" ? 1 : -1));
      } else if (event.key === "Enter" && !list.hidden && active >= 0) {
        event.preventDefault();
        open(options()[active]);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault(); // a search input would also clear its text
        close();
      }
    });
    list.addEventListener("click", function (event) {
      var option = event.target.closest("[role=option]");
      if (option) open(option);
    });
    // Pressing on a suggestion would blur the input and close the list before the click
    // lands; keeping the focus in the input lets the click open the option.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-autocomplete-url]").forEach(enhance);
})();
