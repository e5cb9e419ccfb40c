// The catalogue's search: Pagefind, loaded only when a person searches, so pages stay light.
// Results are shown inline, below the search box. Without JavaScript the form opens the
// search page, which lists the actions by theme instead.
(function () {
  "use strict";
  var form = document.querySelector("form.catalogue-search");
  if (!form) return;
  var output = document.querySelector(".catalogue-search__results");
  var root = new URL(form.dataset.base, window.location.href);
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        // No worker: it would be one more script to download, for a search over one territory's fiches.
        return module.options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // Pagefind's excerpts mark matches with <mark>: keep those, and only text otherwise.
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html").body.firstChild;
    var nodes = [];
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        nodes.push(mark);
      } else {
        nodes.push(document.createTextNode(node.textContent));
      }
    });
    return nodes;
  }

  function show(message, results) {
    output.hidden = false;
    output.textContent = "";
    var status = document.createElement("p");
    status.className = "catalogue-search__status";
    status.textContent = message;
    output.appendChild(status);
    if (!results || !results.length) return;
    var list = document.createElement("ul");
    list.className = "catalogue-search__list";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title;
      var excerpt = document.createElement("span");
      excerpt.className = "catalogue-search__excerpt";
      excerptNodes(result.excerpt).forEach(function (node) { excerpt.appendChild(node); });
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    output.appendChild(list);
  }

  function run(query, territory) {
    if (!query.trim()) return;
    show(form.dataset.labelLoading);
    var filters = {};
    if (territory) filters[form.dataset.filterTerritory] = territory;
    load()
      .then(function (module) { return module.search(query, { filters: filters }); })
      .then(function (search) { return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); })); })
      .then(function (results) {
        var label = results.length ? form.dataset.labelCount.replace("{count}", String(results.length)) : form.dataset.labelNone;
        show(label, results);
      })
      .catch(function () { show(form.dataset.labelError); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var scope = form.querySelector("input[name=territoire]");
    run(form.elements.q.value, scope && scope.checked ? scope.value : null);
  });

  // The search page runs the query it was opened with (the form without JavaScript).
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    form.elements.q.value = params.get("q");
    run(params.get("q"), params.get("territoire"));
  }
})();
