namespace Harness.Reports.Html;

/// <summary>
/// The report's only script, inline for the same reason as its style. It reads nothing but the
/// page's own data attributes (which hold escaped words, never run.json's free text) and fetches
/// nothing. Without it the page still works: every cell is a link to its evidence.
/// </summary>
static class ReportScript
{
    public const string Js = """
        (function () {
          "use strict";
          var rows = Array.prototype.slice.call(document.querySelectorAll("tr.kernel-row"));
          var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-filter]"));
          var shown = document.getElementById("shown");
          function matches(row, filter) {
            if (filter === "all") return true;
            if (filter === "miss") return row.getAttribute("data-met") === "no";
            return row.getAttribute("data-outcomes").split(" ").indexOf(filter) >= 0;
          }
          function apply(filter) {
            var count = 0;
            buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === filter)); });
            rows.forEach(function (row) {
              var visible = matches(row, filter);
              row.hidden = !visible;
              if (visible) count++;
              row.querySelectorAll("td.outcome").forEach(function (cell) {
                var outcomeFilter = filter !== "all" && filter !== "miss";
                cell.classList.toggle("dim", outcomeFilter && !cell.classList.contains(filter));
              });
            });
            shown.textContent = count + " of " + rows.length + " kernels shown";
          }
          buttons.forEach(function (b) { b.addEventListener("click", function () { apply(b.getAttribute("data-filter")); }); });
          // A cell's link opens the evidence it points at: a closed <details> would hide it.
          function openTarget() {
            var id = location.hash.slice(1);
            var target = id ? document.getElementById(id) : null;
            if (target && target.tagName === "DETAILS") target.open = true;
          }
          window.addEventListener("hashchange", openTarget);
          openTarget();
          apply("all");
        })();
        """;
}
