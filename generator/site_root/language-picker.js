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
        // Moved to the top, not copied: the list names each language once.
        var suggestion = document.getElementById("suggestion");
        var item = links[j].parentNode;
        links[j].className = "suggested";
        suggestion.appendChild(links[j]);
        suggestion.hidden = false;
        item.parentNode.removeChild(item);
        return;
      }
    }
  }
});
