// Suggests the browser's language at the top of the language picker. It never redirects:
// a person on a shared or borrowed phone must always be able to choose.
document.addEventListener("DOMContentLoaded", function () {
  var links = document.querySelectorAll(".languages a[data-lang]");
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (tag) {
    return tag.toLowerCase().split("-")[0];
  });
  for (var i = 0; i < wanted.length; i++) {
    for (var j = 0; j < links.length; j++) {
      if (links[j].dataset.lang === wanted[i] || (wanted[i] === "prs" && links[j].dataset.lang === "fa")) {
        var suggestion = document.getElementById("suggestion");
        var link = links[j].cloneNode(true);
        link.className = "suggested";
        suggestion.appendChild(link);
        suggestion.hidden = false;
        links[j].parentNode.classList.add("is-suggested");
        return;
      }
    }
  }
});
