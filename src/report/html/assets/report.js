(function () {
  "use strict";
  var root = document.documentElement;
  var boxes = document.querySelectorAll("input[data-dim]");
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].addEventListener("change", function (e) {
      var b = e.target;
      document.body.classList.toggle("hide-" + b.getAttribute("data-dim"), !b.checked);
    });
  }
  function focusTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id ? document.getElementById(id) : null;
    if (el && el.classList.contains("occ")) {
      el.setAttribute("tabindex", "-1");
      el.focus();
    }
  }
  window.addEventListener("hashchange", focusTarget);
  focusTarget();
  root.setAttribute("data-status", "ok");
  root.setAttribute("data-sections", String(document.querySelectorAll("main > section").length));
})();
