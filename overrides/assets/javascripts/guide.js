/* Small enhancements for the guide's pages. Everything here is optional: pages work without JavaScript. */

/* Run `fn` on every page: Material swaps page content on instant navigation and announces it through document$;
   without it (or before Material has loaded), once the document is ready. */
function lgOnEveryPage(fn) {
  "use strict";
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(fn);
  } else {
    document.addEventListener("DOMContentLoaded", fn);
  }
}

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

  lgOnEveryPage(enablePrintButtons);
})();

/* Questions: open the answer of the question in the address (search result, permalink or link), send readers
   who land on a search entry to the question itself, and let the permalink icon copy the question's URL. */
(function () {
  "use strict";

  function questionFor(id) {
    var heading = id ? document.getElementById(id) : null;
    if (!heading || !heading.classList.contains("lg-question")) return null;
    return heading.closest(".lg-q");
  }

  function openFromHash() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var section = questionFor(id);
    if (!section) return;
    var answer = section.querySelector("details.answer");
    if (answer && !answer.open) answer.open = true;
    section.querySelector(".lg-question").scrollIntoView();
  }

  function followSearchEntry() {
    var link = document.querySelector("a[data-lg-redirect]");
    if (link) window.location.replace(link.href);
  }

  function enablePermalinks() {
    document.querySelectorAll(".lg-question > .headerlink").forEach(function (anchor) {
      if (anchor.dataset.lgBound) return;
      anchor.dataset.lgBound = "1";
      anchor.setAttribute("aria-label", "Copy the link to this question");
      anchor.addEventListener("click", function () {
        var url = anchor.href;
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(function () {
            anchor.classList.add("lg-copied");
            window.setTimeout(function () { anchor.classList.remove("lg-copied"); }, 1500);
          }, function () {});
        }
      });
    });
  }

  // Material adds a <nav> of buttons to every code block; give each a distinct name (axe: landmark-unique).
  function nameCodeNavs() {
    document.querySelectorAll("nav.md-code__nav").forEach(function (nav, n) {
      nav.setAttribute("aria-label", "Code block " + (n + 1) + " actions");
    });
  }

  function onPage() {
    followSearchEntry();
    window.setTimeout(nameCodeNavs, 0);
    enablePermalinks();
    openFromHash();
  }

  lgOnEveryPage(onPage);
  window.addEventListener("hashchange", openFromHash);
})();

/* Study mode on category pages: "Hide short answers" hides each short answer behind its own button, so a reader
   can say an answer out loud before looking. The choice is kept for the site in localStorage. Print always shows
   the short answers (print.css), and without JavaScript nothing is hidden. */
(function () {
  "use strict";
  var KEY = "lg:aws-lambda-interview-guide:study";

  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function store(on) {
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
  }

  function apply(on) {
    document.documentElement.classList.toggle("lg-study", on);
    document.querySelectorAll("[data-lg-study]").forEach(function (button) { button.setAttribute("aria-pressed", String(on)); });
    document.querySelectorAll(".lg-q .lg-short").forEach(function (short, n) {
      var reveal = short.previousElementSibling;
      if (!reveal || !reveal.classList.contains("lg-reveal")) {
        if (!on) return;
        reveal = document.createElement("button");
        reveal.type = "button";
        reveal.className = "lg-reveal";
        reveal.textContent = "Show short answer";
        if (!short.id) short.id = "lg-short-" + (n + 1);
        reveal.setAttribute("aria-controls", short.id);
        reveal.addEventListener("click", function () {
          var open = reveal.getAttribute("aria-expanded") !== "true";
          reveal.setAttribute("aria-expanded", String(open));
          reveal.textContent = open ? "Hide short answer" : "Show short answer";
          short.classList.toggle("lg-shown", open);
        });
        short.before(reveal);
      }
      reveal.setAttribute("aria-expanded", "false");
      reveal.textContent = "Show short answer";
      short.classList.remove("lg-shown");
    });
  }

  function onPage() {
    document.querySelectorAll("[data-lg-study]").forEach(function (button) {
      button.hidden = false;
      if (button.dataset.lgBound) return;
      button.dataset.lgBound = "1";
      button.addEventListener("click", function () {
        var on = !document.documentElement.classList.contains("lg-study");
        store(on);
        apply(on);
      });
    });
    if (document.querySelector("[data-lg-study]")) apply(stored());
  }

  lgOnEveryPage(onPage);
})();

/* Diagrams arrive as SVG in declarative shadow roots (<template shadowrootmode>), which browsers since 2024
   attach while parsing. An older browser leaves the template inert; attach it here so the diagram shows. */
(function () {
  "use strict";
  document.querySelectorAll(".lg-diagram > template[shadowrootmode]").forEach(function (template) {
    var host = template.parentElement;
    if (host.shadowRoot || !host.attachShadow) return;
    host.attachShadow({ mode: template.getAttribute("shadowrootmode") }).appendChild(template.content);
    template.remove();
  });
})();

/* Things that scroll sideways must be reachable by keyboard. Code blocks: mkdocs.yml turns on Material's
   `content.lazy`, so a code block gets its copy button when it comes into view; mounting all of them at load
   forced one layout per block (about 1 s of main-thread time on a phone for a category page). Material makes a
   code block that scrolls focusable (where a pointer can hover; here on touch screens too, for keyboards on
   tablets); for the blocks already shown that is done here at once, with one layout for all. Diagrams wider
   than a phone scroll too; they are made focusable everywhere, when shown and when an answer opens, named for
   screen readers, and scrolled to their first node (where the flow starts: on the right of a wide top-down
   drawing, a phone would otherwise open on an empty corner). */
(function () {
  "use strict";
  function shown(el) { return !el.closest("details:not([open])"); }
  function focusable() {
    var code = [].filter.call(document.querySelectorAll(".md-typeset pre > code:not([tabindex])"), shown);
    var diagrams = [].filter.call(document.querySelectorAll(".lg-diagram:not([tabindex])"), shown);
    var wide = code.concat(diagrams).filter(function (el) { return el.scrollWidth > el.clientWidth; });  // reads, then writes
    var starts = wide.map(function (el) {
      var first = el.shadowRoot && el.shadowRoot.querySelector("g.node");
      if (!first) return 0;
      var node = first.getBoundingClientRect(), box = el.getBoundingClientRect();
      return el.scrollLeft + node.left + node.width / 2 - box.left - el.clientWidth / 2;
    });
    wide.forEach(function (el, n) {
      if (starts[n] > 0) el.scrollLeft = starts[n];
      el.setAttribute("tabindex", "0");
      if (el.classList.contains("lg-diagram")) {
        el.setAttribute("role", "group");  // named, but not a landmark: a page has several
        el.setAttribute("aria-label", "Diagram, scrolls sideways");
        var hint = document.createElement("p");
        hint.className = "lg-scroll-hint";
        hint.textContent = "Scroll the diagram sideways to see all of it.";
        el.after(hint);
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", focusable);
  else focusable();
  document.addEventListener("toggle", function (event) { if (event.target.open) focusable(); }, true);
})();
