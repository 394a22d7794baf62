/* Dateline without a mouse, and on small screens.

   The timeline: focus the chart (Tab), then the arrow keys move from event to event in date
   order (Home/End, PageUp/PageDown jump), Enter or Space opens the focused event's source (the
   same path as a click), Escape closes the source drawer. The focused event gets plotly's hover
   label and is announced in an aria-live region (date, label, actors). The events are read
   from the drawn figure, so the keys walk exactly what is on screen; when the chart shows
   counts per period, the keys walk the periods and Enter zooms into one.

   Also here: the selected event in the URL (?event=ID), the source drawer and the phone
   filter toggle (client-side callbacks), and a fix for Dash's dropdown focus proxy, an
   aria-hidden input that takes Tab focus (axe: aria-hidden-focus). Served from assets/,
   never inline, so the Content-Security-Policy allows it. */
(function () {
  "use strict";
  var CHART = "chart-focus";
  var GRAPH = "timeline";
  var ANNOUNCE = "chart-announce";
  var PANEL = "source-panel";
  var BIN = "__bin__";
  var state = {index: -1, key: null};

  function graphDiv() { return document.querySelector("#" + GRAPH + " .js-plotly-plot"); }

  function plainText(html) {
    var doc = new DOMParser().parseFromString(
      String(html || "").replace(/<br\s*\/?>/gi, ". "), "text/html");
    return (doc.body.textContent || "").replace(/\s+/g, " ").replace(/\.\s*\./g, ".").trim();
  }

  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];

  function day(value) { return Date.parse(String(value).slice(0, 10)); }  // ms, UTC midnight

  /* A plotly date ("2024-06-20", "2024-06-20 12:00", "2024-06-20 12:00:00.123") in ms, UTC. */
  function ms(value) {
    var text = String(value).replace(" ", "T");
    if (text.length <= 10) { text += "T00:00:00"; }
    return Date.parse(/Z$/.test(text) ? text : text + "Z");
  }

  /* A count bar's period in words: "20 June 2024", "week of 17 June 2024", "June 2024", "2024". */
  function period(first, after) {
    var d = new Date(day(first));
    var days = Math.round((day(after) - day(first)) / 86400000);
    var name = MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    if (days <= 1) { return d.getUTCDate() + " " + name; }
    if (days <= 7) { return "the week of " + d.getUTCDate() + " " + name; }
    if (days <= 31) { return name; }
    return String(d.getUTCFullYear());
  }

  /* The x range on screen (ms), or null when plotly has not drawn an axis. */
  function shownRange(gd) {
    var axis = gd._fullLayout && gd._fullLayout.xaxis;
    if (!axis || !axis.range) { return null; }
    return [ms(axis.range[0]), ms(axis.range[1])];
  }

  /* Every event (or count bar) drawn in the shown range, in date order:
     {key, x, curve, point, text}. Marks kept beyond the edges for panning are left out. */
  function items() {
    var gd = graphDiv();
    if (!gd || !gd.data) { return []; }
    var range = shownRange(gd);
    var seen = {};
    var bins = {};
    var out = [];
    gd.data.forEach(function (trace, curve) {
      var custom = trace.customdata;
      var name = String(trace.name || "");
      if (!custom || name === "selected" || name.indexOf("labels") === 0 ||
          name.indexOf("\u26a0") === 0) { return; }
      for (var point = 0; point < custom.length; point++) {
        var c = custom[point];
        if (!c || !c.length) { continue; }
        if (c[0] === BIN) {
          var count = trace.y ? Number(trace.y[point]) : 0;
          if (!bins[c[1]]) {
            bins[c[1]] = {key: c[1], x: c[1], curve: curve, point: point, bin: c, total: 0,
                          parts: []};
            out.push(bins[c[1]]);
          }
          bins[c[1]].total += count;
          bins[c[1]].parts.push(count + " " + name.toLowerCase());
          continue;
        }
        if (seen[c[0]]) { continue; }
        seen[c[0]] = true;
        var horizontalBar = trace.type === "bar" && trace.orientation === "h";
        var x = horizontalBar ? trace.base[point] : trace.x[point];
        var end = horizontalBar ? ms(x) + Number(trace.x[point]) : ms(x);
        if (range && (end < range[0] || ms(x) > range[1])) { continue; }
        var hover = trace.hovertext ? trace.hovertext[point] : "";
        out.push({key: c[0], x: String(x), curve: curve, point: point, text: plainText(hover)});
      }
    });
    out.forEach(function (item) {
      if (item.bin) {
        item.text = period(item.bin[1], item.bin[2]) + ": " + item.total + " events (" +
          item.parts.join(", ") + "). Enter zooms in.";
      }
    });
    out.sort(function (a, b) {
      return a.x < b.x ? -1 : a.x > b.x ? 1 : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
    });
    return out;
  }

  function announce(text) {
    var region = document.getElementById(ANNOUNCE);
    if (region) { region.textContent = text; }
  }

  function show(list, index) {
    var item = list[index];
    state.index = index;
    state.key = item.key;
    var gd = graphDiv();
    if (gd && window.Plotly && window.Plotly.Fx) {
      try { window.Plotly.Fx.hover(gd, [{curveNumber: item.curve, pointNumber: item.point}]); }
      catch (e) { /* a mark outside the drawn range has no hover label */ }
    }
    announce((index + 1) + " of " + list.length + ": " + item.text);
  }

  function open(item) {
    var set = window.dash_clientside && window.dash_clientside.set_props;
    if (!set) { return; }
    var custom = item.bin ? item.bin : [item.key];
    set(GRAPH, {clickData: {points: [{curveNumber: item.curve, pointNumber: item.point,
                                      customdata: custom}]}});
  }

  function onChartKey(event) {
    if (event.target.id !== CHART) { return; }
    var list = items();
    if (!list.length) {
      if (event.key.indexOf("Arrow") === 0) { announce("No events are drawn."); }
      return;
    }
    var at = state.key === null ? -1 : list.findIndex(function (i) { return i.key === state.key; });
    var next = null;
    switch (event.key) {
      case "ArrowRight": case "ArrowDown": next = at < 0 ? 0 : Math.min(at + 1, list.length - 1); break;
      case "ArrowLeft": case "ArrowUp": next = at < 0 ? 0 : Math.max(at - 1, 0); break;
      case "Home": next = 0; break;
      case "End": next = list.length - 1; break;
      case "PageDown": next = Math.min(Math.max(at, 0) + 10, list.length - 1); break;
      case "PageUp": next = Math.max(at - 10, 0); break;
      case "Enter": case " ":
        event.preventDefault();
        if (at >= 0) { open(list[at]); } else { show(list, 0); }
        return;
      default: return;
    }
    event.preventDefault();
    show(list, next);
  }

  function isDrawer() {
    var panel = document.getElementById(PANEL);
    return !!panel && window.getComputedStyle(panel).position === "fixed";
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isDrawer()) {
      var close = document.getElementById("source-panel-close");
      var panel = document.getElementById(PANEL);
      if (close && panel && panel.classList.contains("is-open")) {
        close.click();
        var chart = document.getElementById(CHART);
        if (chart) { chart.focus(); }
        return;
      }
    }
    onChartKey(event);
  });

  document.addEventListener("focusout", function (event) {
    if (event.target && event.target.id === CHART) {
      var gd = graphDiv();
      if (gd && window.Plotly && window.Plotly.Fx) { window.Plotly.Fx.unhover(gd); }
    }
  });

  /* Dash's dropdown puts Tab focus on an aria-hidden proxy input that forwards it to the real
     button (tabindex -1). Make the labelled button itself the tab stop instead. */
  function fixDropdowns(root) {
    (root || document).querySelectorAll(".dash-dropdown-focus-target").forEach(function (proxy) {
      if (proxy.tabIndex !== -1) { proxy.tabIndex = -1; }
      var button = proxy.nextElementSibling;
      if (!button || button.tagName !== "BUTTON") { return; }
      if (!button.disabled && button.tabIndex !== 0) { button.tabIndex = 0; }
      /* Chromium names a button by its text (the placeholder, "Anyone") before its <label>:
         name it by the label, then its current value. */
      var label = button.id && document.getElementById(button.id + "-label");
      var names = label ? label.id + " " + button.id : null;
      if (names && button.getAttribute("aria-labelledby") !== names) {
        button.setAttribute("aria-labelledby", names);
      }
    });
  }
  new MutationObserver(function () { fixDropdowns(); }).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true,
    attributeFilter: ["tabindex", "aria-labelledby"]
  });

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    access: {
      /* ?event=ID follows the selection (replaceState: no new history entry per click); it
         runs after the filters wrote their own query string, and keeps every other key. */
      eventToUrl: function (selected) {
        window.setTimeout(function () {
          var url = new URL(window.location.href);
          if (selected) { url.searchParams.set("event", selected); }
          else { url.searchParams.delete("event"); }
          if (url.href !== window.location.href) {
            window.history.replaceState(window.history.state, "", url.href);
          }
        }, 60);
        return window.dash_clientside.no_update;
      },
      /* Narrow screens: the source panel is a drawer over the chart (CSS), open while an event
         is selected until closed; focus moves into it and back. */
      drawer: function (selected, closes, click, cell, className) {
        var trigger = (window.dash_clientside.callback_context.triggered || [])[0] || {};
        var base = String(className || "card source-panel").replace(/\s*is-open/g, "");
        var closing = String(trigger.prop_id || "").indexOf("source-panel-close") === 0;
        var point = click && click.points && click.points[0];
        var custom = point && point.customdata;
        if (String(trigger.prop_id || "").indexOf("timeline.") === 0 &&
            (!custom || custom[0] === BIN)) {
          return window.dash_clientside.no_update;  // a count bar zooms; it selects nothing
        }
        if (closing || !selected) {
          window.setTimeout(function () {
            var chart = document.getElementById(CHART);
            if (closing && chart && isDrawer()) { chart.focus(); }
          }, 30);
          return base;
        }
        window.setTimeout(function () {
          var close = document.getElementById("source-panel-close");
          var active = document.activeElement;
          var fromKeys = active && active.id === CHART;
          if (close && isDrawer() && fromKeys) { close.focus({preventScroll: true}); }
        }, 60);
        return base + " is-open";
      },
      toggleFilters: function (clicks, className) {
        var base = String(className || "").replace(/\s*filters-open/g, "");
        var opening = (clicks || 0) % 2 === 1;
        return [opening ? base + " filters-open" : base, opening ? "true" : "false"];
      }
    }
  });
})();
