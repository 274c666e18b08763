// The report's behaviour: filter and sort the plans, open a plan's details, list the tasks due
// in a chosen month or quarter. Document text only ever goes into the page as textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kehoach-data").textContent);
  var plans = data.plans, L = data.labels;

  // Vietnamese typed with or without diacritics, in either tone placement, finds the same words.
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function table(headings, rows) {
    var t = el("table", null, "compact"), head = t.createTHead().insertRow(), body = t.createTBody();
    headings.forEach(function (h) { head.appendChild(el("th", h)); });
    rows.forEach(function (r) {
      var tr = body.insertRow();
      r.forEach(function (cell) { tr.appendChild(cell instanceof Node ? wrap(cell) : el("td", cell)); });
    });
    return t;
  }

  function wrap(node) { var td = el("td"); td.appendChild(node); return td; }
  function badge(kind, label) { return el("span", label, "badge " + kind); }

  // --- the plans table: filter, sort ---------------------------------------------------------
  var tbody = document.querySelector("#plans-table tbody");
  var rows = Array.prototype.slice.call(tbody.rows);
  var filter = document.getElementById("plan-filter"), statusFilter = document.getElementById("status-filter");
  var shown = document.getElementById("shown-count");
  var haystack = rows.map(function (row) {
    var p = plans[+row.dataset.i];
    var text = [row.textContent, p.issuer, p.areas_missing, p.findings.map(function (f) { return f[2]; }).join(" ")];
    return fold(text.join(" ")).replace(/\s+/g, " ");
  });

  function applyFilter() {
    // The words as typed, together: 'hung thang' finds Hùng Thắng, not every '6 tháng' of a period.
    var phrase = fold(filter.value).replace(/\s+/g, " ").trim(), status = statusFilter.value, count = 0;
    rows.forEach(function (row, k) {
      var ok = (!status || row.dataset.status === status) && haystack[k].indexOf(phrase) >= 0;
      row.hidden = !ok;
      if (ok) count++;
    });
    shown.textContent = L.shown.replace("{shown}", count).replace("{total}", rows.length);
  }
  filter.addEventListener("input", applyFilter);
  statusFilter.addEventListener("change", applyFilter);
  document.querySelectorAll(".card[data-status]").forEach(function (card) {
    card.addEventListener("click", function () { statusFilter.value = card.dataset.status; applyFilter(); location.hash = "plans"; });
  });
  applyFilter();

  document.querySelectorAll("table.sortable thead th").forEach(function (th, column) {
    th.addEventListener("click", function () {
      var ascending = th.getAttribute("aria-sort") !== "ascending", numeric = th.dataset.type === "number";
      th.parentNode.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var sorted = rows.slice().sort(function (a, b) {
        var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
        var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y, "vi");
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { tbody.appendChild(row); });
    });
  });

  // --- a plan's details ------------------------------------------------------------------------
  var dialog = document.getElementById("detail");

  function openPlan(i) {
    var p = plans[i], body = document.getElementById("detail-body");
    document.getElementById("detail-title").textContent = p.commune;
    body.textContent = "";
    var facts = el("dl");
    [[L.file, p.file], [L.issuer, p.issuer], [L.number, p.number], [L.date, p.date], [L.period, p.period],
     [L.status, p.status_label], [L.reason, p.reason], [L.missing, p.areas_missing]].forEach(function (pair) {
      if (pair[1]) { facts.appendChild(el("dt", pair[0])); facts.appendChild(el("dd", pair[1])); }
    });
    body.appendChild(facts);
    section(body, L.outline, p.outline.length, function () {
      var ul = el("ul", null, "outline");
      p.outline.forEach(function (o) {
        var li = el("li");
        li.style.paddingLeft = (o[1] - 1) * 16 + "px";
        li.appendChild(el("span", o[0], "path"));
        li.appendChild(document.createTextNode(o[2]));
        ul.appendChild(li);
      });
      return ul;
    });
    section(body, L.targets, p.targets.length, function () {
      return table([L.indicator, L.commitment, L.where, L.sentence], p.targets);
    });
    section(body, L.tasks, p.tasks.length, function () {
      return table([L.no, L.content, L.lead, L.time, L.due], p.tasks.map(function (t) { return t.slice(0, 5); }));
    });
    section(body, L.findings, p.findings.length, function () {
      return table([L.severity, L.code, L.where, L.message], p.findings.map(function (f) {
        return [badge("sev-" + f[0], f[1]), f[2], f[3], f[4]];
      }));
    });
    if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "");
  }

  function section(body, title, count, content) {
    body.appendChild(el("h3", title + " (" + count + ")"));
    body.appendChild(count ? content() : el("p", L.none, "muted"));
  }

  tbody.addEventListener("click", function (event) {
    var row = event.target.closest("tr");
    if (row) openPlan(+row.dataset.i);
  });
  tbody.addEventListener("keydown", function (event) {
    var row = event.target.closest("tr");
    if (row && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); openPlan(+row.dataset.i); }
  });
  document.querySelectorAll("#heat tbody tr[data-i]").forEach(function (row) {
    row.addEventListener("click", function () { openPlan(+row.dataset.i); });
  });

  // --- tasks due in a period -----------------------------------------------------------------
  var bucket = document.getElementById("bucket"), dueBody = document.querySelector("#bucket-tasks tbody");

  function showBucket() {
    dueBody.textContent = "";
    plans.forEach(function (p) {
      p.tasks.forEach(function (t) {
        if (t[5] !== bucket.value) return;
        var tr = dueBody.insertRow();
        [p.commune, t[0], t[1], t[2], t[3], t[4] || L.recurring].forEach(function (v) { tr.appendChild(el("td", v)); });
      });
    });
  }
  if (bucket) { bucket.addEventListener("change", showBucket); showBucket(); }
})();
