// Live reload for `catalogue serve` (only preview builds load this script). The server gives the
// page's build number in this script's address; MkDocs's live-reload endpoint answers as soon as
// a newer build is ready (or after a minute, when the question is asked again).
(function () {
  "use strict";
  var script = document.currentScript;
  var build = new URL(script.src).searchParams.get("build");
  if (!build) return;
  var endpoint = new URL("livereload/" + build + "/" + Date.now(), new URL("/", script.src)).href;
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
})();
