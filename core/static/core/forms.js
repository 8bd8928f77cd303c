// Public forms: progressive enhancement only, every form works without it.
// - The error summary takes the focus, so keyboard and screen-reader users land on it.
// - A part marked data-shown-when="<radio name>=<value>" shows only while that radio
//   is chosen; without the script every part stays visible.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  document.querySelectorAll("[data-shown-when]").forEach(function (part) {
    var rule = part.getAttribute("data-shown-when").split("=");
    var radios = document.querySelectorAll('input[type="radio"][name="' + rule[0] + '"]');
    function update() {
      var chosen = document.querySelector('input[type="radio"][name="' + rule[0] + '"]:checked');
      part.hidden = !chosen || chosen.value !== rule[1];
    }
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  });
})();
