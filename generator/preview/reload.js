// Live reload for `catalogue serve` (only preview builds load this script). The server gives the
// page's build number in this script's address; MkDocs's live-reload endpoint answers as soon as
// a newer build is ready (or after a minute, when the question is asked again).
// When the last build failed, the content's errors are shown over the page (the page itself is
// the previous build), so that a coordinator saving from the editor sees them in the browser.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = new URL(script.src).searchParams.get("build");
  if (!build) return;
  var root = new URL("/", script.src);
  var endpoint = new URL("livereload/" + build + "/" + Date.now(), root).href;
  var errorsEndpoint = new URL("__errors", root).href;
  var shownErrors = "";
  var overlay = null;

  function showErrors(errors) {
    var key = errors.join("\n");
    if (key === shownErrors) return;
    shownErrors = key;
    if (overlay) overlay.remove();
    overlay = null;
    if (!errors.length) return;
    overlay = document.createElement("section");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("lang", "fr");
    overlay.setAttribute("dir", "ltr");
    overlay.className = "preview-errors";
    // CSSOM, which the pages' Content Security Policy allows (style attributes it does not).
    var style = overlay.style;
    style.position = "fixed"; style.insetInline = "0"; style.bottom = "0"; style.zIndex = "10";
    style.maxHeight = "60vh"; style.overflow = "auto"; style.padding = "1rem";
    style.background = "#fff4f4"; style.color = "#5c0000"; style.borderTop = "4px solid #b00020";
    style.font = "14px/1.4 system-ui, sans-serif";
    var title = document.createElement("h2");
    title.textContent = errors.length + (errors.length > 1 ? " erreurs" : " erreur") +
      " dans le contenu : cette page montre la version précédente. Corrigez, puis enregistrez.";
    title.style.fontSize = "1rem"; title.style.margin = "0 0 .5rem";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    errors.forEach(function (error) {
      var item = document.createElement("li");
      item.textContent = error;
      list.appendChild(item);
    });
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  function poll() {
    fetch(endpoint, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (latest) {
        if (Number(latest) > Number(build)) window.location.reload();
        else poll();
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();

  // A failed build does not change the build number: its errors are asked for apart.
  setInterval(function () {
    fetch(errorsEndpoint, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) { showErrors(state.errors || []); })
      .catch(function () {});
  }, 1000);
})();
