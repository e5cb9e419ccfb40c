// The catalogue's search: Pagefind, loaded only when a person searches, so pages stay light.
// Results are shown inline, below the search box: every match, ten at a time behind « voir
// plus », with the true count, each with its status and territory. Open actions (running,
// upcoming) come first, then the ended ones and those whose end is not known; professional-only
// actions only when asked for. Without JavaScript the form opens the search page, which lists
// the actions by theme instead.
(function () {
  "use strict";
  var form = document.querySelector("form.catalogue-search");
  if (!form) return;
  var data = form.dataset;
  var words = null;  // the index's filter names and the results' words, with the filters (below)
  var output = document.querySelector(".catalogue-search__results");
  var root = new URL(data.base, window.location.href);
  var PAGE = 10;
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", new URL(data.index, window.location.href)).href).then(function (module) {
        // No worker: it would be one more script to download, for a search over one territory's fiches.
        return module.options({ baseUrl: root.pathname, excerptLength: 24, noWorker: true }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  // The filters' menus, and the words of the results, come from a file of their own
  // (theme/search-filters.json), loaded when a person turns to the search; the menus go into
  // the form, before the territory's box.
  var filtersLoaded = null;
  function loadFilters() {
    if (!filtersLoaded) {
      filtersLoaded = fetch(new URL(data.filters, window.location.href))
        .then(function (response) {
          if (!response.ok) throw new Error(response.statusText);
          return response.json();
        })
        .then(function (loaded) {
          var box = element("div", "catalogue-search__filters");
          loaded.menus.forEach(function (menu) {
            var label = element("label", "catalogue-search__filter", menu.label + " ");
            var select = document.createElement("select");
            select.name = menu.name;
            menu.options.forEach(function (option) {
              var choice = element("option", "", option[1]);
              choice.value = option[0];
              select.appendChild(choice);
            });
            select.addEventListener("change", function () { run(form.elements.q.value); });
            label.appendChild(select);
            box.appendChild(label);
          });
          form.insertBefore(box, form.querySelector(".catalogue-search__scope"));
          words = loaded;
        })
        .catch(function (error) { filtersLoaded = null; throw error; });  // tried again next time
    }
    return filtersLoaded;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // One result: its title as a single link, then status and territory, then its abstract.
  function resultItem(result) {
    var item = element("li", "catalogue-search__result");
    var link = element("a", "catalogue-search__title", result.meta.title);
    link.href = result.url;
    if (result.meta.title_lang) { link.lang = result.meta.title_lang; link.dir = "ltr"; }
    item.appendChild(link);
    var facts = element("span", "catalogue-search__meta");
    var status = (result.filters[words.filterNames.status] || [])[0];
    if (status) {
      var badge = element("span", "status status--" + (result.meta.status || "unknown"));
      badge.appendChild(element("strong", "", status));
      facts.appendChild(badge);
    }
    var territory = (result.filters[words.filterNames.territory] || [])[0];
    if (territory) {
      var place = element("span", "catalogue-search__territory", territory);
      place.lang = "fr"; place.dir = "ltr";  // territories keep their French names
      facts.appendChild(place);
    }
    item.appendChild(facts);
    if (result.meta.abstract) {
      var abstract = element("span", "catalogue-search__excerpt", result.meta.abstract);
      if (result.meta.abstract_lang) { abstract.lang = result.meta.abstract_lang; abstract.dir = "ltr"; }
      item.appendChild(abstract);
    }
    return item;
  }

  // aria-busy tells screen readers, and the tests, when the results are all on the page.
  function status(message, busy) {
    output.hidden = false;
    output.setAttribute("aria-busy", busy ? "true" : "false");
    output.textContent = "";
    output.appendChild(element("p", "catalogue-search__status", message));
  }

  // The filters of one query: territory, public and status as the form says.
  function filters(statusChoice) {
    var chosen = {};
    var scope = form.querySelector("input[name=territoire]");
    if (scope && scope.checked) chosen[words.filterNames.territory] = scope.value;
    else if (!scope && form.dataset.scope) chosen[words.filterNames.territory] = form.dataset.scope;
    var audience = form.elements.public.value;
    if (audience === "pro") chosen[words.filterNames.audience] = { any: [words.audiences.professionals, words.audiences.both] };
    else if (audience !== "all") chosen[words.filterNames.audience] = { any: [words.audiences.newcomers, words.audiences.both] };
    // The index marks each fiche open or not, by the rule the lists count with: ended actions
    // and those whose end is not known go together, after the open ones.
    if (statusChoice === "open") chosen.open = "yes";
    if (statusChoice === "ended") chosen.open = "no";
    return chosen;
  }

  function run(query) {
    if (!query.trim()) return;
    status(data.labelLoading, true);
    Promise.all([load(), loadFilters()])
      .then(function (loaded) {
        var choice = form.elements.statut.value;
        // Open first, then the others: two searches, each in Pagefind's order.
        var parts = choice ? [choice] : ["open", "ended"];
        return Promise.all(parts.map(function (part) { return loaded[0].search(query, { filters: filters(part) }); }));
      })
      .then(function (searches) {
        var results = [].concat.apply([], searches.map(function (search) { return search.results; }));
        if (!results.length) { status(words.labels.none); return; }
        status(words.labels.count.replace("{count}", String(results.length)), true);
        var list = element("ul", "catalogue-search__list");
        output.appendChild(list);
        var more = element("button", "tool catalogue-search__more", words.labels.more);
        more.type = "button";
        var shown = 0;
        function showMore() {
          var next = results.slice(shown, shown + PAGE);
          shown += next.length;
          more.disabled = true;
          output.setAttribute("aria-busy", "true");
          return Promise.all(next.map(function (r) { return r.data(); })).then(function (loaded) {
            loaded.forEach(function (result) { list.appendChild(resultItem(result)); });
            more.disabled = false;
            more.hidden = shown >= results.length;
            output.setAttribute("aria-busy", "false");
          });
        }
        more.addEventListener("click", showMore);
        output.appendChild(more);
        return showMore();
      })
      .catch(function () { status(data.labelError); });
  }

  // The query goes into the address, so going back, reloading or sharing keeps it.
  function remember(query) {
    var address = new URL(window.location.href);
    address.searchParams.set("q", query);
    window.history.replaceState(null, "", address);
  }

  // The filters come when a person turns to the search, not when the script starts: they would
  // push the whole page down under the reader's eyes.
  form.addEventListener("focusin", function () { loadFilters().catch(function () {}); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember(form.elements.q.value);
    run(form.elements.q.value);
  });

  // A page opened with a query (the form of another page, or an address kept) runs it.
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) {
    form.elements.q.value = params.get("q");
    if (params.get("territoire") && !form.querySelector("input[name=territoire]")) form.dataset.scope = params.get("territoire");
    loadFilters()
      .then(function () {
        ["statut", "public"].forEach(function (name) { if (params.get(name)) form.elements[name].value = params.get(name); });
      })
      .catch(function () {})  // run says the search does not work
      .then(function () { run(params.get("q")); });
  }
})();
