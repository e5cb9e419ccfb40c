// Live reload for `catalogue serve`: asks the preview server for its build number every second
// and reloads the page when a new build is ready. Only preview builds include this script.
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = new URL("__build", script.src).href;
  var known = null;
  setInterval(function () {
    fetch(endpoint, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (build) {
        if (known !== null && build !== known) window.location.reload();
        known = build;
      })
      .catch(function () {});
  }, 1000);
})();
