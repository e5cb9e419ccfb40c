// The editor speaks French to every coordinator, whatever the browser's language: Sveltia CMS
// reads its interface language from this preference (it can still be changed in its settings).
(function () {
  var key = "sveltia-cms.prefs";
  var prefs = {};
  try { prefs = JSON.parse(localStorage.getItem(key) || "{}") || {}; } catch (error) { prefs = {}; }
  if (!prefs.locale) {
    prefs.locale = "fr";
    localStorage.setItem(key, JSON.stringify(prefs));
  }
})();
