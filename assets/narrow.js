/* Phones: the events table shows one column, date and event on two lines (the "entry"
   column of dashboard/ui/layout.py), instead of five columns cut to fit. Follows the window
   across the 700 px line. Served from assets/ so the Content-Security-Policy allows it. */
(function () {
  "use strict";
  var WIDE = ["start", "label", "actors", "source", "modality"];
  var query = window.matchMedia("(max-width: 699.98px)");

  function apply() {
    var grid = window.dash_ag_grid;
    if (!grid || !grid.getApiAsync) { return; }
    grid.getApiAsync("events-table").then(function (api) {
      var narrow = query.matches;
      api.setColumnsVisible(WIDE.filter(function (id) { return api.getColumn(id); }), !narrow);
      api.setColumnsVisible(["entry"], narrow);
      api.resetRowHeights();
    }).catch(function () { /* no table on this page */ });
  }

  query.addEventListener("change", apply);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { window.setTimeout(apply, 0); });
  } else {
    window.setTimeout(apply, 0);
  }
})();
