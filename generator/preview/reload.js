// Live reload for `catalogue serve`: asks the preview server for its build number every second
// and reloads the page when a new build is ready. Only preview builds include this script.
// When the last build failed, the content's errors are shown over the page (the page itself is
// the previous build), so that a coordinator saving from the editor sees them in the browser.
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = new URL("__build", script.src).href;
  var errorsEndpoint = new URL("__errors", script.src).href;
  var known = null;
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

  setInterval(function () {
    fetch(endpoint, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (build) {
        if (known !== null && build !== known) window.location.reload();
        known = build;
      })
      .catch(function () {});
    fetch(errorsEndpoint, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) { showErrors(state.errors || []); })
      .catch(function () {});
  }, 1000);
})();
