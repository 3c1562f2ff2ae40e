// The report's own behaviour: charts, filters, sorting, search, evidence on expand. No network.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("series-data").textContent);
  var embedOpts = { actions: false, renderer: "svg" };

  function draw(el, spec) {
    if (el.dataset.drawn) return;
    el.dataset.drawn = "1";
    vegaEmbed(el, spec, embedOpts).catch(function (e) { el.textContent = "chart failed: " + e; });
  }
  function drawSeries(el, key) {
    var values = data.series[key];
    if (!values || !values.length) return;
    var spec = JSON.parse(JSON.stringify(data.template));
    spec.datasets = Object.assign({}, spec.datasets || {}, { series: values });
    // layers: band (a range target), target, line and points (results); an empty layer has no extent
    var hasRange = values.some(function (v) { return v.target_high !== null; }),
        hasResult = values.some(function (v) { return v.actual !== null; });
    spec.layer = spec.layer.filter(function (l, i) { return i === 1 || (i === 0 ? hasRange : hasResult); });
    draw(el, spec);
  }

  document.querySelectorAll("div.vega[data-spec]").forEach(function (el) { draw(el, JSON.parse(el.dataset.spec)); });
  document.querySelectorAll("figure.series").forEach(function (fig) {
    drawSeries(fig.querySelector(".vega-slot"), fig.dataset.series);
  });

  // evidence on expand
  function toggle(tb) {
    var ev = tb.querySelector("tr.ev");
    ev.hidden = !ev.hidden;
    tb.classList.toggle("open", !ev.hidden);
    if (!ev.hidden) {
      var slot = ev.querySelector(".ev-chart");
      if (slot) drawSeries(slot, tb.dataset.series);
    }
  }
  document.querySelectorAll("tbody.r > tr.m").forEach(function (tr) {
    tr.addEventListener("click", function (e) { if (!e.target.closest("a")) toggle(tr.parentNode); });
    tr.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(tr.parentNode); }
    });
  });

  // sort by any column
  document.querySelectorAll("table.pva").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var numeric = th.dataset.type === "num";
        var bodies = Array.prototype.slice.call(table.tBodies);
        var key = function (tb) {
          var td = tb.rows[0].cells[col];
          if (numeric) {
            var v = td.dataset.v;
            return v === undefined || v === "" ? null : parseFloat(v);
          }
          return td.textContent.trim();
        };
        bodies.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === null || x === "") return (y === null || y === "") ? 0 : 1;   // empty cells last
          if (y === null || y === "") return -1;
          var c = numeric ? x - y : x.localeCompare(y, "zh-Hans-CN");
          return asc ? c : -c;
        });
        bodies.forEach(function (tb) { table.appendChild(tb); });
      });
    });
  });

  // filters and search
  var fj = document.getElementById("f-jur"), fy = document.getElementById("f-year"),
      fs = document.getElementById("f-status"), fi = document.getElementById("f-ind"),
      fq = document.getElementById("f-q"), count = document.getElementById("f-count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("tbody.r"));
  rows.forEach(function (tb) { tb._text = tb.textContent.toLowerCase(); });
  function apply() {
    var j = fj.value, y = fy.value, s = fs.value, ind = fi.value.trim().toLowerCase(),
        q = fq.value.trim().toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
    rows.forEach(function (tb) {
      var ok = (!j || tb.dataset.j === j) && (!y || tb.dataset.y === y) && (!s || tb.dataset.s === s) &&
               (!ind || (tb.dataset.ind + " " + tb.dataset.i).toLowerCase().indexOf(ind) >= 0) &&
               q.every(function (w) { return tb._text.indexOf(w) >= 0; });
      tb.classList.toggle("hidden", !ok);
      if (ok) shown++;
    });
    document.querySelectorAll("section.jur").forEach(function (sec) {
      sec.classList.toggle("hidden", !!j && sec.dataset.j !== j);
    });
    document.getElementById("overview").classList.toggle("hidden", !!j);
    count.textContent = shown + " of " + rows.length + " targets shown";
  }
  [fj, fy, fs].forEach(function (el) { el.addEventListener("change", apply); });
  [fi, fq].forEach(function (el) { el.addEventListener("input", apply); });
  // a jurisdiction's link (#j=安徽省) shows that jurisdiction alone; "all" brings the overview back
  function fromHash() {
    var h = decodeURIComponent(location.hash.slice(1)), j = h.indexOf("j=") === 0 ? h.slice(2) : "";
    var known = [].some.call(fj.options, function (o) { return o.value === j; });
    fj.value = known ? j : "";
    apply();
    window.scrollTo(0, 0);
  }
  fj.addEventListener("change", function () {
    history.replaceState(null, "", fj.value ? "#j=" + encodeURIComponent(fj.value) : "#");
    window.scrollTo(0, 0);
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
