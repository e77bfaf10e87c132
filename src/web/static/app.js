// isms web UI: progressive enhancement only; every page works without it.
'use strict';
document.addEventListener('DOMContentLoaded', function () {
  // "Select all" in the SoA bulk form: shown only when scripts run.
  document.querySelectorAll('input.select-all').forEach(function (all) {
    var form = all.closest('form');
    var boxes = form ? form.querySelectorAll('input[type=checkbox][name=control]') : [];
    all.hidden = false;
    all.addEventListener('change', function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
    });
  });
  // Close the organization switcher when clicking elsewhere.
  document.addEventListener('click', function (event) {
    document.querySelectorAll('details.switcher[open]').forEach(function (d) {
      if (!d.contains(event.target)) d.open = false;
    });
  });
});
