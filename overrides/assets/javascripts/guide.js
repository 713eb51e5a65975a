/* Small enhancements for the guide's pages. Everything here is optional: pages work without JavaScript. */
(function () {
  "use strict";

  // Print buttons start hidden (they need JavaScript); show them and make them print.
  function enablePrintButtons() {
    document.querySelectorAll("[data-lg-print]").forEach(function (button) {
      button.hidden = false;
      if (!button.dataset.lgBound) {
        button.dataset.lgBound = "1";
        button.addEventListener("click", function () { window.print(); });
      }
    });
  }

  // Material swaps page content on instant navigation and announces it through document$.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(enablePrintButtons);
  } else {
    document.addEventListener("DOMContentLoaded", enablePrintButtons);
  }
})();
