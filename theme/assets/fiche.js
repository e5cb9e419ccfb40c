// Tools for a fiche: save it on the phone, share it, print it (in one or two languages),
// and listen to it. Every tool is a real <button>, hidden until this script knows it works
// here, and nothing is sent anywhere: favourites stay in this browser's localStorage.
(function () {
  "use strict";
  var STORE = "catalogue-fiches";

  function saved() {
    try { return JSON.parse(localStorage.getItem(STORE)) || []; } catch (error) { return []; }
  }
  function store(list) {
    localStorage.setItem(STORE, JSON.stringify(list));
  }
  function pageAddress() {
    return window.location.href.split("#")[0].split("?")[0];
  }

  // « Mes fiches »: list what was saved.
  var favourites = document.getElementById("mes-fiches");
  if (favourites) {
    var render = function () {
      favourites.textContent = "";
      var list = saved();
      if (!list.length) {
        var empty = document.createElement("p");
        empty.textContent = favourites.dataset.empty;
        favourites.appendChild(empty);
        return;
      }
      var ul = document.createElement("ul");
      ul.className = "favourites";
      list.forEach(function (fiche) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = fiche.url;
        link.textContent = fiche.title;
        link.lang = fiche.lang;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "tool";
        remove.textContent = favourites.dataset.remove;
        remove.addEventListener("click", function () {
          store(saved().filter(function (other) { return other.url !== fiche.url; }));
          render();
        });
        li.appendChild(link);
        li.appendChild(remove);
        ul.appendChild(li);
      });
      favourites.appendChild(ul);
    };
    render();
  }

  var tools = document.querySelector(".fiche-tools");
  if (!tools) return;
  var article = document.querySelector("article.md-content__inner");
  function button(action) {
    return document.querySelector('[data-action="' + action + '"]');
  }
  function reveal(element) {
    if (element) element.hidden = false;
  }

  // Save.
  var save = button("save");
  function showSaved() {
    var isSaved = saved().some(function (fiche) { return fiche.url === pageAddress(); });
    save.setAttribute("aria-pressed", String(isSaved));
    save.querySelector("span").textContent = isSaved ? tools.dataset.labelSaved : tools.dataset.labelSave;
  }
  try {
    localStorage.setItem(STORE + "-test", "1");
    localStorage.removeItem(STORE + "-test");
    reveal(save);
    showSaved();
    save.addEventListener("click", function () {
      var list = saved();
      var here = pageAddress();
      if (list.some(function (fiche) { return fiche.url === here; })) {
        list = list.filter(function (fiche) { return fiche.url !== here; });
      } else {
        list.push({ url: here, title: tools.dataset.title, lang: tools.dataset.lang });
      }
      store(list);
      showSaved();
    });
  } catch (error) { /* private mode without storage: no favourites */ }

  // Share: the phone's own share sheet when it has one; the links below work everywhere. What is
  // shared is the page where the person it is sent to chooses their language. The sheet adds the
  // address to the text: the text is the title alone.
  var shareAddress = new URL(tools.dataset.url, window.location.href).href;
  var share = button("share");
  if (navigator.share) {
    reveal(share);
    share.addEventListener("click", function () {
      navigator.share({ title: tools.dataset.title, text: tools.dataset.title, url: shareAddress }).catch(function () {});
    });
  }
  var copy = button("copy");
  if (navigator.clipboard) {
    reveal(copy);
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(shareAddress).then(function () { copy.textContent = tools.dataset.labelCopied; });
    });
  }

  // Print, in the page's language or with a second language below it.
  reveal(button("print"));
  button("print").addEventListener("click", function () { window.print(); });
  var secondLanguage = document.querySelector(".print-choice__select");
  if (secondLanguage) reveal(secondLanguage.parentElement);
  document.querySelectorAll('[data-action="print-bilingual"]').forEach(function (bilingual) {
    reveal(bilingual);
    bilingual.addEventListener("click", function () {
      fetch(secondLanguage ? secondLanguage.value : bilingual.dataset.href)
        .then(function (response) { return response.text(); })
        .then(function (html) {
          var other = new DOMParser().parseFromString(html, "text/html");
          var body = other.querySelector("[data-pagefind-body]");
          var previous = document.querySelector(".print-second");
          if (previous) previous.remove();
          var second = document.createElement("section");
          second.className = "print-second";
          second.lang = other.documentElement.lang;
          second.dir = other.body.getAttribute("dir") || "ltr";
          second.appendChild(document.importNode(body, true));
          second.querySelectorAll("[data-pagefind-body]").forEach(function (node) { node.removeAttribute("data-pagefind-body"); });
          article.appendChild(second);
          document.body.classList.add("print-bilingual");
          window.print();
        });
    });
  });
  window.addEventListener("afterprint", function () { document.body.classList.remove("print-bilingual"); });

  // Listen: only where the phone has a voice for the page's language.
  if (!("speechSynthesis" in window)) return;
  var language = tools.dataset.lang.toLowerCase().split("-")[0];
  function sectionText(heading) {
    var parts = [heading.textContent];
    for (var node = heading.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
      if (!node.classList.contains("section-listen")) parts.push(node.textContent);
    }
    return parts.join(". ");
  }
  function speak(text, voice) {
    speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    speechSynthesis.speak(utterance);
  }
  function setUpListening() {
    var voice = speechSynthesis.getVoices().filter(function (candidate) {
      return candidate.lang.toLowerCase().split(/[-_]/)[0] === language;
    })[0];
    if (!voice || tools.dataset.listening) return;
    tools.dataset.listening = "yes";
    var listen = button("listen");
    reveal(listen);
    listen.addEventListener("click", function () {
      if (speechSynthesis.speaking) { speechSynthesis.cancel(); return; }
      var body = document.querySelector("[data-pagefind-body]");
      speak(body ? body.innerText : article.innerText, voice);
    });
    document.querySelectorAll("[data-pagefind-body] h2").forEach(function (heading) {
      var play = document.createElement("button");
      play.type = "button";
      play.className = "tool section-listen";
      play.textContent = tools.dataset.labelSection;
      play.addEventListener("click", function () { speak(sectionText(heading), voice); });
      heading.insertAdjacentElement("afterend", play);
    });
  }
  setUpListening();
  speechSynthesis.addEventListener("voiceschanged", setUpListening);
})();
