/* Dateline's client-side callbacks: theme, quick views, scrolling the source panel.
   Served from assets/ (never inline) so a strict Content-Security-Policy allows it. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  dateline: {
    applyTheme: function (dark) {
      var mode = dark ? "dark" : "light";
      document.documentElement.setAttribute("data-bs-theme", mode);
      document.body.setAttribute("data-ag-theme-mode", mode);
      return "dateline theme-" + mode;
    },
    quickView: function (nAll, nYear, nMonth, ranges) {
      var trigger = (window.dash_clientside.callback_context.triggered || [])[0];
      if (!trigger || !ranges) { return window.dash_clientside.no_update; }
      var key = trigger.prop_id.indexOf("quick-year") === 0 ? "year"
        : trigger.prop_id.indexOf("quick-month") === 0 ? "month" : "all";
      var graph = document.querySelector("#timeline .js-plotly-plot");
      if (!graph || !window.Plotly) { return window.dash_clientside.no_update; }
      var range = ranges[key];
      window.Plotly.relayout(graph, range ? {"xaxis.range": range} : {"xaxis.autorange": true});
      if (document.activeElement) { document.activeElement.blur(); }
      return key;
    },
    measureGraph: function (figure, current) {
      var graph = document.getElementById("timeline");
      var width = graph ? Math.round(graph.getBoundingClientRect().width) : 0;
      if (!width || (current && Math.abs(width - current) < 40)) {
        return window.dash_clientside.no_update;
      }
      return width;
    },
    scrollToSentence: function () {
      window.setTimeout(function () {
        var mark = document.getElementById("event-sentence");
        var box = document.querySelector("#source-panel-body .article-text");
        if (!mark || !box) { return; }
        var panel = document.getElementById("source-panel");
        if (panel && window.getComputedStyle(panel).position === "fixed") {  // the drawer
          mark.scrollIntoView({block: "center"});
          return;
        }
        box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
      }, 30);
      return window.dash_clientside.no_update;
    }
  }
});
